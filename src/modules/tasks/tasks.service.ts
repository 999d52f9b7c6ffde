/**
 * Callback tasks: intake, claim next, contact attempts under the client's policy, escalation,
 * completion with follow-ups, and the clinical messages a task carries in the vault.
 *
 * Task rows hold operational fields only (the patient is a reference); contact details come
 * from the patient's reveal, clinical detail from a task message that is ciphertext at rest and
 * read only with the clinical category, each read a `phi.read` event.
 */
import { sql, type SqlBool } from 'kysely';
import { assertCan, can, rowScope } from '../../platform/authz/guard.ts';
import { actorUserId, audit, inTransaction, type ActorContext } from '../../platform/context.ts';
import { timeOrderedId } from '../../platform/db/ids.ts';
import { paginate, parseSort, type PageRequest, type PageResult } from '../../platform/db/paging.ts';
import type { TaskPriority, TaskRow, TaskStatus } from '../../platform/db/types.ts';
import { taskEvents } from '../../platform/events/task-events.ts';
import { AppError, invalidField, notFound } from '../../platform/http/errors.ts';
import { createPatient, type PatientInput } from '../patients/patients.service.ts';
import { parsePolicy, slaOf, type CallbackPolicy, type ReasonCode } from './policy.ts';
import { PRIORITY_RANK, dueAt } from './sla.ts';

export const CHANNELS = ['phone', 'sms', 'voicemail', 'portal'] as const;
export const OUTCOMES = ['reached', 'voicemail_left', 'no_answer', 'busy', 'wrong_number', 'disconnected', 'declined'] as const;
export const RESOLUTIONS = ['resolved', 'information_given', 'appointment_made', 'refill_sent', 'transferred', 'unreachable', 'declined', 'duplicate', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type Resolution = (typeof RESOLUTIONS)[number];

/** Statuses an agent can still work. */
const WORKABLE: TaskStatus[] = ['open', 'claimed', 'waiting'];

/** A task as every list and screen shows it: operational fields only, never PHI. */
export interface TaskView {
  id: string;
  clientId: string;
  queueId: string;
  patientId: string;
  patientRef: string;
  reasonCode: string;
  priority: TaskPriority;
  status: TaskStatus;
  title: string;
  note: string | null;
  callbackAfter: string | null;
  callbackBefore: string | null;
  dueAt: string;
  overdue: boolean;
  readyAt: string;
  assigneeId: string | null;
  claimedAt: string | null;
  attemptCount: number;
  lastOutcome: string | null;
  incidentFlag: string | null;
  resolution: string | null;
  parentTaskId: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface AttemptView {
  id: string;
  number: number;
  attemptedAt: string;
  agentId: string | null;
  channel: string;
  outcome: string;
  disclosure: 'none' | 'details_given';
  note: string | null;
}

const iso = (v: string | Date | null): string | null => (v === null ? null : new Date(v).toISOString());

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

/** Tells live screens a task changed (after its transaction: a listener that fetches it sees the change). */
function announce(ctx: ActorContext, task: TaskView, action: string): TaskView {
  taskEvents().publish({ orgId: ctx.orgId, clientId: task.clientId, queueId: task.queueId, taskId: task.id, status: task.status, action });
  return task;
}

async function clientPolicy(ctx: ActorContext, clientId: string): Promise<{ policy: CallbackPolicy; timeZone: string; active: boolean }> {
  const client = await ctx.db.selectFrom('clients').select(['status', 'callback_policy', 'time_zone']).where('id', '=', clientId).executeTakeFirst();
  if (!client) throw new AppError('not_found', 'Client not found', { field: 'clientId' });
  return { policy: parsePolicy(client.callback_policy), timeZone: client.time_zone, active: client.status === 'active' };
}

export interface TaskInput {
  clientId: string;
  queueId: string;
  /** An existing patient of the client, or `newPatient` to add one in the same step. */
  patientId?: string;
  newPatient?: PatientInput;
  reasonCode: ReasonCode;
  priority: TaskPriority;
  title: string;
  note?: string | null;
  callbackAfter?: string | null;
  callbackBefore?: string | null;
}

/** Intake: a callback task for a client's queue, due per the client's SLA. */
export async function createTask(ctx: ActorContext, input: TaskInput): Promise<TaskView> {
  return announce(ctx, await insertTask(ctx, input, null), 'task.created');
}

/** Checks and stores a new task (in the caller's transaction, if any); announcing it is the caller's, after commit. */
async function insertTask(ctx: ActorContext, input: TaskInput, parentTaskId: string | null): Promise<TaskView> {
  assertCan(ctx, 'create', 'Task', { clientId: input.clientId });
  if ((input.patientId === undefined) === (input.newPatient === undefined)) throw invalidField('patientId', 'give either patientId or newPatient');
  if (input.callbackAfter && input.callbackBefore && input.callbackAfter >= input.callbackBefore) throw invalidField('callbackBefore', 'must be after callbackAfter');
  const { policy, timeZone, active } = await clientPolicy(ctx, input.clientId);
  if (!active) throw new AppError('conflict', 'This client is inactive', { field: 'clientId' });
  if (!policy.reasonCodes.includes(input.reasonCode)) throw invalidField('reasonCode', `is not among this client's reason codes (${policy.reasonCodes.join(', ')})`);
  const queue = await ctx.db.selectFrom('queues').select(['id', 'status']).where('id', '=', input.queueId).where('client_id', '=', input.clientId).executeTakeFirst();
  if (!queue) throw new AppError('not_found', 'Queue not found for this client', { field: 'queueId' });
  if (queue.status !== 'active') throw new AppError('conflict', 'This queue is archived', { field: 'queueId' });

  const id = timeOrderedId();
  const row = await inTransaction(ctx, async (tx) => {
    let patient: { id: string; ref: string } | undefined;
    if (input.newPatient) {
      patient = (await createPatient(tx, { clientId: input.clientId, ...input.newPatient }, ctx.actor.type === 'token' ? 'integration' : 'manual')).patient;
    } else {
      patient = await tx.db.selectFrom('patients').select(['id', 'ref']).where('id', '=', input.patientId!).where('client_id', '=', input.clientId).where('status', '=', 'active').executeTakeFirst();
      if (!patient) throw new AppError('not_found', 'Patient not found for this client', { field: 'patientId' });
    }
    const now = new Date().toISOString();
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
      callback_after: input.callbackAfter ?? null,
      callback_before: input.callbackBefore ?? null,
      due_at: dueAt(now, input.priority, slaOf(policy), timeZone),
      ready_at: input.callbackAfter && input.callbackAfter > now ? input.callbackAfter : now,
      assignee_id: null,
      claimed_at: null,
      attempt_count: 0,
      last_outcome: null,
      incident_flag: null,
      resolution: null,
      parent_task_id: parentTaskId,
      created_by: actorUserId(ctx),
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
      details: { queueId: input.queueId, priority: input.priority, reasonCode: input.reasonCode, followUpOf: parentTaskId, via: ctx.actor.type === 'token' ? 'integration' : 'console' },
    });
    return task;
  });
  // The creator sees what it created, as stored: an intake token needs no read permission for that.
  return presentTask(row);
}

