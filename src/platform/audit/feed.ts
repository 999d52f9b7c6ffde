/**
 * The sealed trail in chain order, for consumers that must see every event once and in order
 * (the audit module's anomaly rules): they keep their own position per organization and read
 * what was sealed after it.
 */
import type { RingfenceDatabase } from '../db/database.ts';
import type { TenantDb } from '../db/tenant-db.ts';
import type { AuditEventRow } from './audit.tables.ts';
import { toView, type AuditEventView } from './search.ts';

export interface SealedEvent {
  position: number;
  event: AuditEventRow;
}

/** Every organization's chain length. */
export async function chainLengths(database: RingfenceDatabase): Promise<Map<string, number>> {
  const rows = await database.unsafeKysely.selectFrom('audit_chain_heads').select(['org_id', 'position']).execute();
  return new Map(rows.map((r) => [r.org_id, Number(r.position)]));
}

/** Up to `limit` sealed events after `position`, in chain order. */
export async function sealedEventsAfter(tenant: TenantDb, position: number, limit: number): Promise<SealedEvent[]> {
  const rows = await tenant
    .selectFrom('audit_chain')
    .innerJoin('audit_events', (j) => j.onRef('audit_events.id', '=', 'audit_chain.event_id').onRef('audit_events.org_id', '=', 'audit_chain.org_id'))
    .selectAll('audit_events')
    .select('audit_chain.position')
    .where('audit_chain.position', '>', position)
    .orderBy('audit_chain.position')
    .limit(limit)
    .execute();
  return rows.map(({ position: p, ...event }) => ({ position: Number(p), event: event as AuditEventRow }));
}

/** The sealed events with these ids (of the tenant's organization), oldest first, as the console shows them. */
export async function auditEventViews(tenant: TenantDb, ids: readonly number[]): Promise<AuditEventView[]> {
  if (ids.length === 0) return [];
  const rows = await tenant.selectFrom('audit_events').selectAll().where('id', 'in', [...ids]).orderBy('id').execute();
  return rows.map((e) => toView(e, null, null, true));
}
