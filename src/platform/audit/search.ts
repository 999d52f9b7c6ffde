/**
 * Reading the audit trail: search with keyset paging, one event with its place in the chain,
 * the chain's status, counts per action.
 *
 * Search reads newest first by (occurred_at, id) and pages with a cursor, never an offset or
 * a count of the whole match: each filter is one range of one index (migration
 * 0017-audit-search), so a page costs the same on the first page as fifty pages deep and on a
 * trail of ten events as on one of ten million. An action family, or several references of one
 * patient, is one range per value, merged.
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import { assertCan } from '../authz/guard.ts';
import type { ActorContext } from '../context.ts';
import type { KeysetPage } from '../db/paging.ts';
import type { Database } from '../db/types.ts';
import { invalidField, notFound } from '../http/errors.ts';
import type { AuditEventRow } from './audit.tables.ts';
import { GENESIS_HASH, linkHash } from './chain.ts';
import type { AuditAction } from './events.ts';

export interface AuditEventView {
  id: number;
  occurredAt: string;
  action: string;
  outcome: 'success' | 'failure';
  actorType: 'user' | 'token' | 'system';
  actorId: string | null;
  actorEmail: string | null;
  actorName: string | null;
  resourceType: string | null;
  resourceId: string | null;
  clientId: string | null;
  patientRef: string | null;
  fields: string[] | null;
  purpose: string | null;
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
  sealed: boolean;
}

export interface AuditFilters {
  /** An exact action (`auth.login.failed`), or a family: a bare prefix (`auth`) or one ending in a dot (`auth.login.`). */
  action?: string;
  actorId?: string;
  resourceId?: string;
  clientId?: string;
  patientRef?: string;
  /** Any of these references (one patient's record and those merged into it). */
  patientRefs?: readonly string[];
  outcome?: 'success' | 'failure';
  /** Inclusive. */
  from?: string;
  /** Exclusive. */
  to?: string;
}

export interface AuditQuery extends AuditFilters {
  /** The id of the last event of the previous page: the page continues after it. */
  before?: number;
  limit?: number;
}

export type AuditPage = KeysetPage<AuditEventView>;

const AUDIT_PAGE_DEFAULT = 50;
const AUDIT_PAGE_MAX = 200;

type Order = 'newest' | 'oldest';

/** Whether `action` names a family (every action under a prefix) rather than one action. */
function familyPrefix(action: string): string | null {
  return action.includes('.') && !action.endsWith('.') ? null : `${action.replace(/\.$/, '')}.`;
}

/**
 * Every distinct action the organization's trail holds, by a skip scan of the action index:
 * one index probe per distinct action (a few dozen), however many events there are. The
 * prefix is matched here, not in SQL, so the answer does not depend on the database's collation.
 */
async function actionsOfFamily(ctx: ActorContext, prefix: string): Promise<string[]> {
  const { rows } = await sql<{ action: string | null }>`
    WITH RECURSIVE acts(action) AS (
      SELECT (SELECT a.action FROM audit_events a WHERE a.org_id = ${ctx.orgId} ORDER BY a.action LIMIT 1)
      UNION ALL
      SELECT (SELECT a.action FROM audit_events a WHERE a.org_id = ${ctx.orgId} AND a.action > acts.action ORDER BY a.action LIMIT 1)
      FROM acts WHERE acts.action IS NOT NULL
    )
    SELECT action FROM acts WHERE action IS NOT NULL`.execute(ctx.db.unsafeExecutor());
  return rows.map((r) => r.action!).filter((a) => a.startsWith(prefix));
}

