import { randomUUID } from 'node:crypto';
import { assertCan, rowScope } from '../../platform/authz/guard.ts';
import { audit, inTransaction, type ActorContext } from '../../platform/context.ts';
import type { QueueChange, QueueView } from './tasks.schemas.ts';
import type { QueueRow, QueueStatus } from './tasks.tables.ts';
import { AppError, invalidField, notFound } from '../../platform/http/errors.ts';
import { assertClient } from '../patients/index.ts';

export type { QueueView } from './tasks.schemas.ts';

function present(q: QueueRow): QueueView {
  return { id: q.id, clientId: q.client_id, name: q.name, status: q.status, position: q.position, assignmentMode: q.assignment_mode, createdAt: new Date(q.created_at).toISOString(), updatedAt: new Date(q.updated_at).toISOString() };
}

/** The queues of the clients the actor may see. */
export async function listQueues(ctx: ActorContext, filter: { clientId?: string; status?: QueueStatus }): Promise<QueueView[]> {
  assertCan(ctx, 'read', 'Queue');
  let q = ctx.db.selectFrom('queues').selectAll('queues').where(rowScope(ctx, 'read', 'Queue', { clientId: 'queues.client_id' }));
  if (filter.clientId) q = q.where('queues.client_id', '=', filter.clientId);
  if (filter.status) q = q.where('queues.status', '=', filter.status);
  return (await q.orderBy('queues.client_id').orderBy('queues.position').orderBy('queues.name').execute()).map(present);
}

async function assertNameFree(ctx: ActorContext, clientId: string, name: string, exceptId: string | null): Promise<void> {
  let q = ctx.db.selectFrom('queues').select('id').where('client_id', '=', clientId).where('name', '=', name);
  if (exceptId) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst()) throw new AppError('conflict', 'This client already has a queue with this name.', { field: 'name' });
}

/** Adds a queue at the end of its client's list, inside the caller's transaction. */
async function insertQueue(tx: ActorContext, clientId: string, name: string): Promise<string> {
  const id = randomUUID();
  const last = await tx.db.selectFrom('queues').select((eb) => eb.fn.max('position').as('last')).where('client_id', '=', clientId).executeTakeFirst();
  const position = last?.last === null || last?.last === undefined ? 0 : Number(last.last) + 1;
  const now = new Date().toISOString();
  await tx.db.insertInto('queues', { id, client_id: clientId, name, status: 'active', position, created_at: now, updated_at: now }).execute();
  await audit(tx, { action: 'queue.created', resourceType: 'Queue', resourceId: id, clientId, details: { name } });
  return id;
}

/** The name of the queue every new client starts with, so its first callback has somewhere to go. */
export const DEFAULT_QUEUE_NAME = 'General';

/**
 * A new client's first queue, added in the transaction that adds the client. Part of making a
 * client, so it needs no queue permission of its own.
 */
export async function addDefaultQueue(tx: ActorContext, clientId: string): Promise<void> {
  await insertQueue(tx, clientId, DEFAULT_QUEUE_NAME);
}

export async function createQueue(ctx: ActorContext, input: { clientId: string; name: string }): Promise<QueueView> {
  assertCan(ctx, 'create', 'Queue', { clientId: input.clientId });
  await assertClient(ctx, input.clientId);
  const name = input.name.trim();
  const id = await inTransaction(ctx, async (tx) => {
    await assertNameFree(tx, input.clientId, name, null);
    return insertQueue(tx, input.clientId, name);
  });
  return getQueue(ctx, id);
}

/** Puts a client's queues in the order given: every queue of the client, each once. */
export async function orderQueues(ctx: ActorContext, input: { clientId: string; queueIds: string[] }): Promise<QueueView[]> {
  assertCan(ctx, 'update', 'Queue', { clientId: input.clientId });
  await assertClient(ctx, input.clientId);
  await inTransaction(ctx, async (tx) => {
    const rows = await tx.db
      .selectFrom('queues')
      .select(['id', 'position'])
      .where(rowScope(tx, 'update', 'Queue', { clientId: 'queues.client_id' }))
      .where('queues.client_id', '=', input.clientId)
      .execute();
    const known = new Set(rows.map((r) => r.id));
    if (new Set(input.queueIds).size !== input.queueIds.length || input.queueIds.length !== known.size || !input.queueIds.every((id) => known.has(id))) {
      throw invalidField('queueIds', `must list each of the client's ${known.size} queues once, in the new order.`);
    }
    const before = new Map(rows.map((r) => [r.id, r.position]));
    const now = new Date().toISOString();
    for (const [position, id] of input.queueIds.entries()) {
      if (before.get(id) !== position) await tx.db.updateTable('queues').set({ position, updated_at: now }).where('id', '=', id).execute();
    }
    await audit(tx, { action: 'queue.reordered', resourceType: 'Client', resourceId: input.clientId, clientId: input.clientId, details: { queues: input.queueIds.length } });
  });
  return listQueues(ctx, { clientId: input.clientId });
}

export async function getQueue(ctx: ActorContext, id: string): Promise<QueueView> {
  assertCan(ctx, 'read', 'Queue');
  const row = await ctx.db.selectFrom('queues').selectAll('queues').where(rowScope(ctx, 'read', 'Queue', { clientId: 'queues.client_id' })).where('queues.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Queue');
  return present(row);
}

/** Renames or archives a queue (an archived queue takes no new tasks; its tasks stay workable), or switches it between pull and push. */
export async function updateQueue(ctx: ActorContext, id: string, input: QueueChange): Promise<QueueView> {
  assertCan(ctx, 'update', 'Queue');
  await inTransaction(ctx, async (tx) => {
    const row = await tx.db.selectFrom('queues').selectAll('queues').where(rowScope(tx, 'update', 'Queue', { clientId: 'queues.client_id' })).where('queues.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Queue');
    const changes: Partial<Pick<QueueRow, 'name' | 'status' | 'assignment_mode'>> = {};
    if (input.name !== undefined && input.name.trim() !== row.name) {
      await assertNameFree(tx, row.client_id, input.name.trim(), id);
      changes.name = input.name.trim();
    }
    if (input.status !== undefined && input.status !== row.status) changes.status = input.status;
    if (input.assignmentMode !== undefined && input.assignmentMode !== row.assignment_mode) changes.assignment_mode = input.assignmentMode;
    const changed = Object.keys(changes).map((k) => (k === 'assignment_mode' ? 'assignmentMode' : k));
    if (changed.length === 0) return;
    await tx.db.updateTable('queues').set({ ...changes, updated_at: new Date().toISOString() }).where('id', '=', id).execute();
    await audit(tx, { action: 'queue.updated', resourceType: 'Queue', resourceId: id, clientId: row.client_id, details: { changed } });
  });
  return getQueue(ctx, id);
}
