/**
 * The notice of an incident to an affected client, as Markdown and as a PDF, from the facts
 * kept with it: what happened and when, when it was discovered, which categories of PHI, how
 * many individuals, what was done, what the client may need to do and by when, and whom to
 * contact. No PHI beyond what the client must know: counts and categories; the patients'
 * references go in a separate attachment the client resolves in its own system.
 */
import { DateTime } from 'luxon';
import PDFDocument from 'pdfkit';
import type { DataCategory } from '../../platform/authz/catalogue.ts';
import { csvCell } from '../../platform/http/csv.ts';
import type { Determination, HhsBreachType, HhsLocation, HhsPhiType, IncidentType } from './incidents.tables.ts';

export interface LetterFacts {
  organization: string;
  client: { id: string; name: string; timeZone: string };
  ref: string;
  type: IncidentType;
  typeLabel: string;
  description: string;
  occurredFrom: string | null;
  occurredTo: string | null;
  discoveredAt: string;
  hhs: { breachType: HhsBreachType; location: HhsLocation; phiTypes: HhsPhiType[] };
  categories: Exclude<DataCategory, 'operational'>[];
  individuals: number;
  patientRefs: string[];
  determination: Determination | null;
  mitigation: string | null;
  deadline: { dueAt: string; dueOn: string };
  clientDates: { individualsBy: string; hhsBy: string; mediaRequired: boolean };
  contact: { name: string; email: string } | null;
  lawEnforcementDelay: { kind: 'written' | 'oral'; until: string } | null;
  sequence: number;
  previous: { id: string; generatedAt: string; sentAt: string | null } | null;
  generatedAt: string;
}

const CATEGORY_WORDS: Record<Exclude<DataCategory, 'operational'>, string> = {
  contact: 'contact details (name, telephone number, e-mail address, callback window)',
  identity: 'identifiers (date of birth, address, medical record number)',
  clinical: 'clinical information (the reason for the call, clinical notes)',
  billing: 'billing information (insurance member number)',
  recording: 'call recordings',
};

const DETERMINATION_WORDS: Record<Determination, string> = {
  breach: 'a breach of unsecured protected health information',
  low_probability: 'a low probability that the protected health information has been compromised (45 CFR 164.402(2)); we report it because our agreement asks us to',
  excluded: 'not a breach under an exclusion of 45 CFR 164.402(1) or because the information was secured; we report it because our agreement asks us to',
};

const day = (d: string, zone: string) => DateTime.fromISO(d, { zone }).toFormat('LLLL d, yyyy');
const moment = (at: string, zone: string) => DateTime.fromISO(at, { zone }).toFormat("LLLL d, yyyy 'at' h:mm a ZZZZ");

