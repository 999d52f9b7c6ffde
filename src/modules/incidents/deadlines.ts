/**
 * When a business associate must have told a client of an incident: a pure function of the
 * discovery instant, the client's BAA terms and time zone, and any law-enforcement delay, so
 * the arithmetic is checked without a database (deadlines.test.ts, fast-check properties).
 *
 * - Every clock starts at discovery (45 CFR 164.410(a)(2)): the first day a business associate
 *   knew, or by reasonable diligence would have known.
 * - A window in calendar or business days ends at the end of the client's local day that many
 *   days after the local day of discovery (business days skip Saturdays and Sundays; public
 *   holidays are not counted out). A window in hours ("immediately") ends that many hours after
 *   the instant of discovery.
 * - Never later than 60 calendar days after discovery (164.410(b)), on the same local calendar.
 * - A law-enforcement statement (164.412) stops the clock while it lasts: a written one for the
 *   period it states, an oral one for at most 30 days from when it was made. The deadline moves
 *   by the part of the delay that falls before it.
 * - Reminders at half and 80% of the time from discovery to the deadline, and a day before it.
 */
import { DateTime } from 'luxon';
import type { NoticeUnit } from '../compliance/index.ts';

export type { NoticeUnit };

/** The outer limit of 164.410(b): sixty calendar days after discovery. */
export const STATUTORY_DAYS = 60;
/** An oral law-enforcement statement delays for at most this many days (164.412(b)). */
export const ORAL_DELAY_DAYS = 30;

export interface NoticeTerms {
  /** The window's length in `unit`. */
  window: number;
  unit: NoticeUnit;
}

export interface LawEnforcementDelay {
  kind: 'written' | 'oral';
  /** When the official made the statement (ISO instant). */
  statedAt: string;
  /** Until when the statement asks to delay (ISO instant); an oral one is cut to 30 days. */
  until: string;
}

export interface Deadline {
  /** The last instant a timely notice may be given (exclusive: a notice at this instant is late). */
  dueAt: string;
  /** The local day the deadline falls on (the end of which it is, for a window in days). */
  dueOn: string;
  /** The deadline the BAA's window gives, before the 60-day limit and any delay. */
  windowDueAt: string;
  /** Whether the 60-day limit came before the BAA's window. */
  capped: boolean;
  /** How long the clock stood still for law enforcement, in milliseconds. */
  delayedMs: number;
}

const zoneOf = (timeZone: string) => (DateTime.local().setZone(timeZone).isValid ? timeZone : 'UTC');

/** The start of the local day `days` calendar days after the local day of `instant`. */
function startOfLocalDayAfter(instant: DateTime, days: number): DateTime {
  return instant.startOf('day').plus({ days }).startOf('day');
}

/** The local day `n` business days (Monday to Friday) after the local day of `instant`. */
function businessDaysAfter(instant: DateTime, n: number): DateTime {
  let day = instant.startOf('day');
  let left = n;
  while (left > 0) {
    day = day.plus({ days: 1 });
    if (day.weekday <= 5) left -= 1;
  }
  return day;
}

/** The end of the BAA's window (exclusive), before the 60-day limit. */
export function windowEnd(discoveredAt: string, terms: NoticeTerms, timeZone: string): DateTime {
  const zone = zoneOf(timeZone);
  const discovered = DateTime.fromISO(discoveredAt, { zone });
  if (terms.unit === 'hours') return discovered.plus({ hours: terms.window });
  const lastDay = terms.unit === 'calendar_days' ? discovered.startOf('day').plus({ days: terms.window }) : businessDaysAfter(discovered, terms.window);
  return startOfLocalDayAfter(lastDay, 1);
}

/** The end of the sixty calendar days (exclusive), on the client's calendar. */
export function statutoryEnd(discoveredAt: string, timeZone: string): DateTime {
  const zone = zoneOf(timeZone);
  return startOfLocalDayAfter(DateTime.fromISO(discoveredAt, { zone }), STATUTORY_DAYS + 1);
}

