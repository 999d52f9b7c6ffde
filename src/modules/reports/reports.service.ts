/**
 * Callback reports for supervisors and for the practices they serve: per client and period,
 * how many callbacks came in, how many were completed and how fast, and who did the work.
 * Aggregates only: no patient name, phone or reference appears in any report (docs/product.md,
 * "Reports"); agents are named, as staff.
 *
 * The period is a span of the client's own days (its time zone), `to` inclusive.
 */
import { DateTime } from 'luxon';
import { assertCan } from '../../platform/authz/guard.ts';
import { addDays, addMonths, isCalendarDay } from '../../platform/calendar.ts';
import { audit, type ActorContext } from '../../platform/context.ts';
import { csvLines } from '../../platform/http/csv.ts';
import { invalidField } from '../../platform/http/errors.ts';
import { getClient } from '../clients/index.ts';
import { callbackActivity, type AgentWork, type CallbackFacts } from '../tasks/index.ts';
import { staffNames } from '../users/index.ts';

/** The longest period one report covers: a year and the month before it, for year-on-year. */
export const MAX_REPORT_MONTHS = 13;

export type ReportFormat = 'json' | 'csv' | 'pdf';

export interface CallbackSummary {
  /** Callbacks created in the period. */
  received: number;
  /** Of those, completed (status completed). */
  completed: number;
  /** Of the completed, closed by their due time. */
  completedWithinSla: number;
  /** completedWithinSla / completed; null when none was completed. */
  withinSlaShare: number | null;
  /** Median minutes from creation to the first attempt, over callbacks with an attempt. */
  medianMinutesToFirstAttempt: number | null;
  /** Attempts on the period's callbacks / received; null when none was received. */
  attemptsPerCallback: number | null;
  attempts: number;
  /** Resolved as unreachable (the last allowed attempt reached no one). */
  unreachable: number;
  /** Escalated now, or had a wrong-number or disconnected attempt. */
  escalated: number;
}

export interface ReportDay {
  day: string;
  /** Callbacks received that day. */
  received: number;
  /** Of those, completed by now. */
  completed: number;
}

export interface AgentRow {
  agentId: string;
  displayName: string;
  /** Callbacks of the client the agent attempted, or held at completion, in the period. */
  handled: number;
  /** Callbacks the agent completed in the period. */
  completed: number;
  /** Median minutes from the agent's final claim to completion; null when no completion had a claim on record. */
  medianHandlingMinutes: number | null;
}

export interface CallbackReport {
  client: { id: string; name: string; timeZone: string };
  period: { from: string; to: string };
  summary: CallbackSummary;
  days: ReportDay[];
  agents: AgentRow[];
  generatedAt: string;
}

/** Checks the period: real days, from on or before to, at most MAX_REPORT_MONTHS; names the field. */
export function checkPeriod(from: string, to: string): void {
  if (!isCalendarDay(from)) throw invalidField('from', 'must be a calendar day written YYYY-MM-DD, such as 2026-11-01');
  if (!isCalendarDay(to)) throw invalidField('to', 'must be a calendar day written YYYY-MM-DD, such as 2026-11-30');
  if (to < from) throw invalidField('to', `must be on or after from (${from})`);
  if (to >= addMonths(from, MAX_REPORT_MONTHS)) throw invalidField('to', `the period can cover at most ${MAX_REPORT_MONTHS} months; end it before ${addMonths(from, MAX_REPORT_MONTHS)}`);
}

