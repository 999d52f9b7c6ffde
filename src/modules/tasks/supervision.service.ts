/**
 * Supervision: escalating, cancelling and assigning callbacks, who they can go to, and the
 * board of open work per queue.
 */
import { assertCan, rowScope } from '../../platform/authz/guard.ts';
import { audit, inTransaction, type ActorContext } from '../../platform/context.ts';
import { AppError, invalidField } from '../../platform/http/errors.ts';
import { clientsWithoutActiveBaa, lackingCourses, trainingStandingOfAll } from '../compliance/index.ts';
import { WORKABLE, announce, clientPolicy, findTask, iso, presentTask } from './task-view.ts';
import type { Assignee, BoardRow, SupervisionChange, TaskView } from './tasks.schemas.ts';
import type { TaskRow } from './tasks.tables.ts';

export type { Assignee, BoardRow } from './tasks.schemas.ts';

/** Supervision: escalate, cancel, or assign a task to a person (null: back to the queue). */
export async function superviseTask(ctx: ActorContext, id: string, change: SupervisionChange): Promise<TaskView> {
  assertCan(ctx, 'manage', 'Task');
  const task = await inTransaction(ctx, async (tx) => {
    const row = await findTask(tx, 'manage', id);
    if (!WORKABLE.includes(row.status) && row.status !== 'escalated') throw new AppError('conflict', `This task is ${row.status}`, { field: 'status' });
    const now = new Date().toISOString();
    const event = { resourceType: 'Task', resourceId: row.id, clientId: row.client_id, patientRef: row.patient_ref } as const;
    let set: Partial<TaskRow>;
    if ('escalate' in change) {
      set = { status: 'escalated', assignee_id: null, claimed_at: null };
      await audit(tx, { ...event, action: 'task.escalated', details: { reason: 'manual' } });
    } else if ('cancel' in change) {
      set = { status: 'cancelled', resolution: 'cancelled', closed_at: now };
      await audit(tx, { ...event, action: 'task.cancelled', details: { reason: change.cancel } });
    } else {
      if (change.assigneeId !== null) await assertAssignable(tx, change.assigneeId, row.client_id);
      const { policy } = await clientPolicy(tx, row.client_id);
      set =
        change.assigneeId === null
          ? { status: row.attempt_count ? 'waiting' : 'open', assignee_id: null, claimed_at: null, ready_at: now }
          : { status: 'claimed', assignee_id: change.assigneeId, claimed_at: now, ready_at: new Date(Date.parse(now) + policy.claimTimeoutMinutes * 60_000).toISOString() };
      await audit(tx, { ...event, action: 'task.assigned', details: { assigneeId: change.assigneeId } });
    }
    const updated = await tx.db
      .updateTable('tasks')
      .set({ ...set, updated_at: now })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return presentTask(updated);
  });
  return announce(ctx, task, 'task.supervised');
}

/** What the gate judges by, loaded once by a caller that asks about many clients (a push pass). */
export interface GateRecords {
  closed: Awaited<ReturnType<typeof clientsWithoutActiveBaa>>;
  standingOf: Awaited<ReturnType<typeof trainingStandingOfAll>>;
}

/**
 * Who can work callbacks of a client: active people holding, for that client or for every
 * client, a role that may work tasks, whose required training is current. Nobody while the
 * client has no BAA in effect (the gate would refuse everyone its PHI).
 */
export async function eligiblePeople(ctx: ActorContext, clientId: string, known: Partial<GateRecords> = {}): Promise<Assignee[]> {
  if ((known.closed ?? (await clientsWithoutActiveBaa(ctx.db))).has(clientId)) return [];
  const holders = await ctx.db
    .selectFrom('role_assignments')
    .innerJoin('role_permissions', (j) => j.onRef('role_permissions.role_id', '=', 'role_assignments.role_id').onRef('role_permissions.org_id', '=', 'role_assignments.org_id'))
    .innerJoin('users', (j) => j.onRef('users.id', '=', 'role_assignments.user_id').onRef('users.org_id', '=', 'role_assignments.org_id'))
    .select(['users.id', 'users.display_name'])
    .distinct()
    .where('users.status', '=', 'active')
    .where('role_permissions.subject', '=', 'Task')
    .where('role_permissions.action', 'in', ['update', 'manage'])
    .where((eb) => eb.or([eb('role_assignments.client_id', '=', clientId), eb('role_assignments.client_id', 'is', null)]))
    .orderBy('users.display_name')
    .execute();
  const standing = known.standingOf ?? (await trainingStandingOfAll(ctx.db));
  return holders.filter((p) => lackingCourses(standing(p.id)).length === 0).map((p) => ({ id: p.id, displayName: p.display_name }));
}

/** The people a supervisor may hand this callback to (its current holder left out). */
export async function taskAssignees(ctx: ActorContext, taskId: string): Promise<Assignee[]> {
  assertCan(ctx, 'manage', 'Task');
  const row = await findTask(ctx, 'manage', taskId);
  return (await eligiblePeople(ctx, row.client_id)).filter((p) => p.id !== row.assignee_id);
}

/** A task can go only to someone who can work it (see eligiblePeople). */
async function assertAssignable(ctx: ActorContext, userId: string, clientId: string): Promise<void> {
  if (!(await eligiblePeople(ctx, clientId)).some((p) => p.id === userId)) {
    throw invalidField('assigneeId', 'is not someone who can work this callback: an active agent or supervisor of the client, with current training.');
  }
}

/** Per queue of the actor's clients: counts by status, how many are past due, and the oldest open task's age. */
export async function queueBoard(ctx: ActorContext, filter: { clientId?: string }): Promise<BoardRow[]> {
  assertCan(ctx, 'read', 'Task');
  const now = new Date().toISOString();
  let q = ctx.db
    .selectFrom('queues')
    .innerJoin('tasks', (j) => j.onRef('tasks.queue_id', '=', 'queues.id').onRef('tasks.org_id', '=', 'queues.org_id'))
    .where(rowScope(ctx, 'read', 'Task', { clientId: 'tasks.client_id' }))
    .where('tasks.status', 'in', [...WORKABLE, 'escalated'])
    .select([
      'queues.id as queueId',
      'queues.client_id as clientId',
      'tasks.status as status',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.sum<number>(eb.case().when('tasks.due_at', '<', now).then(1).else(0).end()).as('breached'),
      (eb) => eb.fn.min('tasks.created_at').as('oldest'),
    ])
    .groupBy(['queues.id', 'queues.client_id', 'tasks.status']);
  if (filter.clientId) q = q.where('queues.client_id', '=', filter.clientId);
  const rows = await q.execute();
  const board = new Map<string, BoardRow>();
  for (const r of rows) {
    const entry = board.get(r.queueId) ?? { queueId: r.queueId, clientId: r.clientId, counts: { open: 0, claimed: 0, waiting: 0, escalated: 0 }, breached: 0, oldestCreatedAt: null };
    entry.counts[r.status as keyof BoardRow['counts']] = Number(r.n);
    entry.breached += Number(r.breached ?? 0);
    const oldest = iso(r.oldest as string | null);
    if (oldest && (!entry.oldestCreatedAt || oldest < entry.oldestCreatedAt)) entry.oldestCreatedAt = oldest;
    board.set(r.queueId, entry);
  }
  return [...board.values()];
}
