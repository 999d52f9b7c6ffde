/**
 * The accounting of disclosures as a document: a PDF to hand to the practice, or CSV for its
 * own records. Both are written as the rows arrive, so a long period never sits in memory, and
 * both name the patient by reference only: no PHI beyond it, only staff names, field names
 * and categories, purposes and fixed words.
 */
import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import PDFDocument from 'pdfkit';

export interface DisclosureHeading {
  organization: string;
  clientName: string;
  /** The client's time zone: times are shown on its clock, as the practice reads them. */
  timeZone: string;
  patientRef: string;
  /** References of records merged into this one, whose entries are included. */
  otherRefs: string[];
  from: string;
  to: string;
  generatedAt: string;
  generatedBy: string;
}

export interface DisclosureRow {
  eventId: number;
  occurredAt: string;
  kind: 'access' | 'disclosure' | 'change' | 'activity';
  action: string;
  description: string;
  /** Who accessed, or who disclosed: a person and their roles, an integration, or Ringfence itself. */
  person: string;
  recipient: string | null;
  what: string;
  fields: string[];
  categories: string[];
  purpose: string | null;
  outcome: 'success' | 'failure';
  patientRef: string;
}

export const DISCLOSURES_TITLE = 'Accounting of disclosures';

function localTime(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toFormat('yyyy-LL-dd HH:mm:ss ZZZZ');
}

const purposeWords = (p: string | null) => (p ? p.replace(/_/g, ' ') : '');

/** The heading lines both forms carry. */
function headingLines(h: DisclosureHeading): string[] {
  return [
    DISCLOSURES_TITLE,
    `Organization: ${h.organization}`,
    `Client: ${h.clientName}`,
    `Patient reference: ${h.patientRef}${h.otherRefs.length > 0 ? ` (with merged records ${h.otherRefs.join(', ')})` : ''}`,
    `Period: ${h.from} to ${h.to} (from inclusive, to exclusive; times below on the client's clock, ${h.timeZone})`,
    `Generated at ${h.generatedAt} by ${h.generatedBy}`,
  ];
}

export const DISCLOSURE_CSV_COLUMNS = [
  'event_id',
  'date_time_utc',
  'date_time_local',
  'kind',
  'action',
  'description',
  'person',
  'recipient',
  'what',
  'fields',
  'categories',
  'purpose',
  'outcome',
  'patient_ref',
] as const;

/**
 * CSV (RFC 4180, CRLF) with the heading as `#` lines first, then one header row and one row per
 * entry. Cells a spreadsheet would run as a formula are escaped.
 */
export async function* disclosuresCsv(h: DisclosureHeading, rows: AsyncIterable<DisclosureRow>): AsyncGenerator<string> {
  const options = { record_delimiter: 'windows' as const, escape_formulas: true };
  yield headingLines(h).map((l) => `# ${l.replace(/[\r\n]+/g, ' ')}\r\n`).join('');
  yield stringify([[...DISCLOSURE_CSV_COLUMNS]], options);
  let batch: string[][] = [];
  let count = 0;
  for await (const r of rows) {
    count += 1;
    batch.push([
      String(r.eventId),
      r.occurredAt,
      localTime(r.occurredAt, h.timeZone),
      r.kind,
      r.action,
      r.description,
      r.person,
      r.recipient ?? '',
      r.what,
      r.fields.join(' '),
      r.categories.join(' '),
      r.purpose ?? '',
      r.outcome,
      r.patientRef,
    ]);
    if (batch.length >= 200) {
      yield stringify(batch, options);
      batch = [];
    }
  }
  if (batch.length > 0) yield stringify(batch, options);
  yield `# ${count} entr${count === 1 ? 'y' : 'ies'}\r\n`;
}

const MARGIN = 40;

/**
 * The PDF: heading, then a table of the entries oldest first, each page footed with what it
 * belongs to, so a printed page on its own still names the patient reference and the period.
 */
export async function* disclosuresPdf(h: DisclosureHeading, rows: AsyncIterable<DisclosureRow>): AsyncGenerator<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', layout: 'landscape', margin: MARGIN, info: { Title: `${DISCLOSURES_TITLE}, ${h.patientRef}`, Author: h.organization, Creator: 'Ringfence' } });
  const pending: Buffer[] = [];
  doc.on('data', (c: Buffer) => pending.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  let page = 1;
  const footer = () => {
    const { x, y } = doc;
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#555')
      .text(`${DISCLOSURES_TITLE} · ${h.clientName} · patient ${h.patientRef} · ${h.from.slice(0, 10)} to ${h.to.slice(0, 10)} · page ${page}`, MARGIN, doc.page.height - 26, { lineBreak: false });
    doc.page.margins.bottom = bottom;
    doc.fillColor('#000');
    doc.x = x;
    doc.y = y;
  };
  doc.on('pageAdded', () => {
    page += 1;
    footer();
  });
  footer();

  const [title, ...lines] = headingLines(h);
  doc.font('Helvetica-Bold').fontSize(18).text(title!);
  doc.font('Helvetica').fontSize(10).fillColor('#333');
  for (const l of lines) doc.text(l);
  doc.moveDown(0.5).fillColor('#000').fontSize(9);
  doc.text('Each access to and disclosure of the information of the patient with this reference, as recorded in the audit trail. An access is a member of staff seeing the information; a disclosure is its going to someone else.');
  doc.moveDown(0.6);

  const th = (text: string) => ({ text, type: 'TH' as const, font: { src: 'Helvetica-Bold' }, backgroundColor: '#e8ecf1' });
  const table = doc.fontSize(8.5).table({ columnStyles: [92, 150, 130, 120, '*', 70], defaultStyle: { borderColor: '#8d98a6', padding: 3 } });
  table.row([th('Date and time'), th('Action'), th('Who (role)'), th('Disclosed to'), th('What (category)'), th('Purpose')]);
  let count = 0;
  for await (const r of rows) {
    count += 1;
    table.row([
      localTime(r.occurredAt, h.timeZone),
      `${r.description} · #${r.eventId}`,
      r.person,
      r.kind === 'disclosure' ? (r.recipient ?? '') : '',
      r.what,
      purposeWords(r.purpose),
    ]);
    if (pending.length > 0) yield Buffer.concat(pending.splice(0));
  }
  table.end();
  doc.moveDown(0.8).font('Helvetica').fontSize(10);
  doc.text(count === 0 ? "No access to or disclosure of this patient's information was recorded in this period." : `End of the accounting: ${count} entr${count === 1 ? 'y' : 'ies'}.`, MARGIN);
  doc.end();
  await ended;
  if (pending.length > 0) yield Buffer.concat(pending.splice(0));
}
