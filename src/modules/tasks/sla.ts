/**
 * Due times from a client's callback policy. Emergent and urgent callbacks are due a fixed
 * number of minutes after intake, around the clock (an answering service covers nights and
 * weekends). A routine callback is due by the close of the client's business day, in the
 * client's time zone: the same day when it arrives before closing on a business day, else the
 * close of the next business day. Daylight-saving changes and time zones are luxon's job.
 */
import { DateTime } from 'luxon';

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

/** When a callback of this priority, received at `receivedAt` (ISO), is due (ISO, UTC). */
export function dueAt(receivedAt: string, priority: Priority, policy: SlaPolicy, timeZone: string): string {
  const received = DateTime.fromISO(receivedAt, { zone: timeZone });
  if (!received.isValid) throw new Error(`invalid time ${receivedAt} or zone ${timeZone}`);
  const due = priority === 'routine' ? closeOfBusinessDay(received, policy.businessHours) : received.plus({ minutes: policy.minutes[priority] });
  return due.toUTC().toISO()!;
}

/** True when the local time `at` falls inside the client's business hours. */
export function withinBusinessHours(at: string, hours: BusinessHours, timeZone: string): boolean {
  const local = DateTime.fromISO(at, { zone: timeZone });
  return hours.days.includes(local.weekday) && local >= atTime(local, hours.open) && local < atTime(local, hours.close);
}
