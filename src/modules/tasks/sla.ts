/**
 * Due times from a client's callback policy. Emergent and urgent callbacks are due a fixed
 * number of minutes after intake, around the clock (an answering service covers nights and
 * weekends). A routine callback is due by the close of the client's business day, in the
 * client's time zone: the same day when it arrives before closing on a business day, else the
 * close of the next business day. Daylight-saving changes and time zones are luxon's job.
 */
import { DateTime, IANAZone } from 'luxon';

export const PRIORITIES = ['emergent', 'urgent', 'routine'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Lower sorts first: the order agents work in. */
export const PRIORITY_RANK: Record<Priority, number> = { emergent: 0, urgent: 1, routine: 2 };

export interface BusinessHours {
  /** ISO weekdays the client is open: 1 Monday … 7 Sunday. */
  days: number[];
  /** Local opening and closing time, "HH:MM", open < close. */
  open: string;
  close: string;
}

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
  if (hours.days.length === 0) throw new Error('business hours need at least one day');
  let day = received.startOf('day');
  for (let i = 0; i < 8; i += 1) {
    if (hours.days.includes(day.weekday)) {
      const close = atTime(day, hours.close);
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
  const key = `${timeZone}|${hours.days.join(',')}|${hours.close}`;
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
  return hours.days.includes(local.weekday) && local >= atTime(local, hours.open) && local < atTime(local, hours.close);
}
