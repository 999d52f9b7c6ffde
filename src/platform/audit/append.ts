import type { TenantDb, TenantInsert } from '../db/tenant-db.ts';
import type { AuditAction, AuditEventInput, AuditSource } from './events.ts';

/** The stored row of an audit event. */
export function auditEventRow<A extends AuditAction>(source: AuditSource, event: AuditEventInput<A>): TenantInsert<'audit_events'> {
  return {
    occurred_at: new Date().toISOString(),
    action: event.action,
    outcome: event.outcome ?? 'success',
    actor_type: source.actorType,
    actor_id: source.actorId,
    resource_type: event.resourceType ?? null,
    resource_id: event.resourceId ?? null,
    client_id: event.clientId ?? null,
    patient_ref: event.patientRef ?? null,
    fields: event.fields ? JSON.stringify(event.fields) : null,
    purpose: event.purpose ?? null,
    ip: source.ip,
    request_id: source.requestId,
    details: JSON.stringify(event.details ?? {}),
  };
}

/**
 * Appends one audit event in the caller's transaction: if the change fails, so does the
 * event, and if the event cannot be written, the change fails (fail closed). The sealer links
 * it into the organization's hash chain shortly after it commits; nothing here touches the
 * chain, so intake never waits for it.
 */
export async function appendAudit<A extends AuditAction>(tx: TenantDb, source: AuditSource, event: AuditEventInput<A>): Promise<number> {
  const row = await tx.insertInto('audit_events', auditEventRow(source, event)).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}
