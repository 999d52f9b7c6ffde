/**
 * The link checks of the chain walk, shared by verify.ts and the walker threads
 * (chain-walker.worker.ts). A walk covers one range of positions; ranges are checked apart and
 * their reports joined in position order, which gives the same answer as one walk from the start.
 */
import type { Engine } from '../db/database.ts';
import type { AuditEventRow } from './audit.tables.ts';
import { linkHash } from './chain.ts';

export interface ChainProblem {
  position: number;
  eventId: number;
  reason: string;
}

/** One link with its event, as the walk reads it (the event's columns are null when it was removed). */
export interface WalkRow extends AuditEventRow {
  link_event_id: number;
  position: number;
  prev_hash: string;
  hash: string;
  finer_than_written: unknown;
}

/** The walk query's columns after the link's own four, in this order (rows may come as arrays). */
export const WALK_EVENT_COLUMNS = [
  'audit_events.id',
  'audit_events.org_id',
  'audit_events.txid',
  'audit_events.occurred_at',
  'audit_events.action',
  'audit_events.outcome',
  'audit_events.actor_type',
  'audit_events.actor_id',
  'audit_events.resource_type',
  'audit_events.resource_id',
  'audit_events.client_id',
  'audit_events.patient_ref',
  'audit_events.fields',
  'audit_events.purpose',
  'audit_events.ip',
  'audit_events.request_id',
  'audit_events.details',
] as const;

/** A walk row read as an array (better-sqlite3's raw mode, node-postgres's array mode), in the walk query's column order. */
export function walkRow(r: unknown[]): WalkRow {
  return {
    link_event_id: r[0] as number,
    position: r[1] as number,
    prev_hash: r[2] as string,
    hash: r[3] as string,
    id: r[4] as number,
    org_id: r[5] as string,
    txid: r[6] as number | null,
    occurred_at: r[7] as string,
    action: r[8] as string,
    outcome: r[9] as AuditEventRow['outcome'],
    actor_type: r[10] as AuditEventRow['actor_type'],
    actor_id: r[11] as string | null,
    resource_type: r[12] as string | null,
    resource_id: r[13] as string | null,
    client_id: r[14] as string | null,
    patient_ref: r[15] as string | null,
    fields: r[16] as string | null,
    purpose: r[17] as string | null,
    ip: r[18] as string | null,
    request_id: r[19] as string | null,
    details: r[20] as string | null,
    finer_than_written: r[21],
  };
}

/** PostgreSQL's text for a timestamptz in a UTC session (DateStyle ISO), years 1000 to 9999. */
const PG_UTC_TIMESTAMP = /^([1-9][0-9]{3}-[0-9]{2}-[0-9]{2}) ([0-9]{2}:[0-9]{2}:[0-9]{2})(?:\.([0-9]{1,6}))?\+00$/;

/**
 * What the app's type parser makes of PostgreSQL's text for a timestamptz, `new Date(text)
 * .toISOString()` (database.ts), without parsing a date for the usual form: a UTC session's
 * `2026-03-01 12:34:56.789+00` is `2026-03-01T12:34:56.789Z` (milliseconds padded, digits past
 * them dropped, as the parse does). Any other form is parsed as the app parses it.
 * chain-walk.test.ts holds the two equal.
 */
export function pgTimestampToIso(text: string): string {
  const m = PG_UTC_TIMESTAMP.exec(text);
  if (m === null) return new Date(text).toISOString();
  const fraction = m[3] === undefined ? '000' : `${m[3]}00`.slice(0, 3);
  return `${m[1]}T${m[2]}.${fraction}Z`;
}

/** Where an event stands in sealing order: (txid, id) on PostgreSQL, id on SQLite (one writer: ids follow commits). */
export interface SealKey {
  txid: number;
  id: number;
}

/** Orders two keys as the sealer does. */
export function compareKeys(a: SealKey, b: SealKey): number {
  return a.txid !== b.txid ? a.txid - b.txid : a.id - b.id;
}

/** Slots of the walkers' shared `sync` array: the verification sets GO for them to begin their snapshot; each adds one to BEGUN once it has. */
export const SYNC_GO = 0;
export const SYNC_BEGUN = 1;

/** What one range's walk found. */
export interface RangeReport {
  /** The range's first link, checked against the link before it when the reports are joined. */
  first: { position: number; eventId: number; prevHash: string } | null;
  /** Links that verified, in order from the first. */
  checked: number;
  /** The hash of the last link that verified. */
  lastHash: string | null;
  /** The first link in the range that does not verify (its link to the range before aside). */
  problem: ChainProblem | null;
  /** Whether the verified links' events came in strictly increasing sealing order. */
  ordered: boolean;
  firstKey: SealKey | null;
  lastKey: SealKey | null;
  /** Of those events (when ordered), how many the sealer's cursor has passed. */
  linkedPassed: number;
}

