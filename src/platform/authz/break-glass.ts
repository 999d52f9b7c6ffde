/**
 * Break-glass: a person opens one patient of a client they are not assigned to by stating a
 * reason, for a limited time. The grant joins the person's other grants when their requests are
 * authorized (ability.ts), so every route that reads patients honours it and none can widen it;
 * it expires by itself. Opening one is an audit event, and the audit module always alerts on it.
 */
import { randomUUID } from 'node:crypto';
import type { TenantDb } from '../db/tenant-db.ts';
import './authz.tables.ts';

export const BREAK_GLASS_MINUTES = 30;

/** The person's break-glass grants still open now. */
export async function activeBreakGlass(tenant: TenantDb, userId: string, now = new Date()): Promise<{ id: string; clientId: string; patientId: string; patientRef: string; expiresAt: string }[]> {
  const rows = await tenant
    .selectFrom('break_glass_grants')
    .select(['id', 'client_id', 'patient_id', 'patient_ref', 'expires_at'])
    .where('user_id', '=', userId)
    .where('closed_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .execute();
  return rows.map((r) => ({ id: r.id, clientId: r.client_id, patientId: r.patient_id, patientRef: r.patient_ref, expiresAt: new Date(r.expires_at as unknown as string).toISOString() }));
}

/** Records a grant in the caller's transaction; returns it. */
export async function grantBreakGlass(
  tx: TenantDb,
  input: { userId: string; clientId: string; patientId: string; patientRef: string; reason: string; minutes?: number },
): Promise<{ id: string; grantedAt: string; expiresAt: string }> {
  const now = new Date();
  const expires = new Date(now.getTime() + (input.minutes ?? BREAK_GLASS_MINUTES) * 60_000);
  const id = randomUUID();
  await tx
    .insertInto('break_glass_grants', {
      id,
      user_id: input.userId,
      client_id: input.clientId,
      patient_id: input.patientId,
      patient_ref: input.patientRef,
      reason: input.reason,
      granted_at: now.toISOString(),
      expires_at: expires.toISOString(),
      closed_at: null,
    })
    .execute();
  return { id, grantedAt: now.toISOString(), expiresAt: expires.toISOString() };
}

/** Closes a person's grant before it expires; false when there was none open. */
export async function closeBreakGlass(tx: TenantDb, userId: string, grantId: string): Promise<boolean> {
  const result = await tx.updateTable('break_glass_grants').set({ closed_at: new Date().toISOString() }).where('id', '=', grantId).where('user_id', '=', userId).where('closed_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