function scoped(ctx: ActorContext, action: 'read' | 'update' | 'manage') {
  return ctx.db.selectFrom('tasks').where(rowScope(ctx, action, 'Task', { clientId: 'tasks.client_id' }));
}

async function findTask(ctx: ActorContext, action: 'read' | 'update' | 'manage', id: string): Promise<TaskRow> {
  const row = await scoped(ctx, action).selectAll('tasks').where('tasks.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Task');
  return row;
}

export async function getTask(ctx: ActorContext, id: string): Promise<TaskView> {
  assertCan(ctx, 'read', 'Task');
  return presentTask(await findTask(ctx, 'read', id));
}

/** A task with its attempt history. */
export async function getTaskDetail(ctx: ActorContext, id: string): Promise<{ task: TaskView; attempts: AttemptView[]; messages: number }> {
  const task = await getTask(ctx, id);
  const attempts = await ctx.db.selectFrom('task_attempts').selectAll().where('task_id', '=', id).orderBy('number').execute();
  const messages = await ctx.db.selectFrom('task_messages').select((eb) => eb.fn.countAll<number>().as('n')).where('task_id', '=', id).executeTakeFirst();
  return {
    task,
    attempts: attempts.map((a) => ({
      id: a.id,
      number: Number(a.number),
      attemptedAt: iso(a.attempted_at)!,
      agentId: a.agent_id,
      channel: a.channel,
      outcome: a.outcome,
      disclosure: a.disclosure,
      note: a.note,
    })),
    messages: Number(messages?.n ?? 0),
  };
}

const SORTS = { dueAt: 'tasks.due_at', createdAt: 'tasks.created_at', priority: 'tasks.priority_rank', updatedAt: 'tasks.updated_at' } as const;

export interface TaskQuery extends PageRequest {
  clientId?: string;
  queueId?: string;
  status?: TaskStatus[];
  assignee?: 'me' | 'none' | string;
  patientId?: string;
  overdue?: boolean;
  sort?: string;
}

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