/**
 * Checks the links of one range, fed in position order from position `from`. Each link must
 * come at its position, follow the link before it, keep its event, and hash to its stored hash.
 * The first link's tie to the link before the range is left to the join (joinRanges).
 */
export class RangeWalk {
  private expected: number;
  private prev: string | null = null;
  private last: SealKey | null = null;
  private readonly report: RangeReport = { first: null, checked: 0, lastHash: null, problem: null, ordered: true, firstKey: null, lastKey: null, linkedPassed: 0 };

  constructor(
    from: number,
    private readonly engine: Engine,
    private readonly cursor: SealKey,
  ) {
    this.expected = from;
  }

  /** Checks the next link; false once a link does not verify (feed no more). */
  add(link: WalkRow): boolean {
    const report = this.report;
    if (report.problem) return false;
    const position = Number(link.position);
    const eventId = Number(link.link_event_id);
    if (report.first === null) {
      report.first = { position, eventId, prevHash: link.prev_hash };
      this.prev = link.prev_hash;
    }
    const expected = this.expected;
    let reason: string | null = null;
    if (position !== expected) return this.fail({ position: expected, eventId, reason: `link ${expected} is missing` });
    if (link.prev_hash !== this.prev) reason = 'the link does not follow the previous one';
    else if (link.id === null) reason = 'the event was removed';
    else if (Boolean(link.finer_than_written) || linkHash(this.prev, position, link) !== link.hash) reason = 'the event was altered';
    if (reason !== null) return this.fail({ position, eventId, reason });
    this.prev = link.hash;
    this.expected = expected + 1;
    report.checked += 1;
    report.lastHash = link.hash;
    if (report.ordered) this.order(link);
    return true;
  }

  /** Where the range's walk stands. */
  result(): RangeReport {
    return { ...this.report };
  }

  private fail(problem: ChainProblem): false {
    this.report.problem = problem;
    return false;
  }

  /** Follows the sealing order of the verified events (see verify.ts for why). */
  private order(link: WalkRow): void {
    const report = this.report;
    const key: SealKey = { txid: this.engine === 'postgres' ? (link.txid === null ? Number.NaN : Number(link.txid)) : 0, id: Number(link.id) };
    if (!Number.isSafeInteger(key.txid) || !Number.isSafeInteger(key.id) || (this.last !== null && compareKeys(key, this.last) <= 0)) {
      report.ordered = false;
      return;
    }
    report.firstKey ??= key;
    report.lastKey = key;
    this.last = key;
    if (compareKeys(key, this.cursor) <= 0) report.linkedPassed += 1;
  }
}

/** The ranges joined: as one walk from position `from` after the link `prev`. */
export interface JoinedWalk {
  sealed: number;
  prev: string;
  problem: ChainProblem | null;
  ordered: boolean;
  linkedPassed: number;
}

/**
 * Joins the reports of consecutive ranges (together covering every position from `from` on) in
 * position order: at each seam the range's first link must sit where the walk expects the next
 * one and follow the last link before it, exactly as a single walk would check it.
 */
export function joinRanges(reports: readonly RangeReport[], from: number, prev: string): JoinedWalk {
  let expected = from;
  let sealed = 0;
  let ordered = true;
  let lastKey: SealKey | null = null;
  let linkedPassed = 0;
  for (const r of reports) {
    if (r.first === null) continue;
    const fail = (problem: ChainProblem): JoinedWalk => ({ sealed, prev, problem, ordered, linkedPassed });
    if (r.first.position !== expected) return fail({ position: expected, eventId: r.first.eventId, reason: `link ${expected} is missing` });
    if (r.first.prevHash !== prev) return fail({ position: r.first.position, eventId: r.first.eventId, reason: 'the link does not follow the previous one' });
    sealed += r.checked;
    if (r.problem) return fail(r.problem);
    expected += r.checked;
    prev = r.lastHash ?? prev;
    ordered = ordered && r.ordered && (lastKey === null || r.firstKey === null || compareKeys(r.firstKey, lastKey) > 0);
    lastKey = r.lastKey ?? lastKey;
    linkedPassed += r.linkedPassed;
  }
  return { sealed, prev, problem: null, ordered, linkedPassed };
}
