/**
 * The BAA-chain report as a PDF an auditor can file: who holds PHI under which agreement,
 * gaps first, and whose PHI each vendor touches.
 */
import PDFDocument from 'pdfkit';
import { noticeWindowText, reachText } from './baa-chain.service.ts';
import type { ChainEntry } from './compliance.schemas.ts';

const STATE_LABEL: Record<ChainEntry['state'], string> = {
  missing: 'No BAA',
  expired: 'Expired',
  terminated: 'Terminated',
  pending: 'Signed, not yet in effect',
  draft: 'Draft, not signed',
  expiring: 'Active, ending soon',
  active: 'Active',
};

const GAP = new Set<ChainEntry['state']>(['missing', 'expired', 'terminated', 'draft', 'pending']);

/** Renders the chain (already in report order) for an organization, as of a day. */
export function baaChainPdf(entries: ChainEntry[], heading: { organization: string; asOf: string }): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', layout: 'landscape', margin: 40, bufferPages: true, info: { Title: `BAA chain, ${heading.organization}`, Author: 'Ringfence' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const clients = entries.filter((e) => e.party.type === 'client');
  const vendors = entries.filter((e) => e.party.type === 'vendor');
  const gaps = entries.filter((e) => GAP.has(e.state)).length;
  doc.font('Helvetica-Bold').fontSize(18).text('Business associate agreement chain');
  doc.font('Helvetica').fontSize(10).fillColor('#444').text(`${heading.organization} · as of ${heading.asOf}`);
  doc.moveDown(0.5).fillColor('#000').fontSize(11);
  doc.text(
    `${clients.length - clients.filter((e) => GAP.has(e.state)).length} of ${clients.length} clients and ${vendors.length - vendors.filter((e) => GAP.has(e.state)).length} of ${vendors.length} PHI-handling vendors hold an active BAA. ` +
      (gaps === 0 ? 'There are no gaps.' : `${gaps} gap${gaps === 1 ? '' : 's'} listed first: no PHI may be handled for or through them.`),
  );
  doc.moveDown();

  const header = ['Party', 'Type', 'BAA state', 'Effective', 'Ends', 'Breach notice', 'PHI shared with'].map((text) => ({ text, type: 'TH' as const, font: { src: 'Helvetica-Bold' }, backgroundColor: '#e8ecf1' }));
  const rows = entries.map((e) => [
    e.party.name,
    e.party.type === 'client' ? 'Client' : `Vendor (${e.services.join(', ')})`,
    { text: STATE_LABEL[e.state], font: { src: GAP.has(e.state) ? 'Helvetica-Bold' : 'Helvetica' }, textColor: GAP.has(e.state) ? '#a11' : '#000' },
    e.effectiveOn ?? '',
    e.endsOn ?? (e.state === 'active' ? 'open-ended' : ''),
    noticeWindowText(e),
    reachText(e) || 'none recorded',
  ]);
  doc.fontSize(9).table({
    columnStyles: [130, 110, 95, 62, 62, 62, '*'],
    defaultStyle: { borderColor: '#8d98a6', padding: 3 },
    data: [header, ...rows],
  });
  // Every page says what it is part of, so a printed page on its own is still evidence.
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fontSize(8).fillColor('#555').text(`BAA chain · ${heading.organization} · as of ${heading.asOf} · page ${i - start + 1} of ${count}`, 40, doc.page.height - 28, { lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