/** Both engines store these times; years outside them are refused as input, not as a database error. */
const EARLIEST = Date.parse('1900-01-01T00:00:00.000Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

/** A request's date and time as the trail stores it (UTC, milliseconds); a 400 naming the field otherwise. */
export function auditTime(value: string, field: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw invalidField(field, 'must be a date and time (ISO 8601)');
  if (ms < EARLIEST || ms > LATEST) throw invalidField(field, 'must be a date and time between the years 1900 and 9999');
  return new Date(ms).toISOString();
}

interface ResolvedFilters {
  actions: readonly string[] | null;
  patientRefs: readonly string[] | null;
  actorId?: string;
  resourceId?: string;
  clientId?: string;
  outcome?: 'success' | 'failure';
  from?: string;
  to?: string;
}

/** Null when the filters can match nothing (a family with no events, no references). */
async function resolveFilters(ctx: ActorContext, filters: AuditFilters): Promise<ResolvedFilters | null> {
  const from = filters.from ? auditTime(filters.from, 'from') : undefined;
  const to = filters.to ? auditTime(filters.to, 'to') : undefined;
  if (from && to && to <= from) throw invalidField('to', 'must be later than from');
  let actions: string[] | null = null;
  if (filters.action) {
    const prefix = familyPrefix(filters.action);
    actions = prefix ? await actionsOfFamily(ctx, prefix) : [filters.action];
    if (actions.length === 0) return null;
  }
  let patientRefs: string[] | null = filters.patientRefs ? [...new Set(filters.patientRefs)] : null;
  // Both given (a patient's history, narrowed to one of its references): the one, if it is among them.
  if (filters.patientRef !== undefined) patientRefs = patientRefs === null || patientRefs.includes(filters.patientRef) ? [filters.patientRef] : [];
  if (patientRefs !== null && patientRefs.length === 0) return null;
  return { actions, patientRefs, actorId: filters.actorId, resourceId: filters.resourceId, clientId: filters.clientId, outcome: filters.outcome, from, to };
}

type KeyQuery = SelectQueryBuilder<Database, 'audit_events', Pick<AuditEventRow, 'org_id' | 'id' | 'occurred_at'>>;
type EqualColumn = 'patient_ref' | 'action' | 'actor_id' | 'client_id';

/** One range: the filters with one action and one reference at most, in order, cut at the cursor. */
function rangeQuery(ctx: ActorContext, f: ResolvedFilters, action: string | null, patientRef: string | null, cursor: number | null, order: Order, limit: number): KeyQuery {
  let q = ctx.db.selectFrom('audit_events').select(['audit_events.org_id', 'audit_events.id', 'audit_events.occurred_at']) as KeyQuery;
  const equal: [EqualColumn, string | null | undefined][] = [
    ['patient_ref', patientRef],
    ['actor_id', f.actorId],
    ['action', action],
    ['client_id', f.clientId],
  ];
  // SQLite keeps no statistics here and would pick among the filters' indexes blindly; it is
  // given the first of these (a patient's events are few, a person's fewer than an action's,
  // and an action read for one client stops after a page of that client's), and the others
  // are checked on the rows read. PostgreSQL chooses by its statistics.
  const lead = ctx.db.engine === 'sqlite' ? equal.find(([, v]) => v)?.[0] : undefined;
  for (const [column, value] of equal) {
    if (!value) continue;
    const ref = sql.ref(`audit_events.${column}`);
    // SQLite's unary plus is a no-op on the value that keeps a column's index out of the plan.
    q = q.where((eb) => eb(lead === undefined || column === lead ? ref : sql`+${ref}`, '=', value));
  }
  if (f.resourceId) q = q.where('audit_events.resource_id', '=', f.resourceId);
  if (f.outcome) q = q.where('audit_events.outcome', '=', f.outcome);
  if (f.from) q = q.where('audit_events.occurred_at', '>=', f.from);
  if (f.to) q = q.where('audit_events.occurred_at', '<', f.to);
  if (cursor !== null) {
    // The cursor event's time as stored, read by the database itself (never a copy rounded on
    // the way through the application). Written out rather than as a row comparison, so the
    // time bound is an index bound on both engines; the id only breaks ties.
    const [near, past] = order === 'newest' ? (['<=', '<'] as const) : (['>=', '>'] as const);
    q = q.where((eb) => {
      const at = () => eb.selectFrom('audit_events as c').select('c.occurred_at').where('c.org_id', '=', ctx.orgId).where('c.id', '=', cursor);
      return eb.and([eb('audit_events.occurred_at', near, at()), eb.or([eb('audit_events.occurred_at', past, at()), eb('audit_events.id', past, cursor)])]);
    });
  }
  const direction = order === 'newest' ? 'desc' : 'asc';
  return q.orderBy('audit_events.occurred_at', direction).orderBy('audit_events.id', direction).limit(limit);
}

interface PageRow extends AuditEventRow {
  actor_email: string | null;
  actor_name: string | null;
  chain_position: number | null;
}

/**
 * The next `limit` matching events after the cursor, in order, with who acted and whether
 * each is sealed. The ranges read keys only (org, id, time: every index of the trail holds
 * them, so a range is read from its index alone) and the page's rows are then joined by id.
 * SQLite, which keeps no statistics here, needs both: it prefers the index that answers a
 * range by itself, and given `id IN (…)` it would search an index of the organization for the
 * rows instead of looking each one up.
 */
async function pageRows(ctx: ActorContext, f: ResolvedFilters, cursor: number | null, order: Order, limit: number): Promise<PageRow[]> {
  const actions: (string | null)[] = f.actions ? [...f.actions] : [null];
  const refs: (string | null)[] = f.patientRefs ? [...f.patientRefs] : [null];
  const ranges = actions.flatMap((a) => refs.map((r) => rangeQuery(ctx, f, a, r, cursor, order, limit)));
  const db = ctx.db.unsafeExecutor();
  let match = ranges[0]!;
  if (ranges.length > 1) {
    // Each range is read in index order up to the page size; the merge below keeps the first of all.
    const members = ranges.map((r, i) => db.selectFrom(r.as(`r${i}`)).selectAll(`r${i}`) as unknown as KeyQuery);
    match = members.slice(1).reduce((union, m) => union.unionAll(m), members[0]!);
  }
  const direction = order === 'newest' ? 'desc' : 'asc';
  const rows = await db
    .selectFrom(match.as('k'))
    .innerJoin('audit_events as e', (j) => j.onRef('e.id', '=', 'k.id').onRef('e.org_id', '=', 'k.org_id'))
    .leftJoin('users', (j) => j.onRef('users.id', '=', 'e.actor_id').onRef('users.org_id', '=', 'e.org_id'))
    .leftJoin('audit_chain', (j) => j.onRef('audit_chain.org_id', '=', 'e.org_id').onRef('audit_chain.event_id', '=', 'e.id'))
    .selectAll('e')
    .select(['users.email as actor_email', 'users.display_name as actor_name', 'audit_chain.position as chain_position'])
    .orderBy('k.occurred_at', direction)
    .orderBy('k.id', direction)
    .limit(limit)
    .execute();
  return rows as PageRow[];
}

const viewOf = (r: PageRow): AuditEventView => {
  const { actor_email, actor_name, chain_position, ...event } = r;
  return toView(event, actor_email, actor_name, chain_position !== null);
};

/** A stored event as the console shows it. */
export function toView(e: AuditEventRow, actorEmail: string | null, actorName: string | null, sealed: boolean): AuditEventView {
  return {
    id: Number(e.id),
    occurredAt: e.occurred_at,
    action: e.action,
    outcome: e.outcome,
    actorType: e.actor_type,
    actorId: e.actor_id,
    actorEmail,
    actorName,
    resourceType: e.resource_type,
    resourceId: e.resource_id,
    clientId: e.client_id,
    patientRef: e.patient_ref,
    fields: e.fields ? (JSON.parse(e.fields) as string[]) : null,
    purpose: e.purpose,
    ip: e.ip,
    requestId: e.request_id,
    details: e.details ? (JSON.parse(e.details) as Record<string, unknown>) : {},
    sealed,
  };
}

/** The id of an event of this trail, to page after; a 400 naming `field` when there is no such event. */
async function cursorOf(ctx: ActorContext, id: number, field: string): Promise<number> {
  const row = await ctx.db.selectFrom('audit_events').select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw invalidField(field, 'is not an event of this audit trail');
  return Number(row.id);
}

/**
 * Searches the organization's audit trail, newest first, one page after the `before` cursor:
 * the answer says whether there is more (one event past the page is read), never how many match.
 */
export async function searchAuditEvents(ctx: ActorContext, query: AuditQuery): Promise<AuditPage> {
  assertCan(ctx, 'read', 'AuditEvent');
  const limit = Math.min(Math.max(1, query.limit ?? AUDIT_PAGE_DEFAULT), AUDIT_PAGE_MAX);
  const cursor = query.before !== undefined ? await cursorOf(ctx, query.before, 'before') : null;
  const filters = await resolveFilters(ctx, query);
  if (!filters) return { items: [], limit, nextBefore: null, hasMore: false };
  const rows = await pageRows(ctx, filters, cursor, 'newest', limit + 1);
  const hasMore = rows.length > limit;
  const items = rows.slice(0, limit).map(viewOf);
  return { items, limit, nextBefore: hasMore ? items[items.length - 1]!.id : null, hasMore };
}

/**
 * Every matching event, oldest first, a page at a time (constant memory, for documents that
 * stream a period of the trail).
 */
export async function* auditEventPages(ctx: ActorContext, filters: AuditFilters, pageSize = 500): AsyncGenerator<AuditEventView[]> {
  assertCan(ctx, 'read', 'AuditEvent');
  const resolved = await resolveFilters(ctx, filters);
  if (!resolved) return;
  let cursor: number | null = null;
  for (;;) {
    const rows = await pageRows(ctx, resolved, cursor, 'oldest', pageSize);
    if (rows.length === 0) return;
    yield rows.map(viewOf);
    if (rows.length < pageSize) return;
    cursor = Number(rows[rows.length - 1]!.id);
  }
}

export interface AuditChainLinkView {
  position: number;
  prevHash: string;
  hash: string;
  sealedAt: string;
  /** The event before and after this one in the organization's chain (null at either end, or before the next is sealed). */
  previousEventId: number | null;
  nextEventId: number | null;
  /** The link's hash recomputed from the stored event and the stored previous hash matches. */
  verified: boolean;
  /** The stored previous hash is the previous link's hash (the genesis hash for the first link). */
  followsPrevious: boolean;
}

export interface AuditEventDetail {
  event: AuditEventView;
  /** Null until the sealer has linked the event into the chain. */
  link: AuditChainLinkView | null;
}

/** One event of the organization's trail with its place in the chain, checked; 404 for an id of another organization as for none. */
export async function auditEventDetail(ctx: ActorContext, id: number): Promise<AuditEventDetail> {
  assertCan(ctx, 'read', 'AuditEvent');
  // PostgreSQL keeps microseconds; the application writes and hashes milliseconds, so a finer time was written by someone else (as verify.ts checks).
  const finerThanWritten = ctx.db.engine === 'postgres' ? sql<boolean>`audit_events.occurred_at <> date_trunc('milliseconds', audit_events.occurred_at)` : sql<boolean>`false`;
  const row = await ctx.db
    .selectFrom('audit_events')
    .leftJoin('users', (j) => j.onRef('users.id', '=', 'audit_events.actor_id').onRef('users.org_id', '=', 'audit_events.org_id'))
    .selectAll('audit_events')
    .select(['users.email as actor_email', 'users.display_name as actor_name', finerThanWritten.as('finer_than_written')])
    .where('audit_events.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Audit event');
  const { actor_email, actor_name, finer_than_written, ...event } = row;
  const link = await ctx.db.selectFrom('audit_chain').select(['position', 'prev_hash', 'hash', 'sealed_at']).where('event_id', '=', id).executeTakeFirst();
  if (!link) return { event: toView(event, actor_email, actor_name, false), link: null };
  const position = Number(link.position);
  const neighbours = await ctx.db
    .selectFrom('audit_chain')
    .select(['position', 'event_id', 'hash'])
    .where('position', 'in', [position - 1, position + 1])
    .execute();
  const previous = neighbours.find((n) => Number(n.position) === position - 1) ?? null;
  const next = neighbours.find((n) => Number(n.position) === position + 1) ?? null;
  return {
    event: toView(event, actor_email, actor_name, true),
    link: {
      position,
      prevHash: link.prev_hash,
      hash: link.hash,
      sealedAt: link.sealed_at,
      previousEventId: previous ? Number(previous.event_id) : null,
      nextEventId: next ? Number(next.event_id) : null,
      verified: !finer_than_written && linkHash(link.prev_hash, position, event) === link.hash,
      followsPrevious: position === 1 ? link.prev_hash === GENESIS_HASH : previous?.hash === link.prev_hash,
    },
  };
}

/** The chain head and how many events wait to be sealed. */
export async function auditChainStatus(ctx: ActorContext): Promise<{ position: number; headHash: string | null; unsealed: number }> {
  assertCan(ctx, 'read', 'AuditEvent');
  const head = await ctx.db.selectFrom('audit_chain_heads').select(['position', 'hash']).executeTakeFirst();
  const events = await ctx.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const position = Number(head?.position ?? 0);
  return { position, headHash: head?.hash ?? null, unsealed: Math.max(0, Number(events.n) - position) };
}

/** How many events of each of these actions concern a client, and when the last of each was. */
export async function actionCounts(ctx: ActorContext, clientId: string, actions: readonly AuditAction[]): Promise<Map<string, { count: number; last: string | null }>> {
  const rows = await ctx.db
    .selectFrom('audit_events')
    .select(['action', (eb) => eb.fn.countAll<number | string>().as('n'), (eb) => eb.fn.max('occurred_at').as('last')])
    .where('client_id', '=', clientId)
    .where('action', 'in', [...actions])
    .groupBy('action')
    .execute();
  return new Map(rows.map((r) => [r.action, { count: Number(r.n), last: r.last ? new Date(r.last as string).toISOString() : null }]));
}
