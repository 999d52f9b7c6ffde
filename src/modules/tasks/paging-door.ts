/**
 * What the on-call module asks of callbacks, through the tasks module's public face: the facts
 * of a task a page is sent from, the callbacks of one patient for their timeline, the queue a
 * page that reached nobody falls back to, and the announcement that lets a task's open screens
 * hear of a change to its pages. Operational facts only: no title, note or message.
 */
import { can } from '../../platform/authz/guard.ts';
import type { ActorContext } from '../../platform/context.ts';
import { publish } from '../../platform/context.ts';
import { findTask, iso } from './task-view.ts';
import type { TaskPriority, TaskStatus } from './tasks.tables.ts';

export interface TaskFacts {
  id: string;
  clientId: string;
  queueId: string;
  patientId: string;
  patientRef: string;
  priority: TaskPriority;
  status: TaskStatus;
  assigneeId: string | null;
}

/** A task the actor may read, as paging needs it; a task they may not read is not found. */
export async function taskFacts(ctx: ActorContext, taskId: string): Promise<TaskFacts> {
  const t = await findTask(ctx, 'read', taskId);
  return { id: t.id, clientId: t.client_id, queueId: t.queue_id, patientId: t.patient_id, patientRef: t.patient_ref, priority: t.priority, status: t.status, assigneeId: t.assignee_id };
}

/** A task by id without a grant check, for the system's own work (an escalation run); null when absent. */
export async function unsafeTaskFacts(ctx: Pick<ActorContext, 'db'>, taskId: string): Promise<TaskFacts | null> {
  const t = await ctx.db.selectFrom('tasks').selectAll().where('id', '=', taskId).executeTakeFirst();
  return t ? { id: t.id, clientId: t.client_id, queueId: t.queue_id, patientId: t.patient_id, patientRef: t.patient_ref, priority: t.priority, status: t.status, assigneeId: t.assignee_id } : null;
}

/** Tells a task's open screens that something about it changed (a page was acknowledged, a reply came). */
export function announceTaskChange(ctx: Pick<ActorContext, 'events' | 'orgId'>, task: TaskFacts, action: string): void {
  publish(ctx, 'task.changed', { orgId: ctx.orgId, clientId: task.clientId, queueId: task.queueId, taskId: task.id, status: task.status, action });
}

/** The client's first active queue: where a page that reached nobody becomes a callback. */
export async function firstActiveQueue(ctx: Pick<ActorContext, 'db'>, clientId: string): Promise<string | null> {
  const q = await ctx.db.selectFrom('queues').select('id').where('client_id', '=', clientId).where('status', '=', 'active').orderBy('position').orderBy('name').executeTakeFirst();
  return q?.id ?? null;
}

/** Emergent callbacks of the last `sinceMinutes` with no page yet, for the automatic-paging sweep (ids only). */
export async function recentEmergentTasks(ctx: Pick<ActorContext, 'db'>, since: string): Promise<TaskFacts[]> {
  const rows = await ctx.db.selectFrom('tasks').selectAll().where('priority', '=', 'emergent').where('created_at', '>=', since).where('status', 'in', ['open', 'claimed', 'waiting']).execute();
  return rows.map((t) => ({ id: t.id, clientId: t.client_id, queueId: t.queue_id, patientId: t.patient_id, patientRef: t.patient_ref, priority: t.priority, status: t.status, assigneeId: t.assignee_id }));
}

export interface CallbackHistoryItem {
  taskId: string;
  priority: TaskPriority;
  reasonCode: string;
  status: TaskStatus;
  createdAt: string;
  createdBy: string | null;
  closedAt: string | null;
  resolution: string | null;
  attempts: { at: string; agentId: string | null; channel: string; outcome: string }[];
}

/** One patient's callbacks with their attempts, for the actor's clients only (the patient's timeline). */
export async function patientCallbackHistory(ctx: ActorContext, patientId: string, clientId: string): Promise<CallbackHistoryItem[]> {
  if (!can(ctx, 'read', 'Task', { clientId })) return [];
  const tasks = await ctx.db
    .selectFrom('tasks')
    .select(['id', 'priority', 'reason_code', 'status', 'created_at', 'created_by', 'closed_at', 'resolution'])
    .where('patient_id', '=', patientId)
    .where('client_id', '=', clientId)
    .orderBy('created_at')
    .execute();
  if (tasks.length === 0) return [];
  const attempts = await ctx.db
    .selectFrom('task_attempts')
    .select(['task_id', 'attempted_at', 'agent_id', 'channel', 'outcome'])
    .where(
      'task_id',
      'in',
      tasks.map((t) => t.id),
    )
    .orderBy('attempted_at')
    .execute();
  return tasks.map((t) => ({
    taskId: t.id,
    priority: t.priority,
    reasonCode: t.reason_code,
    status: t.status,
    createdAt: iso(t.created_at)!,
    createdBy: t.created_by,
    closedAt: iso(t.closed_at),
    resolution: t.resolution,
    attempts: attempts.filter((a) => a.task_id === t.id).map((a) => ({ at: iso(a.attempted_at)!, agentId: a.agent_id, channel: a.channel, outcome: a.outcome })),
  }));
}

/** A task's wrong-number disclosure, for an incident report: when details were first given to a wrong number, and by whom. */
export interface DisclosureFacts extends TaskFacts {
  /** When the agent logged the attempt (the first moment the organization knew); null when no attempt gave details. */
  disclosedAt: string | null;
  agentId: string | null;
  createdAt: string;
}

/** The disclosure on a task the actor may read; a task they may not read is not found. */
export async function taskDisclosure(ctx: ActorContext, taskId: string): Promise<DisclosureFacts> {
  const facts = await taskFacts(ctx, taskId);
  const [task, attempt] = await Promise.all([
    ctx.db.selectFrom('tasks').select('created_at').where('id', '=', taskId).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('task_attempts').select(['attempted_at', 'agent_id']).where('task_id', '=', taskId).where('disclosure', '=', 'details_given').orderBy('attempted_at').limit(1).executeTakeFirst(),
  ]);
  return { ...facts, disclosedAt: attempt ? iso(attempt.attempted_at) : null, agentId: attempt?.agent_id ?? null, createdAt: iso(task.created_at)! };
}
