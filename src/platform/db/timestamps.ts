/**
 * A stored timestamp as an ISO-8601 UTC string, whichever engine read it: SQLite hands back the
 * text it stored, PostgreSQL's driver may hand back a Date.
 */
export function isoTime(v: unknown): string {
  return v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString();
}

/** The same for a column that may be null. */
export function isoTimeOrNull(v: unknown): string | null {
  return v === null || v === undefined ? null : isoTime(v);
}
