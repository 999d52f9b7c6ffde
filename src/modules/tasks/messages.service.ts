/**
 * The clinical messages a task carries: ciphertext at rest under the client's key, read only
 * with the clinical category, each read a `phi.read` event naming the task and patient.
 */
import { assertCan } from '../../platform/authz/guard.ts';
import { actorUserId, audit, inTransaction, type ActorContext } from '../../platform/context.ts';
import { timeOrderedId } from '../../platform/db/ids.ts';
import { findTask, iso } from './task-view.ts';
import type { MessageAdded, TaskMessage } from './tasks.schemas.ts';

/** Adds a clinical message to a task: encrypted under the client's key, readable only with the clinical category. */
export async function addTaskMessage(ctx: ActorContext, taskId: string, body: string): Promise<MessageAdded> {
  const task = await findTask(ctx, 'read', taskId);
  assertCan(ctx, 'create', 'ClinicalMessage', { clientId: task.client_id });
  const id = timeOrderedId();
  const now = new Date().toISOString();
  await inTransaction(ctx, async (tx) => {
    const body_enc = await tx.keyring.encryptField(tx.db, { clientId: task.client_id, table: 'task_messages', column: 'body_enc', rowId: id }, body.trim());
    await tx.db.insertInto('task_messages', { id, client_id: task.client_id, task_id: task.id, category: 'clinical', body_enc, created_by: actorUserId(tx), created_at: now }).execute();
    await audit(tx, { action: 'task.message_added', resourceType: 'Task', resourceId: task.id, clientId: task.client_id, patientRef: task.patient_ref, details: { category: 'clinical' } });
  });
  return { id, createdAt: now };
}

/** Reads a task's clinical messages: a `phi.read` event naming the task and patient. */
export async function readTaskMessages(ctx: ActorContext, taskId: string): Promise<TaskMessage[]> {
  const task = await findTask(ctx, 'read', taskId);
  assertCan(ctx, 'read', 'ClinicalMessage', { clientId: task.client_id });
  const rows = await ctx.db.selectFrom('task_messages').selectAll().where('task_id', '=', task.id).orderBy('created_at').orderBy('id').execute();
  const out: TaskMessage[] = [];
  for (const r of rows) {
    out.push({
      id: r.id,
      body: await ctx.keyring.decryptField(ctx.db, { clientId: r.client_id, table: 'task_messages', column: 'body_enc', rowId: r.id }, r.body_enc),
      createdBy: r.created_by,
      createdAt: iso(r.created_at)!,
    });
  }
  await audit(ctx, {
    action: 'phi.read',
    resourceType: 'Task',
    resourceId: task.id,
    clientId: task.client_id,
    patientRef: task.patient_ref,
    fields: ['messages.body'],
    details: { source: 'vault', results: out.length },
  });
  return out;
}
