import { hash } from 'node:crypto';
import canonicalizeModule from 'canonicalize';
import { sql } from 'kysely';
import type { RingfenceDatabase } from '../db/database.ts';
import { tenantDb } from '../db/tenant-db.ts';
import type { AuditEventRow } from './audit.tables.ts';

// canonicalize is CommonJS with an ESM-style declaration; take the function either way.
const canonicalize = ((canonicalizeModule as unknown as { default?: typeof canonicalizeModule }).default ?? canonicalizeModule) as unknown as (input: unknown) => string;

/** prev_hash of the first link in every organization's chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** The record a link hashes: the event's columns with its ids as numbers. */
function hashedRecord(event: AuditEventRow): Record<string, unknown> {
  return {
    id: Number(event.id),
    org_id: event.org_id,
    txid: event.txid === null ? null : Number(event.txid),
    occurred_at: event.occurred_at,
    action: event.action,
    outcome: event.outcome,
    actor_type: event.actor_type,
    actor_id: event.actor_id,
    resource_type: event.resource_type,
    resource_id: event.resource_id,
    client_id: event.client_id,
    patient_ref: event.patient_ref,
    fields: event.fields,
    purpose: event.purpose,
    ip: event.ip,
    request_id: event.request_id,
    details: event.details,
  };
}

const isText = (value: unknown): boolean => value === null || typeof value === 'string';

/**
 * The RFC 8785 canonical JSON of an event's hashed record. When every value is a string, a
 * finite number or null (as the database hands them back), RFC 8785 is JSON.stringify of an
 * object whose keys were inserted in UTF-16 code-unit order: strings and numbers serialize the
 * same way and no nesting is left to sort. Anything else (a blob, a NaN id) goes to
 * `canonicalize` itself, so the output, or the error, is always the library's.
 * chain.test.ts holds the two equal over generated events.
 */
export function canonicalEvent(event: AuditEventRow): string {
  const id = Number(event.id);
  const txid = event.txid === null ? null : Number(event.txid);
  const { org_id, occurred_at, action, outcome, actor_type, actor_id, resource_type, resource_id, client_id, patient_ref, fields, purpose, ip, request_id, details } = event;
  if (
    Number.isFinite(id) &&
    (txid === null || Number.isFinite(txid)) &&
    isText(org_id) &&
    isText(occurred_at) &&
    isText(action) &&
    isText(outcome) &&
    isText(actor_type) &&
    isText(actor_id) &&
    isText(resource_type) &&
    isText(resource_id) &&
    isText(client_id) &&
    isText(patient_ref) &&
    isText(fields) &&
    isText(purpose) &&
    isText(ip) &&
    isText(request_id) &&
    isText(details)
  ) {
    // Sorted: action < actor_id < actor_type < … < txid, comparing code units as RFC 8785 does.
    return JSON.stringify({ action, actor_id, actor_type, client_id, details, fields, id, ip, occurred_at, org_id, outcome, patient_ref, purpose, request_id, resource_id, resource_type, txid });
  }
  return canonicalize(hashedRecord(event));
}

/** The hash of one link: the previous hash, the position, and the canonical event (RFC 8785). */
export function linkHash(prevHash: string, position: number, event: AuditEventRow): string {
  return hash('sha256', `${prevHash}\n${position}\n${canonicalEvent(event)}`, 'hex');
}

/** The sealer's cursor: every event up to it, in (txid, id) order, is sealed. */
export interface SealCursor {
  lastTxid: number;
  lastEventId: number;
}

/** Reads the sealer's cursor (zero before the first seal). */
export async function readSealCursor(kysely: RingfenceDatabase['unsafeKysely']): Promise<SealCursor> {
  const row = await kysely.selectFrom('audit_seal_cursor').select(['last_txid', 'last_event_id']).where('id', '=', 1).executeTakeFirst();
  return { lastTxid: Number(row?.last_txid ?? 0), lastEventId: Number(row?.last_event_id ?? 0) };
}

/**
 * Seals up to `batch` committed events, across organizations, into their organizations'
 * chains in one transaction. Intake never waits for this: events are found by commit order,
 * not through any queue the write path maintains. On PostgreSQL an event is eligible once
 * its transaction id is below the oldest still-running transaction (so no earlier event can
 * still commit); on SQLite, with one writer, row ids follow commit order. Several sealers
 * (app instances) serialize on the cursor row.
 */
