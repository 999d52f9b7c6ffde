/**
 * The callback report as a PDF an answering service sends its client each month: the
 * figures, a chart of callbacks per day, the agents' work and what each figure means.
 * Aggregates only, like every report: no patient appears in it.
 */
import PDFDocument from 'pdfkit';
import { DEFINITIONS } from './definitions.ts';
import type { CallbackReport } from './reports.service.ts';

const RECEIVED = '#5b8fc7';
const COMPLETED = '#13652b';

const share = (v: number | null) => (v === null ? '–' : `${Math.round(v * 1000) / 10}%`);
const num = (v: number | null, unit = '') => (v === null ? '–' : `${v}${unit}`);

/** A bar chart of received and completed per day, drawn at the current position. */
function drawDays(doc: PDFKit.PDFDocument, report: CallbackReport): void {
  const left = doc.page.margins.left + 28;
  const width = doc.page.width - doc.page.margins.right - left;
  const height = 120;
  const top = doc.y + 6;
  const max = Math.max(1, ...report.days.map((d) => d.received));
  const step = Math.max(1, Math.ceil(max / 4));
  const scaleMax = step * Math.ceil(max / step);
  doc.fontSize(7).fillColor('#555');
  for (let v = 0; v <= scaleMax; v += step) {
    const y = top + height - (v / scaleMax) * height;
    doc.moveTo(left, y).lineTo(left + width, y).lineWidth(0.3).strokeColor('#d5dae1').stroke();
    doc.text(String(v), left - 26, y - 3, { width: 22, align: 'right', lineBreak: false });
  }
  const slot = width / report.days.length;
  const bar = Math.max(1, Math.min(8, (slot - 2) / 2));
  report.days.forEach((d, i) => {
    const x = left + i * slot + (slot - 2 * bar) / 2;
    const hr = (d.received / scaleMax) * height;
    const hc = (d.completed / scaleMax) * height;
    if (hr > 0) doc.rect(x, top + height - hr, bar, hr).fill(RECEIVED);
    if (hc > 0) doc.rect(x + bar, top + height - hc, bar, hc).fill(COMPLETED);
    // Label the first day and every fifth, so a month's axis stays legible.
    if (i === 0 || (i + 1) % 5 === 0 || report.days.length <= 14) {
      doc.fillColor('#555').fontSize(7).text(d.day.slice(5), left + i * slot - 6, top + height + 3, { width: slot + 12, align: 'center', lineBreak: false });
    }
  });
  const legendY = top + height + 16;
  doc.rect(left, legendY, 8, 8).fill(RECEIVED);
  doc.fillColor('#000').fontSize(8).text('Received', left + 11, legendY, { lineBreak: false });
  doc.rect(left + 70, legendY, 8, 8).fill(COMPLETED);
  doc.fillColor('#000').text('Completed (of that day’s callbacks)', left + 81, legendY, { lineBreak: false });
  doc.x = doc.page.margins.left;
  doc.y = legendY + 18;
}

/** Renders the report for a client, on behalf of the answering service (`organization`). */
export function callbackReportPdf(report: CallbackReport, heading: { organization: string }): Promise<Buffer> {
  const title = `Callback report, ${report.client.name}, ${report.period.from} to ${report.period.to}`;
  const doc = new PDFDocument({ size: 'LETTER', margin: 48, bufferPages: true, info: { Title: title, Author: heading.organization, Creator: 'Ringfence' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const s = report.summary;
  doc.font('Helvetica-Bold').fontSize(18).text('Callback report');
  doc.font('Helvetica').fontSize(11).fillColor('#333').text(`${report.client.name} · ${report.period.from} to ${report.period.to} (${report.client.timeZone})`);
  doc.fontSize(9).fillColor('#555').text(`Prepared by ${heading.organization}`);
  doc.moveDown().fillColor('#000').fontSize(11);
  if (s.received === 0) {
    doc.text('No callbacks were received in this period.');
  } else {
    doc.text(
      `${s.received} callback${s.received === 1 ? ' was' : 's were'} received; ${s.completed} ${s.completed === 1 ? 'is' : 'are'} completed, ` +
        `${share(s.withinSlaShare)} of them within the agreed time. The first attempt came after ${num(s.medianMinutesToFirstAttempt, ' minutes')} (median).`,
    );
  }
  doc.moveDown(0.7);

  const th = (text: string) => ({ text, type: 'TH' as const, font: { src: 'Helvetica-Bold' }, backgroundColor: '#e8ecf1' });
  doc.fontSize(10).table({
    columnStyles: [260, '*'],
    defaultStyle: { borderColor: '#8d98a6', padding: 4 },
    data: [
      [th('Measure'), th('Value')],
      ['Callbacks received', String(s.received)],
      ['Completed', String(s.completed)],
      ['Completed within SLA', s.completed === 0 ? '–' : `${s.completedWithinSla} of ${s.completed} (${share(s.withinSlaShare)})`],
      ['Median time to first attempt', num(s.medianMinutesToFirstAttempt, ' min')],
      ['Attempts per callback', num(s.attemptsPerCallback)],
      ['Unreachable', String(s.unreachable)],
      ['Escalated', String(s.escalated)],
    ],
  });
  doc.moveDown();
  doc.font('Helvetica-Bold').fontSize(12).text('Callbacks per day');
  doc.font('Helvetica');
  drawDays(doc, report);

  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(12).fillColor('#000').text('Agents');
  doc.font('Helvetica').fontSize(10);
  if (report.agents.length === 0) doc.text('No agent worked this client’s callbacks in the period.');
  else {
    doc.table({
      columnStyles: ['*', 80, 80, 130],
      defaultStyle: { borderColor: '#8d98a6', padding: 4 },
      data: [[th('Agent'), th('Handled'), th('Completed'), th('Median handling time')], ...report.agents.map((a) => [a.displayName, String(a.handled), String(a.completed), num(a.medianHandlingMinutes, ' min')])],
    });
  }

  doc.moveDown().font('Helvetica-Bold').fontSize(10).text('What the figures mean');
  doc.font('Helvetica').fontSize(8.5).fillColor('#333');
  for (const d of DEFINITIONS) doc.text(`${d.term}: ${d.meaning}`, { paragraphGap: 2 });

  // Every page says what it belongs to, so a page read on its own still names client and period.
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fontSize(8).fillColor('#555').text(`${report.client.name} · callbacks ${report.period.from} to ${report.period.to} · page ${i - start + 1} of ${count}`, 48, doc.page.height - 30, { lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
