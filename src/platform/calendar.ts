/**
 * Calendar days, written YYYY-MM-DD, as compliance records, birth dates and agreements are
 * dated: whole days with no time, compared as text. Today is UTC's unless a time zone says
 * whose day it is.
 */
import { DateTime } from 'luxon';

/** Today in UTC: training and vendors' agreements are dated by it (a client's agreement by the client's day: `todayIn`). */
export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A real calendar day, YYYY-MM-DD: 2026-02-30 has the shape and is no date. */
export function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}

/** The calendar day `months` after `day` (YYYY-MM-DD), clamped to the month's end. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The calendar day `days` after `day` (YYYY-MM-DD); negative goes back. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from `day` until `until` (both YYYY-MM-DD): 0 on the day itself, negative once past. */
export function daysUntil(until: string, day = today()): number {
  return Math.round((Date.parse(`${until}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000);
}

/**
 * Today on a client's calendar. A client's BAA takes effect and ends on the client's own days:
 * judged in UTC, an agreement taking effect on the 1st would open a Pacific client's PHI on
 * the afternoon of the 31st. An unknown zone falls back to UTC.
 */
export function todayIn(timeZone: string | null | undefined, now = new Date()): string {
  if (timeZone) {
    const local = DateTime.fromJSDate(now, { zone: timeZone });
    if (local.isValid) return local.toISODate()!;
  }
  return today(now);
}
