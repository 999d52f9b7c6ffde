/**
 * Times in a client's own time zone, with the browser's Intl alone. A due time is read by an
 * agent who may sit three zones away from the practice: it is shown with its zone ("Dec 2,
 * 5:00 PM CST"), and a time the agent types for a client ("call back after 9:00") means 9:00
 * on the client's clock, whatever the agent's own.
 */

const formats = new Map<string, Intl.DateTimeFormat>();
function format(timeZone: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone ?? ''}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
    formats.set(key, f);
  }
  return f;
}

/** "Dec 2, 5:00 PM CST": an instant in `timeZone` (the browser's own when absent), its zone named. */
export function formatWhen(iso: string, timeZone?: string): string {
  return format(timeZone, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(new Date(iso));
}

/** "Dec 2, 5:00:07 PM CST": the same to the second, for records of who was told when (a page's steps). */
export function formatMoment(iso: string, timeZone?: string): string {
  return format(timeZone, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit', timeZoneName: 'short' }).format(new Date(iso));
}

/** "Dec 2, 2026": the day of an instant in `timeZone` (the browser's own when absent), for dates such as "added on". */
export function formatDay(iso: string, timeZone?: string): string {
  return format(timeZone, { month: 'short', day: 'numeric', year: 'numeric' }).format(new Date(iso));
}

/** The zone's short name at that instant: "CST", "CDT", "HST" (or "GMT+1" where there is none). */
export function zoneName(timeZone: string, at: Date = new Date()): string {
  return format(timeZone, { timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** The wall clock in `timeZone` at an instant, as milliseconds of a UTC date with the same fields. */
function wallClock(ms: number, timeZone: string): number {
  const parts = format(timeZone, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(ms));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant (ISO, UTC) of a local date-time "YYYY-MM-DDTHH:MM" (what a datetime-local input
 * gives) on the clock of `timeZone`; null when the text is not such a time. A time skipped by
 * the spring daylight-saving change is read as the hour after it; one that happens twice in the
 * autumn, as the first.
 */
export function zonedToInstant(local: string, timeZone: string): string | null {
  const m = LOCAL.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const offsetAt = (ms: number) => wallClock(ms, timeZone) - ms;
  // The zone's offset at a first guess, then at that answer (the two differ across a change).
  const first = wall - offsetAt(wall);
  const second = wall - offsetAt(first);
  const instant = [second, first].find((ms) => wallClock(ms, timeZone) === wall) ?? Math.max(first, second);
  return new Date(instant).toISOString();
}

/** The local date-time "YYYY-MM-DDTHH:MM" on the clock of `timeZone` at an instant (for a datetime-local input). */
export function instantToZoned(iso: string, timeZone: string): string {
  return new Date(wallClock(Date.parse(iso), timeZone)).toISOString().slice(0, 16);
}
