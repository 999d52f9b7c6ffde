/**
 * Working a claimed task: contact attempts, which move it on per the client's policy
 * (attempt-outcomes.ts), and completion with an optional follow-up.
 */
import { assertCan } from '../../platform/authz/guard.ts';
import { actorUserId, audit, inTransaction, type ActorContext } from '../../platform/context.ts';
import { timeOrderedId } from '../../platform/db/ids.ts';
import { invalidField } from '../../platform/http/errors.ts';
import { disclosureProblem, nextAfterAttempt } from './attempt-outcomes.ts';
import { insertTask } from './intake.service.ts';
import { announce, clientPolicy, ownTask, presentTask } from './task-view.ts';
import type { AttemptInput, AttemptLogged, CompleteInput, Completed } from './tasks.schemas.ts';

export type { AttemptInput, FollowUpInput } from './tasks.schemas.ts';

/** Records a contact attempt and moves the task on per the client's policy (see nextAfterAttempt). */
export async function logAttempt(ctx: ActorContext, id: string, input: AttemptInput): Promise<AttemptLogged> {
  assertCan(ctx, 'update', 'Task');
  const disclosure = input.disclosure ?? 'none';
  const problem = disclosureProblem(input.outcome, disclosure);
  if (problem) throw invalidField('disclosure', problem);
  const result = await inTransaction(ctx, async (tx) => {
    const row = await ownTask(tx, id);
    const { policy } = await clientPolicy(tx, row.client_id);
    const now = new Date().toISOString();
    const next = nextAfterAttempt(
      policy,
      { status: row.status, attemptCount: Number(row.attempt_count), incidentFlag: row.incident_flag, resolution: row.resolution },
      { outcome: input.outcome, disclosure },
      now,
    );
    const { number, status } = next;
    const attemptId = timeOrderedId();
    await tx.db
      .insertInto('task_attempts', {
        id: attemptId,
        client_id: row.client_id,
        task_id: row.id,
        number,
        attempted_at: now,
        agent_id: actorUserId(tx),
        channel: input.channel,
        outcome: input.outcome,
        disclosure,
        note: input.note?.trim() || null,
      })
      .execute();
    const updated = await tx.db
      .updateTable('tasks')
      .set({
        status,
        attempt_count: number,
        last_outcome: input.outcome,
        ready_at: next.readyAt,
        assignee_id: status === 'claimed' ? row.assignee_id : null,
        claimed_at: status === 'claimed' ? row.claimed_at : null,
        incident_flag: next.incidentFlag,
        resolution: next.resolution,
        closed_at: next.closedWith ? now : null,
        updated_at: now,
      })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const event = { resourceType: 'Task', resourceId: row.id, clientId: row.client_id, patientRef: row.patient_ref } as const;
    await audit(tx, { ...event, action: 'task.attempt_logged', details: { number, channel: input.channel, outcome: input.outcome, disclosure, status } });
    if (next.escalation) await audit(tx, { ...event, action: 'task.escalated', details: { reason: next.escalation } });
    if (next.closedWith) await audit(tx, { ...event, action: 'task.completed', details: { resolution: next.closedWith, followUpTaskId: null } });
    return {
      task: presentTask(updated),
      attempt: { id: attemptId, number, attemptedAt: now, agentId: actorUserId(tx), channel: input.channel, outcome: input.outcome, disclosure, note: input.note?.trim() || null },
    };
  });
  announce(ctx, result.task, 'task.attempt_logged');
  return result;
}

/** Completes a task with a resolution; a follow-up task for the same patient can be chained. */
export async function completeTask(ctx: ActorContext, id: string, input: CompleteInput): Promise<Completed> {
  assertCan(ctx, 'update', 'Task');
  const result = await inTransaction(ctx, async (tx) => {
    const row = await ownTask(tx, id);
    const now = new Date().toISOString();
    const followUp = input.followUp
      ? await insertTask(tx, { ...input.followUp, clientId: row.client_id, queueId: input.followUp.queueId ?? row.queue_id, patientId: row.patient_id }, row.id)
      : null;
    const updated = await tx.db
      .updateTable('tasks')
      .set({ status: 'completed', resolution: input.resolution, closed_at: now, updated_at: now })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, {
      action: 'task.completed',
      resourceType: 'Task',
      resourceId: row.id,
      clientId: row.client_id,
      patientRef: row.patient_ref,
      details: { resolution: input.resolution, followUpTaskId: followUp?.id ?? null },
    });
    return { task: presentTask(updated), followUp };
  });
  announce(ctx, result.task, 'task.completed');
  if (result.followUp) announce(ctx, result.followUp, 'task.created');
  return result;
}
