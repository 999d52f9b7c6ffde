/**
 * Due times from a client's callback policy. Emergent and urgent callbacks are due a fixed
 * number of minutes after intake, around the clock (an answering service covers nights and
 * weekends). A routine callback is due by the close of the client's business day, in the
 * client's time zone: the same day when it arrives before closing on a business day, else the
 * close of the next business day. Daylight-saving changes and time zones are luxon's job.
 */
import { DateTime, IANAZone } from 'luxon';
import type { TaskPriority as Priority } from './tasks.tables.ts';

export { TASK_PRIORITIES as PRIORITIES, type TaskPriority as Priority } from './tasks.tables.ts';

/** Lower sorts first: the order agents work in. */
export const PRIORITY_RANK: Record<Priority, number> = { emergent: 0, urgent: 1, routine: 2 };

/** One day the client is open: an ISO weekday (1 Monday … 7 Sunday) and its local opening and closing time, "HH:MM", open < close. */
export interface BusinessDay {
  day: number;
  open: string;
  close: string;
}

/** The days a client is open, each with its own hours; a weekday missing from the list is a day off. */
export type BusinessHours = BusinessDay[];

export interface SlaPolicy {
  /** Minutes to call back, per priority that runs around the clock. */
  minutes: { emergent: number; urgent: number };
  businessHours: BusinessHours;
}

function atTime(day: DateTime, hhmm: string): DateTime {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return day.set({ hour: h, minute: m, second: 0, millisecond: 0 });
}

/** The close of the business day a routine callback received at `received` belongs to. */
export function closeOfBusinessDay(received: DateTime, hours: BusinessHours): DateTime {
  if (hours.length === 0) throw new Error('business hours need at least one day');
  let day = received.startOf('day');
  for (let i = 0; i < 8; i += 1) {
    const open = hours.find((h) => h.day === day.weekday);
    if (open) {
      const close = atTime(day, open.close);
      if (received < close) return close;
    }
    day = day.plus({ days: 1 }).startOf('day');
  }
  throw new Error('no business day within a week');
}

/**
 * The last routine due time worked out per zone and business hours: `close` is the first
 * business close after `from`, so it is also the answer for every time in [from, close).
 * Intake arrives in time order, so nearly every routine callback is answered from here.
 */
const lastClose = new Map<string, { from: number; close: number; iso: string }>();
const LAST_CLOSE_LIMIT = 1000;
/** Zones already found valid: luxon checks by building a date formatter, every time. */
const validZones = new Set<string>();

function isValidZone(timeZone: string): boolean {
  if (validZones.has(timeZone)) return true;
  if (!IANAZone.isValidZone(timeZone)) return false;
  if (validZones.size >= LAST_CLOSE_LIMIT) validZones.clear();
  validZones.add(timeZone);
  return true;
}

/** An ISO instant names its offset; a bare local time would be read in the server's zone. */
const HAS_OFFSET = /(?:Z|[+-]\d\d:?\d\d)$/;

/** When a callback of this priority, received at `receivedAt` (an ISO instant with its offset), is due (ISO, UTC). */
export function dueAt(receivedAt: string, priority: Priority, policy: SlaPolicy, timeZone: string): string {
  const receivedMs = HAS_OFFSET.test(receivedAt) ? Date.parse(receivedAt) : Number.NaN;
  if (Number.isNaN(receivedMs) || !isValidZone(timeZone)) throw new Error(`invalid time ${receivedAt} or zone ${timeZone}`);
  // Minutes around the clock are exact time, the same instant in every zone.
  if (priority !== 'routine') return new Date(receivedMs + policy.minutes[priority] * 60_000).toISOString();
  const hours = policy.businessHours;
  const key = `${timeZone}|${hours.map((h) => `${h.day}-${h.close}`).join(',')}`;
  const known = lastClose.get(key);
  if (known !== undefined && known.from <= receivedMs && receivedMs < known.close) return known.iso;
  const close = closeOfBusinessDay(DateTime.fromMillis(receivedMs, { zone: timeZone }), hours);
  const iso = close.toUTC().toISO()!;
  if (lastClose.size >= LAST_CLOSE_LIMIT) lastClose.clear();
  lastClose.set(key, { from: receivedMs, close: close.toMillis(), iso });
  return iso;
}

/** True when the local time `at` falls inside the client's business hours. */
export function withinBusinessHours(at: string, hours: BusinessHours, timeZone: string): boolean {
  const local = DateTime.fromISO(at, { zone: timeZone });
  const day = hours.find((h) => h.day === local.weekday);
  return day !== undefined && local >= atTime(local, day.open) && local < atTime(local, day.close);
}

/** The time a patient asked to be called in: not before `after`, not after `before` (ISO instants, either may be absent). */
export interface CallbackWindow {
  after?: string | null;
  before?: string | null;
}

/**
 * Why a callback window cannot be kept when it is received at `receivedAt`: a sentence for
 * `callbackBefore`, or null when the window is fine. An end at or before its start, or an end
 * already past, would put a callback on the queue that nobody can make in time.
 */
export function windowProblem(receivedAt: string, window: CallbackWindow): string | null {
  if (!window.before) return null;
  const before = Date.parse(window.before);
  if (window.after && before <= Date.parse(window.after)) return 'The callback window must end later than it starts.';
  if (before <= Date.parse(receivedAt)) return 'The callback window has already ended: its end must be in the future.';
  return null;
}

/**
 * When a callback becomes workable and when it is due. The SLA clock starts when the window
 * opens (a patient who asks to be called after 3 p.m. has not been kept waiting before then),
 * and the due time is never later than the window's end: calling after it would miss the patient.
 * Both answers are ISO instants in UTC, so they compare correctly as text on every engine.
 */
export function scheduleCallback(receivedAt: string, priority: Priority, policy: SlaPolicy, timeZone: string, window: CallbackWindow = {}): { readyAt: string; dueAt: string } {
  const received = Date.parse(receivedAt);
  const after = window.after ? Date.parse(window.after) : Number.NaN;
  const readyAt = new Date(after > received ? after : received).toISOString();
  const due = dueAt(readyAt, priority, policy, timeZone);
  const before = window.before ? Date.parse(window.before) : Number.NaN;
  return { readyAt, dueAt: before < Date.parse(due) ? new Date(before).toISOString() : due };
}