/** The letter as sections of plain sentences, shared by the Markdown and the PDF. */
function sections(f: LetterFacts): { title: string; intro: string[]; parts: { heading: string; lines: string[] }[] } {
  const zone = f.client.timeZone;
  const supplemental = f.sequence > 1;
  const title = supplemental ? `Supplemental notice ${f.sequence - 1} of incident ${f.ref}` : `Notice of incident ${f.ref}`;
  const when = f.occurredFrom ? (f.occurredTo && f.occurredTo !== f.occurredFrom ? `between ${moment(f.occurredFrom, zone)} and ${moment(f.occurredTo, zone)}` : `on ${moment(f.occurredFrom, zone)}`) : 'at a time not yet established';
  const intro = [
    `To: ${f.client.name}`,
    `From: ${f.organization}, as your business associate`,
    `Date: ${day(f.generatedAt, zone)}`,
    ...(supplemental && f.previous ? [`This supplements our notice of ${day(f.previous.sentAt ?? f.previous.generatedAt, zone)} with facts learned since.`] : []),
  ];
  const categories = f.categories.length > 0 ? f.categories.map((c) => CATEGORY_WORDS[c]) : ['none identified so far'];
  const parts = [
    { heading: 'What happened', lines: [`${f.typeLabel}. ${f.description}`, `It happened ${when}.`] },
    {
      heading: 'When we discovered it',
      lines: [
        `We discovered it on ${moment(f.discoveredAt, zone)}.`,
        ...(f.lawEnforcementDelay ? [`A law enforcement official asked us (${f.lawEnforcementDelay.kind === 'written' ? 'in writing' : 'orally'}) to delay this notice until ${day(f.lawEnforcementDelay.until, zone)} (45 CFR 164.412).`] : []),
        `Under our agreement this notice was due by the end of ${day(f.deadline.dueOn, zone)}.`,
      ],
    },
    { heading: 'The information involved', lines: [...categories.map((c) => `- ${c}`), `HHS breach portal: type of breach "${f.hhs.breachType}", location "${f.hhs.location}", information "${f.hhs.phiTypes.join(', ') || 'Other'}".`] },
    {
      heading: 'The individuals affected',
      lines: [
        `${f.individuals} individual${f.individuals === 1 ? '' : 's'} of ${f.client.name}.`,
        f.patientRefs.length > 0
          ? `The attached list gives the Ringfence patient reference of each of the ${f.patientRefs.length} patients we identified, so that you can identify them in your own records; this letter names no one.`
          : 'We have not identified individual patients in our records; the count is our estimate.',
      ],
    },
    { heading: 'Our assessment', lines: [f.determination ? `Our risk assessment found ${DETERMINATION_WORDS[f.determination]}.` : 'Our risk assessment is not complete; until it is, we treat this as a breach of unsecured protected health information.'] },
    { heading: 'What we have done', lines: [f.mitigation ?? 'We are investigating and will tell you what we have done in a supplemental notice.'] },
    {
      heading: 'What you may need to do',
      lines: [
        `Because we act as your agent, our discovery is yours: your own deadlines run from ${day(f.discoveredAt, zone)}.`,
        `If you determine this is a breach: notify each affected individual without unreasonable delay and no later than ${day(f.clientDates.individualsBy, zone)} (45 CFR 164.404).`,
        f.individuals >= 500
          ? `Notify the Secretary of HHS by ${day(f.clientDates.hhsBy, zone)}, at the same time as the individuals (45 CFR 164.408(b)).`
          : `Record it in your log of breaches affecting fewer than 500 individuals and report it to the Secretary of HHS by ${day(f.clientDates.hhsBy, zone)} (45 CFR 164.408(c)).`,
        ...(f.clientDates.mediaRequired ? ['If more than 500 residents of one State or jurisdiction are affected, notify prominent media outlets serving it (45 CFR 164.406).'] : []),
      ],
    },
    { heading: 'Contact', lines: [f.contact ? `${f.contact.name}, ${f.contact.email}, for ${f.organization}.` : `The compliance officer of ${f.organization}.`] },
  ];
  return { title, intro, parts };
}

/** The letter as Markdown; its SHA-256 is kept with the notice. */
export function renderLetterMarkdown(f: LetterFacts): string {
  const s = sections(f);
  return [`# ${s.title}`, '', ...s.intro.map((l) => `${l}  `), '', ...s.parts.flatMap((p) => [`## ${p.heading}`, '', ...p.lines.map((l) => (l.startsWith('- ') ? l : `${l}\n`)), '']), `Reference ${f.ref} · ${f.organization}`, ''].join('\n');
}

/** The attachment: one patient reference a line, which the client resolves in its own system. */
export function renderPatientList(f: LetterFacts): string {
  return `${['client', 'incident', 'patient_reference'].join(',')}\r\n${f.patientRefs.map((r) => [f.client.name, f.ref, r].map(csvCell).join(',')).join('\r\n')}${f.patientRefs.length ? '\r\n' : ''}`;
}

/** The letter as a PDF, every page footed with what it is. */
export function renderLetterPdf(f: LetterFacts): Promise<Buffer> {
  const s = sections(f);
  const doc = new PDFDocument({ size: 'LETTER', margin: 60, bufferPages: true, info: { Title: `${s.title}, ${f.client.name}`, Author: f.organization } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(17).text(s.title);
  doc.moveDown(0.4).font('Helvetica').fontSize(10).fillColor('#333');
  for (const line of s.intro) doc.text(line);
  doc.fillColor('#000');
  for (const part of s.parts) {
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(part.heading);
    doc.moveDown(0.2).font('Helvetica').fontSize(10.5);
    for (const line of part.lines) {
      if (line.startsWith('- ')) doc.text(`•  ${line.slice(2)}`, { indent: 12 });
      else doc.text(line).moveDown(0.3);
    }
  }
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fontSize(8).fillColor('#555').text(`${s.title} · ${f.organization} to ${f.client.name} · page ${i - start + 1} of ${count}`, 60, doc.page.height - 36, { lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
