import { sql } from 'kysely';
import type { RingfenceDatabase } from '../db/database.ts';
import { tenantDb } from '../db/tenant-db.ts';
import type { AuditEventRow } from './audit.tables.ts';
import { GENESIS_HASH, linkHash, readSealCursor } from './chain.ts';

export interface ChainProblem {
  position: number;
  eventId: number;
  reason: string;
}

export interface ChainVerification {
  orgId: string;
  ok: boolean;
  /** Links checked. */
  sealed: number;
  /** Events written but not yet sealed (the tail the sealer has not reached). */
  unsealed: number;
  headHash: string;
  firstProblem: ChainProblem | null;
}

const PAGE = 1000;
const EVENT_COLUMNS = [
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

/**
 * Walks one organization's chain in position order, a page at a time (constant memory),
 * recomputing every link from the stored event. Reports the first link that does not verify:
 * an edited event, a removed event, a missing or reordered link, a head that does not match,
 * or an event the sealer has passed that has no link.
 */
export async function verifyOrganizationChain(
  database: RingfenceDatabase,
  orgId: string,
  onProgress?: (checked: number, total: number) => void,
): Promise<ChainVerification> {
  const tenant = tenantDb(database.unsafeKysely, database.engine, orgId);
  const count = async (table: 'audit_chain' | 'audit_events') => Number((await tenant.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const total = await count('audit_chain');
  const events = await count('audit_events');
  const head = await tenant.selectFrom('audit_chain_heads').select(['position', 'hash']).executeTakeFirst();
  const result: ChainVerification = { orgId, ok: true, sealed: 0, unsealed: Math.max(0, events - total), headHash: head?.hash ?? GENESIS_HASH, firstProblem: null };
  const fail = (problem: ChainProblem): ChainVerification => ({ ...result, ok: false, firstProblem: problem });

  // PostgreSQL keeps microseconds but the application reads (and hashes) milliseconds, as it
  // writes them: a time with more precision than was written has been edited.
  const finerThanWritten =
    database.engine === 'postgres' ? sql<boolean>`audit_events.occurred_at <> date_trunc('milliseconds', audit_events.occurred_at)` : sql<boolean>`false`;
  let prev = GENESIS_HASH;
  let expected = 1;
  for (;;) {
    const links = await tenant
      .selectFrom('audit_chain')
      .leftJoin('audit_events', (j) => j.onRef('audit_events.id', '=', 'audit_chain.event_id').onRef('audit_events.org_id', '=', 'audit_chain.org_id'))
      .select(['audit_chain.event_id as link_event_id', 'audit_chain.position', 'audit_chain.prev_hash', 'audit_chain.hash', ...EVENT_COLUMNS, finerThanWritten.as('finer_than_written')])
      .where('audit_chain.position', '>=', expected)
      .orderBy('audit_chain.position')
      .limit(PAGE)
      .execute();
    for (const link of links) {
      const position = Number(link.position);
      const eventId = Number(link.link_event_id);
      if (position !== expected) return fail({ position: expected, eventId, reason: `link ${expected} is missing` });
      if (link.prev_hash !== prev) return fail({ position, eventId, reason: 'the link does not follow the previous one' });
      if (link.id === null) return fail({ position, eventId, reason: 'the event was removed' });
      // The left join makes every event column nullable; a present id means a present event.
      if (Boolean(link.finer_than_written) || linkHash(prev, position, link as unknown as AuditEventRow) !== link.hash) return fail({ position, eventId, reason: 'the event was altered' });
      prev = link.hash;
      expected += 1;
      result.sealed += 1;
    }
    onProgress?.(result.sealed, total);
    if (links.length < PAGE) break;
  }
  // A chain with links must have its head: without one, the tail could be cut unseen.
  if ((result.sealed > 0 && !head) || Number(head?.position ?? 0) !== result.sealed || (head?.hash ?? GENESIS_HASH) !== prev) {
    return fail({ position: Number(head?.position ?? 0), eventId: 0, reason: head ? 'the chain head does not match the last link' : 'the chain head is missing' });
  }
  // Every event the sealer has passed must have its link; one that does not was slipped in around the chain.
  const cursor = await readSealCursor(database.unsafeKysely);
  const stray = await tenant
    .selectFrom('audit_events')
    .select('id')
    .where((eb) => (database.engine === 'sqlite' ? eb('id', '<=', cursor.lastEventId) : eb(eb.refTuple('txid', 'id'), '<=', eb.tuple(cursor.lastTxid, cursor.lastEventId))))
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('audit_chain').select('event_id').whereRef('audit_chain.org_id', '=', 'audit_events.org_id').whereRef('audit_chain.event_id', '=', 'audit_events.id'))),
    )
    .orderBy('id')
    .executeTakeFirst();
  if (stray) return fail({ position: 0, eventId: Number(stray.id), reason: 'an event was written around the chain' });
  return result;
}

/** Verifies every organization's chain (or one). */
export async function verifyAllChains(
  database: RingfenceDatabase,
  orgId: string | null,
  onProgress?: (orgId: string, checked: number, total: number) => void,
): Promise<ChainVerification[]> {
  const orgs = orgId ? [{ id: orgId }] : await database.unsafeKysely.selectFrom('organizations').select('id').orderBy('created_at').execute();
  const results: ChainVerification[] = [];
  for (const org of orgs) results.push(await verifyOrganizationChain(database, org.id, (c, t) => onProgress?.(org.id, c, t)));
  return results;
}