/**
 * Hands the agent the most urgent workable task (highest priority, earliest due) among the
 * clients they may work, in one statement: under any number of concurrent agents no task goes
 * to two. Workable: open, waiting whose next attempt is due, or claimed but idle past the
 * client's claim timeout. PostgreSQL skips rows another claim holds (FOR UPDATE SKIP LOCKED);
 * SQLite runs the statement under its single writer lock.
 */
export async function claimNext(ctx: ActorContext, filter: { clientId?: string; queueId?: string }): Promise<TaskView | null> {
  assertCan(ctx, 'update', 'Task');
  // On PostgreSQL a row claimed by another agent in the instant between our snapshot and our
  // lock makes the statement come back empty: try again while workable tasks remain.
  for (let round = 0; round < 5; round += 1) {
    const task = await claimOnce(ctx, filter);
    if (task || !(await anyWorkable(ctx, filter))) return task;
  }
  return null;
}

/** The statuses of WORKABLE as SQL literals: the claim index is partial on exactly this condition. */
const WORKABLE_SQL = sql<SqlBool>`tasks.status in (${sql.join(WORKABLE.map((status) => sql.lit(status)))})`;

function workable(ctx: ActorContext, filter: { clientId?: string; queueId?: string }, now: string) {
  let q = ctx.db
    .selectFrom('tasks')
    .select('tasks.id')
    .where(rowScope(ctx, 'update', 'Task', { clientId: 'tasks.client_id' }))
    .where(WORKABLE_SQL)
    .where('tasks.ready_at', '<=', now);
  if (filter.clientId) q = q.where('tasks.client_id', '=', filter.clientId);
  if (filter.queueId) q = q.where('tasks.queue_id', '=', filter.queueId);
  return q;
}

async function anyWorkable(ctx: ActorContext, filter: { clientId?: string; queueId?: string }): Promise<boolean> {
  return (await workable(ctx, filter, new Date().toISOString()).limit(1).executeTakeFirst()) !== undefined;
}

