/**
 * Claiming work: "next callback" hands an agent the most urgent task they can work, and a
 * claimed task can be given back to its queue.
 */
import { sql, type SqlBool } from 'kysely';
import { assertCan, rowScope } from '../../platform/authz/guard.ts';
import { actorUserId, audit, inTransaction, type ActorContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { baaRequired, clientsWithoutActiveBaa, lackingCourses, trainingRequired, trainingStanding } from '../compliance/index.ts';
import { WORKABLE, announce, clientPolicy, ownTask, presentTask } from './task-view.ts';
import type { ClaimFilter, TaskView } from './tasks.schemas.ts';

/**
 * Hands the agent the most urgent workable task (highest priority, earliest due) among the
 * clients they may work, in one statement: under any number of concurrent agents no task goes
 * to two. Workable: open, waiting whose next attempt is due, or claimed but idle past the
 * client's claim timeout. PostgreSQL skips rows another claim holds (FOR UPDATE SKIP LOCKED);
 * SQLite runs the statement under its single writer lock.
 */
export async function claimNext(ctx: ActorContext, filter: ClaimFilter): Promise<TaskView | null> {
  assertCan(ctx, 'update', 'Task');
  const me = actorUserId(ctx);
  if (!me) throw new AppError('forbidden', 'Only a person can claim a task.');
  // Work the PHI gate would refuse this person is never handed out: a callback claimed by
  // someone who cannot reveal its contact would only sit with them.
  const [closed, lacking] = await Promise.all([clientsWithoutActiveBaa(ctx.db), trainingStanding(ctx.db, me).then(lackingCourses)]);
  if (lacking.length > 0) {
    if (await anyWorkable(ctx, filter, [])) throw trainingRequired(lacking);
    return null;
  }
  const skip = [...closed.keys()];
  // On PostgreSQL a row claimed by another agent in the instant between our snapshot and our
  // lock makes the statement come back empty: try again while workable tasks remain.
  for (let round = 0; round < 5; round += 1) {
    const task = await claimOnce(ctx, me, filter, skip);
    if (task) return task;
    if (!(await anyWorkable(ctx, filter, skip))) break;
  }
  // Nothing to offer: say why when the only work waiting is at a client whose PHI is closed.
  if (skip.length > 0) {
    const waiting = await workable(ctx, filter, new Date().toISOString(), []).select('tasks.client_id').where('tasks.client_id', 'in', skip).limit(1).executeTakeFirst();
    if (waiting) throw baaRequired(waiting.client_id, closed.get(waiting.client_id) ?? null);
  }
  return null;
}

/** The statuses of WORKABLE as SQL literals: the claim index is partial on exactly this condition. */
const WORKABLE_SQL = sql<SqlBool>`tasks.status in (${sql.join(WORKABLE.map((status) => sql.lit(status)))})`;

/** Tasks the actor could work now, leaving out the clients in `skip`. */
function workable(ctx: ActorContext, filter: ClaimFilter, now: string, skip: string[]) {
  let q = ctx.db
    .selectFrom('tasks')
    .select('tasks.id')
    .where(rowScope(ctx, 'update', 'Task', { clientId: 'tasks.client_id' }))
    .where(WORKABLE_SQL)
    .where('tasks.ready_at', '<=', now);
  if (filter.clientId) q = q.where('tasks.client_id', '=', filter.clientId);
  if (filter.queueId) q = q.where('tasks.queue_id', '=', filter.queueId);
  if (skip.length > 0) q = q.where('tasks.client_id', 'not in', skip);
  return q;
}

async function anyWorkable(ctx: ActorContext, filter: ClaimFilter, skip: string[]): Promise<boolean> {
  return (await workable(ctx, filter, new Date().toISOString(), skip).limit(1).executeTakeFirst()) !== undefined;
}

async function claimOnce(ctx: ActorContext, me: string, filter: ClaimFilter, skip: string[]): Promise<TaskView | null> {
  const now = new Date().toISOString();
  const claimed = await inTransaction(ctx, async (tx) => {
    let pick = workable(tx, filter, now, skip).orderBy('tasks.priority_rank').orderBy('tasks.due_at').orderBy('tasks.id').limit(1);
    if (tx.db.engine === 'postgres') pick = pick.forUpdate().skipLocked();
    const row = await tx.db
      .updateTable('tasks')
      .set({
        status: 'claimed',
        assignee_id: me,
        claimed_at: now,
        // Until the claim lapses; the policy's timeout is applied just below, in the same transaction.
        ready_at: now,
        updated_at: now,
      })
      .where('tasks.id', '=', (eb) => eb.selectFrom(pick.as('next')).select('next.id'))
      .returningAll()
      .executeTakeFirst();
    if (!row) return null;
    const { policy } = await clientPolicy(tx, row.client_id);
    const lapse = new Date(Date.parse(now) + policy.claimTimeoutMinutes * 60_000).toISOString();
    await tx.db.updateTable('tasks').set({ ready_at: lapse }).where('id', '=', row.id).execute();
    await audit(tx, { action: 'task.claimed', resourceType: 'Task', resourceId: row.id, clientId: row.client_id, patientRef: row.patient_ref, details: { via: 'claim_next' } });
    return { ...row, ready_at: lapse };
  });
  return claimed ? announce(ctx, presentTask(claimed), 'task.claimed') : null;
}

/** Gives a claimed task back to its queue. */
export async function releaseTask(ctx: ActorContext, id: string): Promise<TaskView> {
  assertCan(ctx, 'update', 'Task');
  const task = await inTransaction(ctx, async (tx) => {
    const row = await ownTask(tx, id);
    if (row.status !== 'claimed') throw new AppError('conflict', 'Only a claimed task can be released.', { field: 'status' });
    const now = new Date().toISOString();
    const updated = await tx.db
      .updateTable('tasks')
      .set({ status: row.attempt_count ? 'waiting' : 'open', assignee_id: null, claimed_at: null, ready_at: now, updated_at: now })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, { action: 'task.released', resourceType: 'Task', resourceId: row.id, clientId: row.client_id, patientRef: row.patient_ref, details: {} });
    return presentTask(updated);
  });
  return announce(ctx, task, 'task.released');
}
