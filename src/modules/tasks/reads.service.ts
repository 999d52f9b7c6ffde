/** Reading tasks: one task, one with its history, and the lists agents and supervisors work from. */
import { assertCan } from '../../platform/authz/guard.ts';
import { actorUserId, type ActorContext } from '../../platform/context.ts';
import { paginate, parseSort, type PageResult } from '../../platform/db/paging.ts';
import { WORKABLE, findTask, presentAttempt, presentTask, scoped } from './task-view.ts';
import type { TaskDetail, TaskQuery, TaskView } from './tasks.schemas.ts';

export type { TaskQuery } from './tasks.schemas.ts';

/** One task the actor may read. */
export async function getTask(ctx: ActorContext, id: string): Promise<TaskView> {
  assertCan(ctx, 'read', 'Task');
  return presentTask(await findTask(ctx, 'read', id));
}

/** A task with its attempt history. */
export async function getTaskDetail(ctx: ActorContext, id: string): Promise<TaskDetail> {
  const task = await getTask(ctx, id);
  const attempts = await ctx.db.selectFrom('task_attempts').selectAll().where('task_id', '=', id).orderBy('number').execute();
  const messages = await ctx.db.selectFrom('task_messages').select((eb) => eb.fn.countAll<number>().as('n')).where('task_id', '=', id).executeTakeFirst();
  return { task, attempts: attempts.map(presentAttempt), messages: Number(messages?.n ?? 0) };
}

const SORTS = { dueAt: 'tasks.due_at', createdAt: 'tasks.created_at', priority: 'tasks.priority_rank', updatedAt: 'tasks.updated_at' } as const;

/** The tasks the actor may see, in working order unless sorted otherwise. */
export async function listTasks(ctx: ActorContext, query: TaskQuery): Promise<PageResult<TaskView>> {
  assertCan(ctx, 'read', 'Task');
  let q = scoped(ctx, 'read').selectAll('tasks');
  if (query.clientId) q = q.where('tasks.client_id', '=', query.clientId);
  if (query.queueId) q = q.where('tasks.queue_id', '=', query.queueId);
  if (query.status?.length) q = q.where('tasks.status', 'in', query.status);
  if (query.patientId) q = q.where('tasks.patient_id', '=', query.patientId);
  if (query.assignee === 'me') q = q.where('tasks.assignee_id', '=', actorUserId(ctx) ?? '');
  else if (query.assignee === 'none') q = q.where('tasks.assignee_id', 'is', null);
  else if (query.assignee) q = q.where('tasks.assignee_id', '=', query.assignee);
  if (query.overdue) q = q.where('tasks.due_at', '<', new Date().toISOString()).where('tasks.status', 'in', [...WORKABLE, 'escalated']);
  const sort = query.sort ? parseSort(query.sort, SORTS, 'tasks.due_at') : null;
  q = sort ? q.orderBy(sort.column, sort.direction) : q.orderBy('tasks.priority_rank').orderBy('tasks.due_at');
  const page = await paginate(q.orderBy('tasks.id'), query);
  const now = Date.now();
  return { ...page, items: page.items.map((r) => presentTask(r, now)) };
}