/** The UTC instants the client's days from…to (inclusive) span. */
function spanOf(from: string, to: string, timeZone: string): { start: string; end: string } {
  const start = DateTime.fromISO(from, { zone: timeZone }).startOf('day');
  const end = DateTime.fromISO(addDays(to, 1), { zone: timeZone }).startOf('day');
  return { start: start.toUTC().toISO()!, end: end.toUTC().toISO()! };
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const minutes = (ms: number | null): number | null => (ms === null ? null : Math.round(ms / 6_000) / 10);
const ratio = (n: number, of: number, places: number): number | null => (of === 0 ? null : Math.round((n / of) * 10 ** places) / 10 ** places);

/** The figures of one set of callbacks, by the definitions in the README. */
export function summarize(callbacks: CallbackFacts[]): CallbackSummary {
  const completed = callbacks.filter((c) => c.status === 'completed');
  const withinSla = completed.filter((c) => c.closedAt !== null && c.closedAt <= c.dueAt).length;
  const attempts = callbacks.reduce((n, c) => n + c.attempts, 0);
  const toFirst = callbacks.filter((c) => c.firstAttemptAt !== null).map((c) => Date.parse(c.firstAttemptAt!) - Date.parse(c.createdAt));
  return {
    received: callbacks.length,
    completed: completed.length,
    completedWithinSla: withinSla,
    withinSlaShare: ratio(withinSla, completed.length, 4),
    medianMinutesToFirstAttempt: minutes(median(toFirst)),
    attemptsPerCallback: ratio(attempts, callbacks.length, 2),
    attempts,
    unreachable: callbacks.filter((c) => c.resolution === 'unreachable').length,
    escalated: callbacks.filter((c) => c.status === 'escalated' || c.badNumber).length,
  };
}

/** Received and completed per day of the client's calendar, every day of the period listed. */
function perDay(callbacks: CallbackFacts[], from: string, to: string, timeZone: string): ReportDay[] {
  const days = new Map<string, ReportDay>();
  for (let day = from; day <= to; day = addDays(day, 1)) days.set(day, { day, received: 0, completed: 0 });
  for (const c of callbacks) {
    const entry = days.get(DateTime.fromISO(c.createdAt, { zone: timeZone }).toISODate()!);
    if (!entry) continue;
    entry.received += 1;
    if (c.status === 'completed') entry.completed += 1;
  }
  return [...days.values()];
}

async function perAgent(ctx: ActorContext, work: AgentWork[]): Promise<AgentRow[]> {
  const agents = new Map<string, { handled: Set<string>; handling: number[]; completed: number }>();
  for (const w of work) {
    const entry = agents.get(w.agentId) ?? { handled: new Set<string>(), handling: [], completed: 0 };
    entry.handled.add(w.taskId);
    if (w.kind === 'completion') {
      entry.completed += 1;
      if (w.claimedAt !== null) entry.handling.push(Date.parse(w.at) - Date.parse(w.claimedAt));
    }
    agents.set(w.agentId, entry);
  }
  const names = await staffNames(ctx, [...agents.keys()]);
  return [...agents.entries()]
    .map(([agentId, a]) => ({ agentId, displayName: names.get(agentId) ?? 'Former staff member', handled: a.handled.size, completed: a.completed, medianHandlingMinutes: minutes(median(a.handling)) }))
    .sort((a, b) => b.handled - a.handled || a.displayName.localeCompare(b.displayName));
}

/**
 * The callback report of one client for a period: read (JSON) needs `read Report`, a file
 * (CSV, PDF) `export Report`, for that client. Each is an audit event naming client, period
 * and format.
 */
export async function callbackReport(ctx: ActorContext, query: { clientId: string; from: string; to: string }, format: ReportFormat = 'json'): Promise<CallbackReport> {
  assertCan(ctx, format === 'json' ? 'read' : 'export', 'Report', { clientId: query.clientId });
  checkPeriod(query.from, query.to);
  const client = await getClient(ctx, query.clientId);
  const { callbacks, work } = await callbackActivity(ctx, client.id, spanOf(query.from, query.to, client.timeZone));
  const report: CallbackReport = {
    client: { id: client.id, name: client.name, timeZone: client.timeZone },
    period: { from: query.from, to: query.to },
    summary: summarize(callbacks),
    days: perDay(callbacks, query.from, query.to, client.timeZone),
    agents: await perAgent(ctx, work),
    generatedAt: new Date().toISOString(),
  };
  await audit(ctx, {
    action: format === 'json' ? 'report.viewed' : 'report.exported',
    resourceType: 'Report',
    resourceId: client.id,
    clientId: client.id,
    details: { report: 'callbacks', from: query.from, to: query.to, format },
  });
  return report;
}

/** A name for files: lower case, letters and digits joined by hyphens ("Lakeside Pediatrics" → lakeside-pediatrics). */
export function slug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'client'
  );
}

/** The file name of a report: client, period, form (`callbacks-lakeside-pediatrics-2026-11-01-to-2026-11-30.csv`). */
export function reportFileName(report: CallbackReport, ext: 'csv' | 'pdf'): string {
  return `callbacks-${slug(report.client.name)}-${report.period.from}-to-${report.period.to}.${ext}`;
}

const pct = (share: number | null): string | null => (share === null ? null : `${Math.round(share * 1000) / 10}%`);

/** The report as CSV for a spreadsheet: the figures, then the days, then the agents, each a table with its header. */
export function callbackReportCsv(report: CallbackReport): string {
  const s = report.summary;
  return [
    csvLines([
      ['client', 'from', 'to', 'time_zone'],
      [report.client.name, report.period.from, report.period.to, report.client.timeZone],
    ]),
    csvLines([
      ['measure', 'value'],
      ['received', s.received],
      ['completed', s.completed],
      ['completed_within_sla', s.completedWithinSla],
      ['within_sla_share', pct(s.withinSlaShare)],
      ['median_minutes_to_first_attempt', s.medianMinutesToFirstAttempt],
      ['attempts', s.attempts],
      ['attempts_per_callback', s.attemptsPerCallback],
      ['unreachable', s.unreachable],
      ['escalated', s.escalated],
    ]),
    csvLines([['day', 'received', 'completed'], ...report.days.map((d) => [d.day, d.received, d.completed])]),
    csvLines([['agent', 'handled', 'completed', 'median_handling_minutes'], ...report.agents.map((a) => [a.displayName, a.handled, a.completed, a.medianHandlingMinutes])]),
  ].join('\r\n');
}
