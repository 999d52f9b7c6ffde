/**
 * Intake: a new callback task, checked against its client (active, one of its reason codes, one of
 * its active queues, one of its patients or a new one) and due per the client's SLA.
 */
import { assertCan } from '../../platform/authz/guard.ts';
import { actorUserId, audit, inTransaction, type ActorContext } from '../../platform/context.ts';
import { timeOrderedId } from '../../platform/db/ids.ts';
import { AppError, invalidField } from '../../platform/http/errors.ts';
import { createPatient } from '../patients/index.ts';
import { slaOf } from './policy.ts';
import { PRIORITY_RANK, scheduleCallback, windowProblem } from './sla.ts';
import { announce, clientPolicy, presentTask, utc } from './task-view.ts';
import type { TaskInput, TaskView } from './tasks.schemas.ts';
import type { TaskRow } from './tasks.tables.ts';

export type { TaskInput } from './tasks.schemas.ts';

/** Intake: a callback task for a client's queue, due per the client's SLA. */
export async function createTask(ctx: ActorContext, input: TaskInput): Promise<TaskView> {
  return announce(ctx, await insertTask(ctx, input, null), 'task.created');
}

/** Checks and stores a new task (in the caller's transaction, if any); announcing it is the caller's, after commit. */
export async function insertTask(ctx: ActorContext, input: TaskInput, parentTaskId: string | null): Promise<TaskView> {
  assertCan(ctx, 'create', 'Task', { clientId: input.clientId });
  if ((input.patientId === undefined) === (input.newPatient === undefined)) throw invalidField('patientId', 'give either patientId or newPatient');
  const windowError = windowProblem(new Date().toISOString(), { after: input.callbackAfter, before: input.callbackBefore });
  if (windowError) throw invalidField('callbackBefore', windowError);
  const { policy, timeZone, active } = await clientPolicy(ctx, input.clientId);
  if (!active) throw new AppError('conflict', 'This client is inactive.', { field: 'clientId' });
  if (!policy.reasonCodes.includes(input.reasonCode)) throw invalidField('reasonCode', `is not among this client's reason codes (${policy.reasonCodes.join(', ')})`);
  const queue = await ctx.db.selectFrom('queues').select(['id', 'status']).where('id', '=', input.queueId).where('client_id', '=', input.clientId).executeTakeFirst();
  if (!queue) throw new AppError('not_found', 'Queue not found for this client.', { field: 'queueId' });
  if (queue.status !== 'active') throw new AppError('conflict', 'This queue is archived: choose another.', { field: 'queueId' });

  const id = timeOrderedId();
  const row = await inTransaction(ctx, async (tx) => {
    let patient: { id: string; ref: string } | undefined;
    if (input.newPatient) {
      patient = (await createPatient(tx, { clientId: input.clientId, ...input.newPatient }, tx.actor.type === 'token' ? 'integration' : 'manual')).patient;
    } else {
      patient = await tx.db.selectFrom('patients').select(['id', 'ref']).where('id', '=', input.patientId!).where('client_id', '=', input.clientId).where('status', '=', 'active').executeTakeFirst();
      if (!patient) throw new AppError('not_found', 'Patient not found for this client.', { field: 'patientId' });
    }
    const now = new Date().toISOString();
    // Stored in UTC: an offset sent by the caller would make text comparisons wrong on SQLite.
    const window = { after: utc(input.callbackAfter), before: utc(input.callbackBefore) };
    const schedule = scheduleCallback(now, input.priority, slaOf(policy), timeZone, window);
    const task: Omit<TaskRow, 'org_id'> = {
      id,
      client_id: input.clientId,
      queue_id: input.queueId,
      patient_id: patient.id,
      patient_ref: patient.ref,
      reason_code: input.reasonCode,
      priority: input.priority,
      priority_rank: PRIORITY_RANK[input.priority],
      status: 'open',
      title: input.title.trim(),
      note: input.note?.trim() || null,
      callback_after: window.after,
      callback_before: window.before,
      due_at: schedule.dueAt,
      ready_at: schedule.readyAt,
      assignee_id: null,
      claimed_at: null,
      attempt_count: 0,
      last_outcome: null,
      incident_flag: null,
      resolution: null,
      parent_task_id: parentTaskId,
      created_by: actorUserId(tx),
      created_at: now,
      updated_at: now,
      closed_at: null,
    };
    await tx.db.insertInto('tasks', task).execute();
    await audit(tx, {
      action: 'task.created',
      resourceType: 'Task',
      resourceId: id,
      clientId: input.clientId,
      patientRef: patient.ref,
      details: { queueId: input.queueId, priority: input.priority, reasonCode: input.reasonCode, followUpOf: parentTaskId, via: tx.actor.type === 'token' ? 'integration' : 'console' },
    });
    return task;
  });
  // The creator sees what it created, as stored: an intake token needs no read permission for that.
  return presentTask(row);
}
