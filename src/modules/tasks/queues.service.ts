import { randomUUID } from 'node:crypto';
import { assertCan, rowScope } from '../../platform/authz/guard.ts';
import { audit, inTransaction, type ActorContext } from '../../platform/context.ts';
import type { QueueRow } from '../../platform/db/types.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { assertClient } from '../patients/patients.service.ts';

/** A work list inside a client ("Refills", "Urgent"). */
export interface QueueView {
  id: string;
  clientId: string;
  name: string;
  status: 'active' | 'archived';
  createdAt: string;
  updatedAt: string;
}

function present(q: QueueRow): QueueView {
  return { id: q.id, clientId: q.client_id, name: q.name, status: q.status, createdAt: new Date(q.created_at).toISOString(), updatedAt: new Date(q.updated_at).toISOString() };
}

/** The queues of the clients the actor may see. */
export async function listQueues(ctx: ActorContext, filter: { clientId?: string; status?: 'active' | 'archived' }): Promise<QueueView[]> {
  assertCan(ctx, 'read', 'Queue');
  let q = ctx.db.selectFrom('queues').selectAll('queues').where(rowScope(ctx, 'read', 'Queue', { clientId: 'queues.client_id' }));
  if (filter.clientId) q = q.where('queues.client_id', '=', filter.clientId);
  if (filter.status) q = q.where('queues.status', '=', filter.status);
  return (await q.orderBy('queues.client_id').orderBy('queues.name').execute()).map(present);
}

async function assertNameFree(ctx: ActorContext, clientId: string, name: string, exceptId: string | null): Promise<void> {
  let q = ctx.db.selectFrom('queues').select('id').where('client_id', '=', clientId).where('name', '=', name);
  if (exceptId) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst()) throw new AppError('conflict', 'This client already has a queue with this name', { field: 'name' });
}

export async function createQueue(ctx: ActorContext, input: { clientId: string; name: string }): Promise<QueueView> {
  assertCan(ctx, 'create', 'Queue', { clientId: input.clientId });
  await assertClient(ctx, input.clientId);
  const id = randomUUID();
  const name = input.name.trim();
  await inTransaction(ctx, async (tx) => {
    await assertNameFree(tx, input.clientId, name, null);
    const now = new Date().toISOString();
    await tx.db.insertInto('queues', { id, client_id: input.clientId, name, status: 'active', created_at: now, updated_at: now }).execute();
    await audit(tx, { action: 'queue.created', resourceType: 'Queue', resourceId: id, clientId: input.clientId, details: { name } });
  });
  return getQueue(ctx, id);
}

export async function getQueue(ctx: ActorContext, id: string): Promise<QueueView> {
  assertCan(ctx, 'read', 'Queue');
  const row = await ctx.db.selectFrom('queues').selectAll('queues').where(rowScope(ctx, 'read', 'Queue', { clientId: 'queues.client_id' })).where('queues.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Queue');
  return present(row);
}

/** Renames or archives a queue (an archived queue takes no new tasks; its tasks stay workable). */
export async function updateQueue(ctx: ActorContext, id: string, input: { name?: string; status?: 'active' | 'archived' }): Promise<QueueView> {
  assertCan(ctx, 'update', 'Queue');
  await inTransaction(ctx, async (tx) => {
    const row = await tx.db.selectFrom('queues').selectAll('queues').where(rowScope(tx, 'update', 'Queue', { clientId: 'queues.client_id' })).where('queues.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Queue');
    const changes: Partial<Pick<QueueRow, 'name' | 'status'>> = {};
    if (input.name !== undefined && input.name.trim() !== row.name) {
      await assertNameFree(tx, row.client_id, input.name.trim(), id);
      changes.name = input.name.trim();
    }
    if (input.status !== undefined && input.status !== row.status) changes.status = input.status;
    const changed = Object.keys(changes);
    if (changed.length === 0) return;
    await tx.db.updateTable('queues').set({ ...changes, updated_at: new Date().toISOString() }).where('id', '=', id).execute();
    await audit(tx, { action: 'queue.updated', resourceType: 'Queue', resourceId: id, clientId: row.client_id, details: { changed } });
  });
  return getQueue(ctx, id);
}