/** How far a law-enforcement delay pushes a deadline that would otherwise fall at `due`. */
export function delayMs(discoveredAt: string, due: DateTime, delay: LawEnforcementDelay | null): number {
  if (!delay) return 0;
  const statedAt = DateTime.fromISO(delay.statedAt);
  let until = DateTime.fromISO(delay.until);
  // Thirty days of 24 hours: `statedAt` is on the host's zone, whose calendar days would make it 30 days ± an hour.
  if (delay.kind === 'oral') until = DateTime.min(until, statedAt.plus({ hours: ORAL_DELAY_DAYS * 24 }));
  const from = DateTime.max(statedAt, DateTime.fromISO(discoveredAt));
  // A statement made after the deadline passed does not revive it; one that ended before discovery changes nothing.
  if (from >= due || until <= from) return 0;
  return until.toMillis() - from.toMillis();
}

/** The deadline of a notice to a client whose BAA has `terms`, in the client's `timeZone`. */
export function noticeDeadline(discoveredAt: string, terms: NoticeTerms, timeZone: string, delay: LawEnforcementDelay | null = null): Deadline {
  const zone = zoneOf(timeZone);
  const window = windowEnd(discoveredAt, terms, zone);
  const statutory = statutoryEnd(discoveredAt, zone);
  const capped = statutory < window;
  const base = capped ? statutory : window;
  const delayed = delayMs(discoveredAt, base, delay);
  const due = base.plus({ milliseconds: delayed });
  // For a window in days the deadline is the end of a local day: the day it ends, not the midnight after.
  const dueOn = (terms.unit === 'hours' && !capped && delayed === 0 ? due : due.minus({ milliseconds: 1 })).setZone(zone).toISODate()!;
  return { dueAt: due.toUTC().toISO()!, dueOn, windowDueAt: window.toUTC().toISO()!, capped, delayedMs: delayed };
}

/** The steps a notice is reminded at: half and 80% of the time to the deadline, and one day before it. */
export const REMINDER_STEPS = [50, 80, 100] as const;
export type ReminderStep = (typeof REMINDER_STEPS)[number];

/** When each reminder step falls due (a step that would come before discovery is dropped). */
export function reminderTimes(discoveredAt: string, dueAt: string): { step: ReminderStep; at: string }[] {
  const start = Date.parse(discoveredAt);
  const end = Date.parse(dueAt);
  const span = end - start;
  const at = (ms: number) => new Date(ms).toISOString();
  const steps: { step: ReminderStep; at: string }[] = [
    { step: 50, at: at(start + span * 0.5) },
    { step: 80, at: at(start + span * 0.8) },
    { step: 100, at: at(end - 86_400_000) },
  ];
  return steps.filter((s) => Date.parse(s.at) >= start);
}

/** The latest reminder step due at `now` before the deadline, or null (none yet, or the deadline passed). */
export function dueReminderStep(discoveredAt: string, dueAt: string, now: Date): ReminderStep | null {
  if (now.getTime() >= Date.parse(dueAt)) return null;
  const due = reminderTimes(discoveredAt, dueAt).filter((s) => Date.parse(s.at) <= now.getTime());
  return due.length > 0 ? due[due.length - 1]!.step : null;
}

/**
 * The client's own dates, when Ringfence acts as its agent and its discovery is therefore
 * Ringfence's (164.404(a)(2)): individual notice within 60 days; HHS within the same 60 days
 * for 500 or more individuals, otherwise within 60 days after the end of the calendar year of
 * discovery (its log, 164.408(c)), which is 1 March, or 29 February in a leap year.
 */
export function clientDates(discoveredAt: string, individuals: number, timeZone: string): { individualsBy: string; hhsBy: string; mediaRequired: boolean } {
  const zone = zoneOf(timeZone);
  const discovered = DateTime.fromISO(discoveredAt, { zone });
  const individualsBy = discovered.startOf('day').plus({ days: STATUTORY_DAYS }).toISODate()!;
  const yearEnd = DateTime.fromObject({ year: discovered.year, month: 12, day: 31 }, { zone });
  const hhsBy = individuals >= 500 ? individualsBy : yearEnd.plus({ days: STATUTORY_DAYS }).toISODate()!;
  return { individualsBy, hhsBy, mediaRequired: individuals > 500 };
}