export async function sealBatch(database: RingfenceDatabase, batch = 2000): Promise<number> {
  return database.unsafeKysely.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const postgres = database.engine === 'postgres';
    // A write first: on SQLite it takes the write lock before anything is read.
    await trx
      .insertInto('audit_seal_cursor')
      .values({ id: 1, last_txid: 0, last_event_id: 0, updated_at: now })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    let cursorQuery = trx.selectFrom('audit_seal_cursor').select(['last_txid', 'last_event_id']).where('id', '=', 1);
    if (postgres) cursorQuery = cursorQuery.forUpdate();
    const cursor = await cursorQuery.executeTakeFirstOrThrow();
    // Stamped once the lock is held: a checkpoint reads the heads under the same lock, so every
    // link sealed after it carries a later time (integrity.ts relies on this).
    const sealedAt = new Date().toISOString();

    let query = trx.selectFrom('audit_events').selectAll();
    if (postgres) {
      const horizon = await sql<{ h: string }>`select pg_snapshot_xmin(pg_current_snapshot())::text as h`.execute(trx);
      query = query
        .where((eb) => eb(eb.refTuple('txid', 'id'), '>', eb.tuple(Number(cursor.last_txid), Number(cursor.last_event_id))))
        .where('txid', '<', Number(horizon.rows[0]!.h))
        .orderBy('txid')
        .orderBy('id');
    } else {
      query = query.where('id', '>', Number(cursor.last_event_id)).orderBy('id');
    }
    const events = await query.limit(batch).execute();
    if (events.length === 0) return 0;

    const byOrg = new Map<string, AuditEventRow[]>();
    for (const event of events) byOrg.set(event.org_id, [...(byOrg.get(event.org_id) ?? []), event]);
    for (const [orgId, orgEvents] of byOrg) {
      const tenant = tenantDb(trx, database.engine, orgId);
      await tenant
        .insertInto('audit_chain_heads', { position: 0, hash: GENESIS_HASH, updated_at: now })
        .onConflict((oc) => oc.column('org_id').doNothing())
        .execute();
      const head = await tenant.selectFrom('audit_chain_heads').select(['position', 'hash']).executeTakeFirstOrThrow();
      let position = Number(head.position);
      let prev = head.hash;
      const links = orgEvents.map((event) => {
        position += 1;
        const hash = linkHash(prev, position, event);
        const link = { event_id: Number(event.id), position, prev_hash: prev, hash, sealed_at: sealedAt };
        prev = hash;
        return link;
      });
      for (let i = 0; i < links.length; i += 500) await tenant.insertInto('audit_chain', links.slice(i, i + 500)).execute();
      await tenant.updateTable('audit_chain_heads').set({ position, hash: prev, updated_at: now }).execute();
    }
    const last = events[events.length - 1]!;
    await trx
      .updateTable('audit_seal_cursor')
      .set({ last_txid: Number(last.txid ?? 0), last_event_id: Number(last.id), updated_at: now })
      .where('id', '=', 1)
      .execute();
    return events.length;
  });
}

/** Seals every committed event; returns how many were sealed. */
export async function sealAllPending(database: RingfenceDatabase, batch = 2000): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await sealBatch(database, batch);
    total += n;
    if (n < batch) return total;
  }
}

/** Whether any committed event is still past the sealer's cursor. */
async function anyUnsealed(database: RingfenceDatabase): Promise<boolean> {
  const db = database.unsafeKysely;
  const cursor = await readSealCursor(db);
  let query = db.selectFrom('audit_events').select('id');
  query =
    database.engine === 'postgres'
      ? query.where((eb) => eb(eb.refTuple('txid', 'id'), '>', eb.tuple(cursor.lastTxid, cursor.lastEventId)))
      : query.where('id', '>', cursor.lastEventId);
  return (await query.limit(1).executeTakeFirst()) !== undefined;
}

/**
 * Seals every committed event, and on PostgreSQL keeps trying while an older transaction
 * (of this or another instance) still holds the horizon back, up to `timeoutMs`: a graceful
 * shutdown leaves nothing of its own unsealed unless the database is stuck. Returns how many
 * were sealed.
 */
export async function sealSettled(database: RingfenceDatabase, timeoutMs = 10_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let total = await sealAllPending(database);
  while (Date.now() < deadline && (await anyUnsealed(database))) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    total += await sealAllPending(database);
  }
  return total;
}

/**
 * Runs the sealer on an interval. Several app instances may each run one: the head lock
 * keeps their batches in order. `stop()` seals everything pending (waiting out older transactions, bounded) before it resolves.
 */
export function startSealer(database: RingfenceDatabase, intervalMs: number, onError: (err: unknown) => void): { stop(): Promise<void>; sealNow(): Promise<number> } {
  let running: Promise<number> | null = null;
  let stopped = false;
  const run = (): Promise<number> => {
    if (!running) {
      running = sealAllPending(database).finally(() => {
        running = null;
      });
    }
    return running;
  };
  const timer = setInterval(() => {
    if (!stopped) run().catch(onError);
  }, intervalMs);
  timer.unref();
  return {
    sealNow: async () => {
      if (running) await running.catch(() => 0);
      return run();
    },
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      if (running) await running.catch(onError);
      await sealSettled(database).catch(onError);
    },
  };
}