async function claimOnce(ctx: ActorContext, filter: { clientId?: string; queueId?: string }): Promise<TaskView | null> {
  const me = actorUserId(ctx);
  if (!me) throw new AppError('forbidden', 'Only a person can claim a task');
  const now = new Date().toISOString();
  const claimed = await inTransaction(ctx, async (tx) => {
    let pick = workable(tx, filter, now).orderBy('tasks.priority_rank').orderBy('tasks.due_at').orderBy('tasks.id').limit(1);
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

/** The task, claimed by this agent (or any task of the client for someone who manages tasks). */
async function ownTask(ctx: ActorContext, id: string): Promise<TaskRow> {
  const row = await findTask(ctx, 'update', id);
  if (!WORKABLE.includes(row.status) && row.status !== 'escalated') throw new AppError('conflict', `This task is ${row.status}`, { field: 'status' });
  const manages = can(ctx, 'manage', 'Task', { clientId: row.client_id });
  if (!manages && (row.status !== 'claimed' || row.assignee_id !== actorUserId(ctx))) {
    throw new AppError('conflict', 'Claim the task before working it', { field: 'status' });
  }
  return row;
}

export interface AttemptInput {
  channel: Channel;
  outcome: Outcome;
  /** Whether any detail was given before the agent learned the number was wrong. */
  disclosure?: 'none' | 'details_given';
  note?: string | null;
}

/**
 * Records a contact attempt and moves the task on per the client's policy: reached keeps it with
 * the agent to complete; declined closes it; a wrong or disconnected number escalates it (the
 * number must be corrected first), flagged for an incident review if details were given; any
 * other outcome waits `retryMinutes` for the next attempt, until the last allowed attempt, after
 * which the task escalates to a supervisor or closes as unreachable.
 */
export async function logAttempt(ctx: ActorContext, id: string, input: AttemptInput): Promise<{ task: TaskView; attempt: AttemptView }> {
  assertCan(ctx, 'update', 'Task');
  const disclosure = input.disclosure ?? 'none';
  if (disclosure === 'details_given' && input.outcome !== 'wrong_number') throw invalidField('disclosure', 'applies to a wrong number only');
  const result = await inTransaction(ctx, async (tx) => {
    const row = await ownTask(tx, id);
    const { policy } = await clientPolicy(tx, row.client_id);
    const now = new Date().toISOString();
    const number = Number(row.attempt_count) + 1;
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

    let status: TaskStatus;
    let readyAt = now;
    let resolution: string | null = null;
    let escalation: 'max_attempts' | 'wrong_number' | null = null;
    if (input.outcome === 'reached') {
      status = 'claimed';
      readyAt = new Date(Date.parse(now) + policy.claimTimeoutMinutes * 60_000).toISOString();
    } else if (input.outcome === 'declined') {
      status = 'completed';
      resolution = 'declined';
    } else if (input.outcome === 'wrong_number' || input.outcome === 'disconnected') {
      status = 'escalated';
      escalation = 'wrong_number';
    } else if (number >= policy.maxAttempts) {
      status = policy.afterLastAttempt === 'escalate' ? 'escalated' : 'completed';
      if (status === 'escalated') escalation = 'max_attempts';
      else resolution = 'unreachable';
    } else {
      status = 'waiting';
      readyAt = new Date(Date.parse(now) + policy.retryMinutes * 60_000).toISOString();
    }
    const closed = status === 'completed';
    const updated = await tx.db
      .updateTable('tasks')
      .set({
        status,
        attempt_count: number,
        last_outcome: input.outcome,
        ready_at: readyAt,
        assignee_id: status === 'claimed' ? row.assignee_id : null,
        claimed_at: status === 'claimed' ? row.claimed_at : null,
        incident_flag: disclosure === 'details_given' ? 'wrong_number_after_details' : row.incident_flag,
        resolution: resolution ?? row.resolution,
        closed_at: closed ? now : null,
        updated_at: now,
      })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const event = { resourceType: 'Task', resourceId: row.id, clientId: row.client_id, patientRef: row.patient_ref } as const;
    await audit(tx, { ...event, action: 'task.attempt_logged', details: { number, channel: input.channel, outcome: input.outcome, disclosure, status } });
    if (escalation) await audit(tx, { ...event, action: 'task.escalated', details: { reason: escalation } });
    if (closed) await audit(tx, { ...event, action: 'task.completed', details: { resolution: resolution!, followUpTaskId: null } });
    return {
      task: presentTask(updated),
      attempt: { id: attemptId, number, attemptedAt: now, agentId: actorUserId(tx), channel: input.channel, outcome: input.outcome, disclosure, note: input.note?.trim() || null },
    };
  });
  announce(ctx, result.task, 'task.attempt_logged');
  return result;
}

/** A follow-up: the same patient and client; its own queue or, by default, the completed task's. */
export type FollowUpInput = Omit<TaskInput, 'clientId' | 'queueId' | 'patientId' | 'newPatient'> & { queueId?: string };

/** Completes a task with a resolution; a follow-up task for the same patient can be chained. */
export async function completeTask(ctx: ActorContext, id: string, input: { resolution: Resolution; followUp?: FollowUpInput }): Promise<{ task: TaskView; followUp: TaskView | null }> {
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

/** Gives a claimed task back to its queue. */
export async function releaseTask(ctx: ActorContext, id: string): Promise<TaskView> {
  assertCan(ctx, 'update', 'Task');
  const task = await inTransaction(ctx, async (tx) => {
    const row = await ownTask(tx, id);
    if (row.status !== 'claimed') throw new AppError('conflict', 'Only a claimed task can be released', { field: 'status' });
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

/** Supervision: escalate, cancel, or assign a task to a person (null: back to the queue). */
export async function superviseTask(
  ctx: ActorContext,
  id: string,
  change: { escalate: true } | { cancel: string } | { assigneeId: string | null },
): Promise<TaskView> {
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

/** A task can go only to an active person who holds a role for its client. */
async function assertAssignable(ctx: ActorContext, userId: string, clientId: string): Promise<void> {
  const holder = await ctx.db
    .selectFrom('role_assignments')
    .innerJoin('users', (j) => j.onRef('users.id', '=', 'role_assignments.user_id').onRef('users.org_id', '=', 'role_assignments.org_id'))
    .select('users.id')
    .where('role_assignments.user_id', '=', userId)
    .where('users.status', '=', 'active')
    .where((eb) => eb.or([eb('role_assignments.client_id', '=', clientId), eb('role_assignments.client_id', 'is', null)]))
    .executeTakeFirst();
  if (!holder) throw invalidField('assigneeId', 'is not an active person working this client');
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

export interface BoardRow {
  queueId: string;
  clientId: string;
  counts: { open: number; claimed: number; waiting: number; escalated: number };
  breached: number;
  oldestCreatedAt: string | null;
}

/** Adds a clinical message to a task: encrypted under the client's key, readable only with the clinical category. */
export async function addTaskMessage(ctx: ActorContext, taskId: string, body: string): Promise<{ id: string; createdAt: string }> {
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
export async function readTaskMessages(ctx: ActorContext, taskId: string): Promise<{ id: string; body: string; createdBy: string | null; createdAt: string }[]> {
  const task = await findTask(ctx, 'read', taskId);
  assertCan(ctx, 'read', 'ClinicalMessage', { clientId: task.client_id });
  const rows = await ctx.db.selectFrom('task_messages').selectAll().where('task_id', '=', task.id).orderBy('created_at').orderBy('id').execute();
  const out = [];
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
