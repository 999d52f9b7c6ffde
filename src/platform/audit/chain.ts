import { createHash } from 'node:crypto';
import canonicalizeModule from 'canonicalize';
import type { RingfenceDatabase } from '../db/database.ts';
import { tenantDb, type TenantDb } from '../db/tenant-db.ts';
import type { AuditEventRow } from '../db/types.ts';

// canonicalize is CommonJS with an ESM-style declaration; take the function either way.
const canonicalize = ((canonicalizeModule as unknown as { default?: typeof canonicalizeModule }).default ?? canonicalizeModule) as unknown as (input: unknown) => string;

/** prev_hash of the first link in every organization's chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** The hash of one link: the previous hash, the position, and the canonical event (RFC 8785). */
export function linkHash(prevHash: string, position: number, event: AuditEventRow): string {
  const record = {
    id: Number(event.id),
    org_id: event.org_id,
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
  return createHash('sha256').update(`${prevHash}\n${position}\n${canonicalize(record)}`).digest('hex');
}

/**
 * Seals up to `batch` pending events of one organization into its chain, in one transaction.
 * Events are written without touching the chain head; only the sealer serializes on it
 * (row lock on PostgreSQL, the single writer on SQLite), so intake never waits for the chain.
 * An event whose transaction commits late is simply sealed in a later batch.
 */
export async function sealOrganizationBatch(tenant: TenantDb, batch = 1000): Promise<number> {
  return tenant.transaction(async (tx) => {
    const now = new Date().toISOString();
    // A write first: on SQLite it takes the write lock before anything is read.
    await tx
      .insertInto('audit_chain_heads', { position: 0, hash: GENESIS_HASH, updated_at: now })
      .onConflict((oc) => oc.column('org_id').doNothing())
      .execute();
    let headQuery = tx.selectFrom('audit_chain_heads').select(['position', 'hash']);
    if (tx.engine === 'postgres') headQuery = headQuery.forUpdate();
    const head = await headQuery.executeTakeFirstOrThrow();

    const events = await tx
      .selectFrom('audit_pending')
      .innerJoin('audit_events', (j) => j.onRef('audit_events.id', '=', 'audit_pending.event_id').onRef('audit_events.org_id', '=', 'audit_pending.org_id'))
      .selectAll('audit_events')
      .orderBy('audit_pending.event_id')
      .limit(batch)
      .execute();
    if (events.length === 0) return 0;

    let position = Number(head.position);
    let prev = head.hash;
    const links = events.map((event) => {
      position += 1;
      const hash = linkHash(prev, position, event);
      const link = { event_id: Number(event.id), position, prev_hash: prev, hash, sealed_at: now };
      prev = hash;
      return link;
    });
    for (let i = 0; i < links.length; i += 500) {
      await tx.insertInto('audit_chain', links.slice(i, i + 500)).execute();
    }
    await tx.updateTable('audit_chain_heads').set({ position, hash: prev, updated_at: now }).execute();
    const ids = links.map((l) => l.event_id);
    for (let i = 0; i < ids.length; i += 500) {
      await tx.deleteFrom('audit_pending').where('event_id', 'in', ids.slice(i, i + 500)).execute();
    }
    return links.length;
  });
}

/** Seals everything pending in every organization; returns the number of events sealed. */
export async function sealAllPending(database: RingfenceDatabase, batch = 1000): Promise<number> {
  const orgs = await database.unsafeKysely.selectFrom('audit_pending').select('org_id').distinct().execute();
  let total = 0;
  for (const { org_id } of orgs) {
    const tenant = tenantDb(database.unsafeKysely, database.engine, org_id);
    for (;;) {
      const n = await sealOrganizationBatch(tenant, batch);
      total += n;
      if (n < batch) break;
    }
  }
  return total;
}

/**
 * Runs the sealer on an interval. Several app instances may each run one: the head lock
 * keeps their batches in order. `stop()` seals everything pending before it resolves.
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
      await sealAllPending(database).catch(onError);
    },
  };
}
