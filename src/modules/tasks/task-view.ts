/**
 * What the task services share: how a task row is shown, how a task is found within the actor's
 * scope, the client's callback policy, and the announcement of a change.
 *
 * Task rows hold operational fields only (the patient is a reference); contact details come
 * from the patient's reveal, clinical detail from a task message that is ciphertext at rest.
 */
import { can, rowScope } from '../../platform/authz/guard.ts';
import { actorUserId, publish, type ActorContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { parsePolicy, type CallbackPolicy } from './policy.ts';
import type { AttemptView, TaskView } from './tasks.schemas.ts';
import type { TaskAttemptRow, TaskRow, TaskStatus } from './tasks.tables.ts';

export type { AttemptView, TaskView } from './tasks.schemas.ts';

/** Statuses an agent can still work. */
export const WORKABLE: TaskStatus[] = ['open', 'claimed', 'waiting'];

export const iso = (v: string | Date | null): string | null => (v === null ? null : new Date(v).toISOString());
export const utc = (v: string | null | undefined): string | null => (v ? new Date(v).toISOString() : null);

/** A task row as the API shows it; `overdue` is judged at `now`. */
export function presentTask(row: Omit<TaskRow, 'org_id'>, now = Date.now()): TaskView {
  const due = iso(row.due_at)!;
  return {
    id: row.id,
    clientId: row.client_id,
    queueId: row.queue_id,
    patientId: row.patient_id,
    patientRef: row.patient_ref,
    reasonCode: row.reason_code,
    priority: row.priority,
    status: row.status,
    title: row.title,
    note: row.note,
    callbackAfter: iso(row.callback_after),
    callbackBefore: iso(row.callback_before),
    dueAt: due,
    overdue: WORKABLE.includes(row.status) || row.status === 'escalated' ? Date.parse(due) < now : false,
    readyAt: iso(row.ready_at)!,
    assigneeId: row.assignee_id,
    claimedAt: iso(row.claimed_at),
    attemptCount: Number(row.attempt_count),
    lastOutcome: row.last_outcome,
    incidentFlag: row.incident_flag,
    resolution: row.resolution,
    parentTaskId: row.parent_task_id,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    closedAt: iso(row.closed_at),
  };
}

/** An attempt row as the task's history shows it. */
export function presentAttempt(row: Omit<TaskAttemptRow, 'org_id' | 'client_id' | 'task_id'>): AttemptView {
  return {
    id: row.id,
    number: Number(row.number),
    attemptedAt: iso(row.attempted_at)!,
    agentId: row.agent_id,
    channel: row.channel,
    outcome: row.outcome,
    disclosure: row.disclosure,
    note: row.note,
  };
}

/**
 * Tells listeners a task changed. Called after the service's own transaction; when the caller
 * holds an outer one, the context keeps the event until that commits, so a listener that
 * fetches the task always sees the change.
 */
export function announce(ctx: ActorContext, task: TaskView, action: string): TaskView {
  publish(ctx, 'task.changed', { orgId: ctx.orgId, clientId: task.clientId, queueId: task.queueId, taskId: task.id, status: task.status, action });
  return task;
}

/** The client's callback policy and time zone, and whether it is active. */
export async function clientPolicy(ctx: ActorContext, clientId: string): Promise<{ policy: CallbackPolicy; timeZone: string; active: boolean }> {
  const client = await ctx.db.selectFrom('clients').select(['status', 'callback_policy', 'time_zone']).where('id', '=', clientId).executeTakeFirst();
  if (!client) throw new AppError('not_found', 'Client not found.', { field: 'clientId' });
  return { policy: parsePolicy(client.callback_policy), timeZone: client.time_zone, active: client.status === 'active' };
}

/** Tasks within the actor's row scope for the action. */
export function scoped(ctx: ActorContext, action: 'read' | 'update' | 'manage') {
  return ctx.db.selectFrom('tasks').where(rowScope(ctx, action, 'Task', { clientId: 'tasks.client_id' }));
}

/** One task within the actor's scope, or not found (a task out of scope is not told apart from none). */
export async function findTask(ctx: ActorContext, action: 'read' | 'update' | 'manage', id: string): Promise<TaskRow> {
  const row = await scoped(ctx, action).selectAll('tasks').where('tasks.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Task');
  return row;
}

/** The task, claimed by this agent (or any task of the client for someone who manages tasks). */
export async function ownTask(ctx: ActorContext, id: string): Promise<TaskRow> {
  // Locked on PostgreSQL until the caller's transaction ends: two changes of one task at once (a
  // double click, two tabs) take turns, the second reading what the first left, instead of both
  // working from the same read (a duplicate attempt number, a completion undoing an attempt).
  // SQLite runs the app's transactions one at a time.
  let query = scoped(ctx, 'update').selectAll('tasks').where('tasks.id', '=', id);
  if (ctx.db.engine === 'postgres') query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('Task');
  if (!WORKABLE.includes(row.status) && row.status !== 'escalated') throw new AppError('conflict', `This task is ${row.status}`, { field: 'status' });
  const manages = can(ctx, 'manage', 'Task', { clientId: row.client_id });
  if (!manages && (row.status !== 'claimed' || row.assignee_id !== actorUserId(ctx))) {
    throw new AppError('conflict', 'Claim the task before working it.', { field: 'status' });
  }
  return row;
}
