import type { TenantDb } from '../db/tenant-db.ts';
import type { AuditAction, AuditEventInput, AuditSource } from './events.ts';

/**
 * Appends one audit event in the caller's transaction: if the change fails, so does the
 * event, and if the event cannot be written, the change fails (fail closed). The event is
 * queued for sealing into the organization's hash chain; no chain lock is taken here.
 */
export async function appendAudit<A extends AuditAction>(tx: TenantDb, source: AuditSource, event: AuditEventInput<A>): Promise<number> {
  return tx.transaction(async (t) => {
    const row = await t
      .insertInto('audit_events', {
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
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    await t.insertInto('audit_pending', { event_id: id }).execute();
    return id;
  });
}
