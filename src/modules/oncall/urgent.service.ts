/**
 * Urgent messages to the on-call provider. A message holds clinical detail (encrypted under the
 * client's key, in the clinical category); its pages carry none: the client's name, "urgent
 * message", a short reference and a sign-in link. Each message freezes its escalation plan and
 * roster at creation. The plan runs on the platform's jobs: one `urgent-escalate` job per
 * step, the first enqueued in the transaction that creates the message, each next one by the
 * step before it. A step runs only when the message still waits for it (`next_step`), under
 * the message's row lock on PostgreSQL, so a step is sent once however many instances run and
 * whatever restarts in between. A failed channel moves the chain on at once.
 */
import { randomUUID } from 'node:crypto';
import { NO_PERSON, peopleGrantedForClient } from '../../platform/authz/ability.ts';
import { assertCan, assertFieldCategories, can, fieldCategories, rowScope } from '../../platform/authz/guard.ts';
import { actorUserId, audit, inTransaction, type ActorContext } from '../../platform/context.ts';
import { timeOrderedId } from '../../platform/db/ids.ts';
import { AppError, invalidField, notFound } from '../../platform/http/errors.ts';
import type { JobDefinition, JobRun, Jobs } from '../../platform/jobs/jobs.ts';
import { unsafeSystemContext } from '../../platform/system-context.ts';
import { clientSettings } from '../clients/index.ts';
import { fitsParam, notificationDeliveries, queueNotification } from '../notifications/index.ts';
import { getPatient } from '../patients/index.ts';
import { announceTaskChange, createTask, firstActiveQueue, parsePolicy, taskFacts, unsafeTaskFacts, type TaskFacts } from '../tasks/index.ts';
import { activeUserIds, staffNames } from '../users/index.ts';
import { assertOnCall } from './access.ts';
import { usableContacts } from './contacts.service.ts';
import type { RecipientRole, UrgentEventKind, UrgentMessageRow, UrgentStatus } from './oncall.tables.ts';
import { buildPlan, nextTierStep, type FrozenRoster, type PlanStep } from './plan.ts';
import { rosterAt, settingsOf, type Roster } from './schedules.service.ts';
import type { OnCallSettings } from './settings.ts';
import { isoTimeOrNull as iso } from '../../platform/db/timestamps.ts';

export const ESCALATE_JOB = 'urgent-escalate';
export const OUTCOME_JOB = 'urgent-outcome';
type EscalatePayload = { orgId: string; messageId: string; step: number };
type OutcomePayload = { orgId: string; messageId: string; step: number; userId: string; contact: number; notificationId: string; outcome: string };

const bodyLocation = (clientId: string, id: string) => ({ clientId, table: 'urgent_messages', column: 'body_enc', rowId: id });
const replyLocation = (clientId: string, id: string) => ({ clientId, table: 'urgent_message_replies', column: 'body_enc', rowId: id });

/** A short code the page names and people can say on the phone: no PHI, no ambiguous letters. */
function newReference(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return `U-${[...bytes].map((b) => alphabet[b % alphabet.length]).join('')}`;
}

/** Frozen on the message: the settings and the roster as they were when it was created. */
interface FrozenPolicy extends OnCallSettings {
  priority: 'emergent' | 'urgent';
}
interface StoredRoster extends FrozenRoster {
  decidedBy: Roster['source'];
  scheduleVersion: number;
  resolvedAt: string;
}

async function addEvent(
  ctx: Pick<ActorContext, 'db'>,
  messageId: string,
  kind: UrgentEventKind,
  fields: { userId?: string | null; step?: number | null; channel?: string | null; notificationId?: string | null; detail?: Record<string, string | number | boolean | null>; at?: string } = {},
): Promise<void> {
  await ctx.db
    .insertInto('urgent_message_events', {
      id: timeOrderedId(),
      message_id: messageId,
      at: fields.at ?? new Date().toISOString(),
      kind,
      user_id: fields.userId ?? null,
      step: fields.step ?? null,
      channel: fields.channel ?? null,
      notification_id: fields.notificationId ?? null,
      detail: fields.detail ? JSON.stringify(fields.detail) : null,
    })
    .execute();
}

/** The people a client's pages go to after its on-call providers: its supervisors (from the grants), active. */
async function supervisorsOf(ctx: Pick<ActorContext, 'db'>, clientId: string): Promise<string[]> {
  return activeUserIds(ctx.db, await peopleGrantedForClient(ctx.db, 'manage', 'UrgentMessage', clientId, ['assigned_clients', 'organization']));
}

export interface CreateUrgentInput {
  taskId?: string;
  patientId?: string;
  /** Clinical: written by those whose roles carry the category; without it the page asks the provider to call. */
  body?: string;
  priority?: 'emergent' | 'urgent';
}

/** The message of a page sent by someone who may not write clinical detail (an agent): the provider calls the service for it. */
export const CALL_US_BODY = 'The answering service asks you to call about this patient now. The agent who took the call has the details.';

/** Who a page would go to now, for the agent to see before sending. */
export async function pagePreview(ctx: ActorContext, clientId: string): Promise<{ roster: Roster; supervisors: string[]; names: Record<string, string>; reachable: Record<string, boolean> }> {
  assertOnCall(ctx, 'read', clientId);
  const roster = await rosterAt(ctx.db, clientId, new Date());
  const supervisors = await supervisorsOf(ctx, clientId);
  const people = [...new Set([roster.primary, ...roster.backups, ...supervisors].filter((v): v is string => v !== null))];
  const contacts = await usableContacts(ctx.db, people, clientId);
  return { roster, supervisors, names: Object.fromEntries(await staffNames(ctx, people)), reachable: Object.fromEntries(people.map((p) => [p, (contacts.get(p)?.length ?? 0) > 0])) };
}

/**
 * Creates an urgent message (from a task, or directly for a patient) and starts its chain: the
 * first step's job is enqueued in the same transaction, so a message is never left unpaged.
 */
export async function createUrgentMessage(ctx: ActorContext, jobs: Jobs, input: CreateUrgentInput, origin: 'task' | 'direct' | 'automatic' = input.taskId ? 'task' : 'direct'): Promise<UrgentView> {
  if ((input.taskId === undefined) === (input.patientId === undefined)) throw invalidField('taskId', 'give either the task the page is about or the patient.');
  let task: TaskFacts | null = null;
  let patient: { id: string; ref: string; clientId: string };
  if (input.taskId) {
    task = await taskFacts(ctx, input.taskId);
    patient = { id: task.patientId, ref: task.patientRef, clientId: task.clientId };
  } else {
    const p = await getPatient(ctx, input.patientId!);
    patient = { id: p.id, ref: p.ref, clientId: p.clientId };
  }
  const clientId = patient.clientId;
  assertCan(ctx, 'create', 'UrgentMessage', { clientId });
  const client = await clientSettings(ctx.db, clientId);
  if (!client || client.status !== 'active') throw new AppError('conflict', 'This client is inactive.', { field: 'clientId' });
  const priority = input.priority ?? (task?.priority === 'urgent' ? 'urgent' : 'emergent');
  if (input.body !== undefined) assertFieldCategories(ctx, ['create'], 'UrgentMessage', { clientId }, ['body'], 'write');
  const body = input.body === undefined ? CALL_US_BODY : input.body.trim();
  if (!body) throw invalidField('body', 'must say what the provider needs to know.');

  const now = new Date();
  const settings = await settingsOf(ctx.db, clientId);
  const roster = await rosterAt(ctx.db, clientId, now);
  const onCall = await activeUserIds(ctx.db, [roster.primary, ...roster.backups].filter((v): v is string => v !== null));
  const frozen: StoredRoster = {
    primary: roster.primary && onCall.includes(roster.primary) ? roster.primary : null,
    backups: roster.backups.filter((b) => onCall.includes(b)),
    supervisors: await supervisorsOf(ctx, clientId),
    escalation: await activeUserIds(ctx.db, settings.escalationUserIds),
    decidedBy: roster.source,
    scheduleVersion: roster.version,
    resolvedAt: roster.at,
  };
  const plan = buildPlan(settings, frozen, priority);
  const id = randomUUID();
  const reference = newReference();
  await inTransaction(ctx, async (tx) => {
    const bodyEnc = await tx.keyring.encryptField(tx.db, bodyLocation(clientId, id), body);
    await tx.db
      .insertInto('urgent_messages', {
        id,
        client_id: clientId,
        task_id: task?.id ?? null,
        patient_id: patient.id,
        patient_ref: patient.ref,
        reference,
        priority,
        body_enc: bodyEnc,
        status: 'paging',
        policy: JSON.stringify({ ...settings, priority } satisfies FrozenPolicy),
        roster: JSON.stringify(frozen),
        plan: JSON.stringify(plan),
        next_step: 0,
        next_step_at: now.toISOString(),
        auto_task_id: origin === 'automatic' ? (task?.id ?? null) : null,
        fallback_task_id: null,
        created_by: actorUserId(tx),
        created_at: now.toISOString(),
        read_at: null,
        acknowledged_at: null,
        acknowledged_by: null,
        closed_at: null,
      })
      .execute();
    await addEvent(tx, id, 'created', { userId: actorUserId(tx), detail: { origin, priority, scheduleVersion: roster.version } });
    await jobs.enqueue(tx, ESCALATE_JOB, { orgId: tx.orgId, messageId: id, step: 0 } satisfies EscalatePayload, { runAt: now });
    await audit(tx, {
      action: 'urgent.created',
      resourceType: 'UrgentMessage',
      resourceId: id,
      clientId,
      patientRef: patient.ref,
      details: { priority, origin, primary: frozen.primary, backups: frozen.backups.length, steps: plan.length },
    });
    if (task) announceTaskChange(tx, task, 'urgent.created');
  });
  return getUrgentMessage(ctx, id);
}

// ---------------------------------------------------------------------------------------------
// The chain, run by jobs.

/** What a run of the chain needs besides its transaction: the jobs to schedule with, the address links point at. */
interface ChainContext {
  jobs: Jobs;
  publicUrl: string;
}

/** The client's name as a page carries it: a name that does not fit a page's plain form is replaced, so the page still goes. */
async function pageClientName(tx: ActorContext, clientId: string): Promise<string> {
  const name = (await clientSettings(tx.db, clientId))?.name ?? '';
  return fitsParam('name', name) ? name : 'a client of your answering service';
}

function systemCtx(run: JobRun, orgId: string): ActorContext {
  return unsafeSystemContext(run.database, run.keyring, orgId, 'supervisor', 'On-call escalation', run.events ?? undefined);
}

/** Locks the message for the rest of the transaction on PostgreSQL (SQLite runs one write transaction at a time). */
async function lockMessage(tx: ActorContext, id: string): Promise<UrgentMessageRow | undefined> {
  let q = tx.db.selectFrom('urgent_messages').selectAll().where('id', '=', id);
  if (tx.db.engine === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Whether the chain still runs: stopped by an acknowledgement, or by a reading when the client stops on reads. */
function chainRunning(row: UrgentMessageRow): boolean {
  return row.next_step >= 0 && (row.status === 'paging' || row.status === 'read');
}

/** Pages one person at one step through their `contact`-th usable contact point (or their account's e-mail when they have none). */
async function pagePerson(tx: ActorContext, chain: ChainContext, row: UrgentMessageRow, clientName: string, step: number, userId: string, role: RecipientRole, contact: number): Promise<boolean> {
  const now = new Date().toISOString();
  const exists = await tx.db.selectFrom('urgent_message_recipients').select('user_id').where('message_id', '=', row.id).where('user_id', '=', userId).executeTakeFirst();
  if (!exists) await tx.db.insertInto('urgent_message_recipients', { message_id: row.id, user_id: userId, role, first_notified_at: now, opened_at: null, read_at: null, acknowledged_at: null }).execute();
  const points = (await usableContacts(tx.db, [userId], row.client_id)).get(userId) ?? [];
  const params = { clientName, reference: row.reference, link: `${chain.publicUrl}/pages/${row.id}`, step: Math.min(step, 50) };
  // The notifications module adds the notification's id and how it ended.
  const outcomeJob = { name: OUTCOME_JOB, payload: { orgId: tx.orgId, messageId: row.id, step, userId, contact } };
  let queued: { id: string; channel: string } | null = null;
  if (points.length === 0 && contact === 0) {
    // Someone with no contact point of their own (a supervisor) is paged at their account's address.
    const notificationId = await queueNotification(tx, chain.jobs, { channel: 'email', to: { userId }, template: 'urgent.page', params, clientId: row.client_id, failFast: true, outcomeJob });
    if (notificationId) queued = { id: notificationId, channel: 'email' };
  } else if (contact < points.length) {
    const point = points[contact]!;
    const notificationId = await queueNotification(tx, chain.jobs, { channel: point.kind, to: { address: point.address }, template: 'urgent.page', params, clientId: row.client_id, failFast: true, outcomeJob });
    if (notificationId) queued = { id: notificationId, channel: point.kind };
  }
  if (!queued) {
    await addEvent(tx, row.id, 'channel_failed', { userId, step, detail: { reason: 'no channel may carry the page to this person' } });
    return false;
  }
  await addEvent(tx, row.id, 'paged', { userId, step, channel: queued.channel, notificationId: queued.id, detail: { role, contact } });
  return true;
}

/** Schedules the job of the step the message now waits for. */
async function scheduleStep(tx: ActorContext, jobs: Jobs, row: UrgentMessageRow, plan: PlanStep[], step: number, at?: Date): Promise<void> {
  const runAt = at ?? new Date(Date.parse(iso(row.created_at)!) + plan[step]!.at * 1000);
  await tx.db.updateTable('urgent_messages').set({ next_step: step, next_step_at: runAt.toISOString() }).where('id', '=', row.id).execute();
  await jobs.enqueue(tx, ESCALATE_JOB, { orgId: tx.orgId, messageId: row.id, step } satisfies EscalatePayload, { runAt });
}

/** The page reached nobody: it becomes an emergent callback in the client's queue, and the supervisors are paged about it. */
async function exhaust(tx: ActorContext, chain: ChainContext, row: UrgentMessageRow, plan: PlanStep[], step: number, clientName: string): Promise<void> {
  const queueId = await firstActiveQueue(tx, row.client_id);
  let fallbackTaskId: string | null = null;
  if (queueId) {
    const client = await clientSettings(tx.db, row.client_id);
    const reasons = parsePolicy(client?.callbackPolicy ?? null).reasonCodes;
    try {
      const task = await createTask(tx, {
        clientId: row.client_id,
        queueId,
        patientId: row.patient_id,
        reasonCode: reasons.includes('clinical') ? 'clinical' : reasons[0]!,
        priority: 'emergent',
        title: 'Urgent message not acknowledged: reach the provider by phone',
        note: `Page ${row.reference} reached nobody. Call the on-call provider's alternate numbers.`,
      });
      fallbackTaskId = task.id;
    } catch (err) {
      // The callback cannot be filed (the patient was merged away, the client closed): the supervisors are still told below.
      if (!(err instanceof AppError)) throw err;
    }
  }
  const now = new Date().toISOString();
  await tx.db.updateTable('urgent_messages').set({ status: 'exhausted', next_step: -1, next_step_at: null, fallback_task_id: fallbackTaskId, closed_at: now }).where('id', '=', row.id).execute();
  await addEvent(tx, row.id, 'exhausted', { step, detail: { fallbackTaskId } });
  for (const r of plan[step]!.recipients) await pagePerson(tx, chain, row, clientName, step, r.userId, r.role, 0);
  await audit(tx, { action: 'urgent.exhausted', resourceType: 'UrgentMessage', resourceId: row.id, clientId: row.client_id, patientRef: row.patient_ref, details: { fallbackTaskId } });
}

/** One step of a message's chain; a step the message no longer waits for is left alone (run twice, or overtaken). */
export async function runEscalationStep(run: JobRun, payload: EscalatePayload): Promise<void> {
  const chain: ChainContext = { jobs: run.jobs, publicUrl: run.publicUrl };
  const ctx = systemCtx(run, payload.orgId);
  await inTransaction(ctx, async (tx) => {
    const row = await lockMessage(tx, payload.messageId);
    if (!row || !chainRunning(row) || row.next_step !== payload.step) return;
    const plan = JSON.parse(row.plan) as PlanStep[];
    const step = plan[payload.step];
    if (!step) return;
    const clientName = await pageClientName(tx, row.client_id);
    if (step.kind === 'exhausted') {
      await exhaust(tx, chain, row, plan, payload.step, clientName);
    } else {
      if (step.repeat === 0 && step.tier > 0) await addEvent(tx, row.id, 'escalated', { step: payload.step, detail: { to: step.recipients[0]?.role ?? null, people: step.recipients.length } });
      let anyQueued = false;
      for (const r of step.recipients) anyQueued = (await pagePerson(tx, chain, row, clientName, payload.step, r.userId, r.role, 0)) || anyQueued;
      // Nobody of this tier can be reached: the next tier now, not after the window.
      const next = anyQueued ? payload.step + 1 : nextTierStep(plan, payload.step);
      await scheduleStep(tx, run.jobs, row, plan, next, anyQueued ? undefined : new Date());
    }
    if (row.task_id) {
      const task = await unsafeTaskFacts(tx, row.task_id);
      if (task) announceTaskChange(tx, task, 'urgent.escalated');
    }
  });
}

/**
 * What a channel said of one page: delivered is recorded; failed tries the person's next
 * contact point at once, and when they have none left, moves the chain to the next tier now.
 */
export async function runOutcome(run: JobRun, payload: OutcomePayload): Promise<void> {
  const chain: ChainContext = { jobs: run.jobs, publicUrl: run.publicUrl };
  const ctx = systemCtx(run, payload.orgId);
  await inTransaction(ctx, async (tx) => {
    const row = await lockMessage(tx, payload.messageId);
    if (!row) return;
    if (payload.outcome === 'delivered') {
      await addEvent(tx, row.id, 'delivered', { userId: payload.userId, step: payload.step, notificationId: payload.notificationId });
      return;
    }
    await addEvent(tx, row.id, 'channel_failed', { userId: payload.userId, step: payload.step, notificationId: payload.notificationId, detail: { reason: 'the channel reported the page undelivered' } });
    if (!chainRunning(row)) return;
    const plan = JSON.parse(row.plan) as PlanStep[];
    const step = plan[payload.step];
    if (!step || step.kind !== 'page') return;
    const clientName = await pageClientName(tx, row.client_id);
    const role = step.recipients.find((r) => r.userId === payload.userId)?.role ?? 'primary';
    if (await pagePerson(tx, chain, row, clientName, payload.step, payload.userId, role, payload.contact + 1)) return;
    // Only when the chain has not moved past this tier already.
    const next = nextTierStep(plan, payload.step);
    if (row.next_step >= 0 && row.next_step <= next && plan[row.next_step]!.tier === step.tier) await scheduleStep(tx, run.jobs, row, plan, next, new Date());
  });
}

/** A step takes well under a second: a run whose instance died is run again after 30 s, not 15 minutes. */
const STEP_LEASE_SECONDS = 30;

export const escalateJob: JobDefinition<EscalatePayload> = {
  name: ESCALATE_JOB,
  retryLimit: 10,
  retryDelaySeconds: 5,
  leaseSeconds: STEP_LEASE_SECONDS,
  run: (payload, job) => runEscalationStep(job, payload),
};

export const outcomeJob: JobDefinition<OutcomePayload> = {
  name: OUTCOME_JOB,
  retryLimit: 10,
  retryDelaySeconds: 5,
  leaseSeconds: STEP_LEASE_SECONDS,
  run: (payload, job) => runOutcome(job, payload),
};

// ---------------------------------------------------------------------------------------------
// Reading and answering.

export interface RecipientView {
  userId: string;
  name: string;
  role: RecipientRole;
  firstNotifiedAt: string;
  openedAt: string | null;
  readAt: string | null;
  acknowledgedAt: string | null;
}

export interface UrgentView {
  id: string;
  clientId: string;
  clientName: string;
  taskId: string | null;
  patientId: string;
  patientRef: string;
  reference: string;
  priority: 'emergent' | 'urgent';
  status: UrgentStatus;
  stopOn: 'acknowledged' | 'read';
  createdAt: string;
  createdBy: string | null;
  readAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: { id: string; name: string } | null;
  closedAt: string | null;
  fallbackTaskId: string | null;
  /** When the next step is due and who it pages, while the chain runs. */
  next: { at: string; kind: 'page' | 'exhausted'; recipients: { userId: string; name: string; role: RecipientRole }[] } | null;
  recipients: RecipientView[];
  decidedBy: Roster['source'];
  scheduleVersion: number;
  replies: { total: number; unhandled: number };
  /** The person asking is a recipient: their own times. */
  mine: { role: RecipientRole; openedAt: string | null; readAt: string | null; acknowledgedAt: string | null } | null;
}

type MessageSelect = UrgentMessageRow & { recipient_user_id: string | null };

/** Messages the actor may see: of their clients (agents, supervisors), or sent to them (providers). */
function scoped(ctx: ActorContext) {
  // The system (an escalation run) is nobody's recipient.
  const me = actorUserId(ctx) ?? NO_PERSON;
  return ctx.db
    .selectFrom('urgent_messages')
    .leftJoin('urgent_message_recipients as mine', (j) => j.onRef('mine.message_id', '=', 'urgent_messages.id').onRef('mine.org_id', '=', 'urgent_messages.org_id').on('mine.user_id', '=', me))
    .selectAll('urgent_messages')
    .select('mine.user_id as recipient_user_id')
    .where(rowScope(ctx, 'read', 'UrgentMessage', { clientId: 'urgent_messages.client_id', userId: 'mine.user_id' }));
}

async function findMessage(ctx: ActorContext, id: string): Promise<MessageSelect> {
  const row = (await scoped(ctx).where('urgent_messages.id', '=', id).executeTakeFirst()) as MessageSelect | undefined;
  if (!row) throw notFound('Urgent message');
  return row;
}

async function present(ctx: ActorContext, rows: MessageSelect[]): Promise<UrgentView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [recipients, replies] = await Promise.all([
    ctx.db.selectFrom('urgent_message_recipients').selectAll().where('message_id', 'in', ids).orderBy('first_notified_at').execute(),
    ctx.db.selectFrom('urgent_message_replies').select(['message_id', 'handled_at']).where('message_id', 'in', ids).execute(),
  ]);
  const clientNames = new Map<string, string>();
  for (const clientId of new Set(rows.map((r) => r.client_id))) clientNames.set(clientId, (await clientSettings(ctx.db, clientId))?.name ?? '');
  const plans = new Map(rows.map((r) => [r.id, JSON.parse(r.plan) as PlanStep[]]));
  const people = new Set<string>(recipients.map((r) => r.user_id));
  for (const r of rows) {
    if (r.acknowledged_by) people.add(r.acknowledged_by);
    if (r.next_step >= 0) for (const p of plans.get(r.id)![r.next_step]?.recipients ?? []) people.add(p.userId);
  }
  const names = await staffNames(ctx, [...people]);
  const me = actorUserId(ctx);
  return rows.map((r) => {
    const policy = JSON.parse(r.policy) as FrozenPolicy;
    const roster = JSON.parse(r.roster) as StoredRoster;
    const plan = plans.get(r.id)!;
    const mineRow = recipients.find((x) => x.message_id === r.id && x.user_id === me);
    const nextStep = r.next_step >= 0 ? plan[r.next_step] : undefined;
    const ofMessage = replies.filter((x) => x.message_id === r.id);
    return {
      id: r.id,
      clientId: r.client_id,
      clientName: clientNames.get(r.client_id) ?? '',
      taskId: r.task_id,
      patientId: r.patient_id,
      patientRef: r.patient_ref,
      reference: r.reference,
      priority: r.priority,
      status: r.status,
      stopOn: policy.stopOn,
      createdAt: iso(r.created_at)!,
      createdBy: r.created_by,
      readAt: iso(r.read_at),
      acknowledgedAt: iso(r.acknowledged_at),
      acknowledgedBy: r.acknowledged_by ? { id: r.acknowledged_by, name: names.get(r.acknowledged_by) ?? '' } : null,
      closedAt: iso(r.closed_at),
      fallbackTaskId: r.fallback_task_id,
      next:
        nextStep && r.next_step_at
          ? { at: iso(r.next_step_at)!, kind: nextStep.kind, recipients: nextStep.recipients.map((p) => ({ userId: p.userId, name: names.get(p.userId) ?? '', role: p.role })) }
          : null,
      recipients: recipients
        .filter((x) => x.message_id === r.id)
        .map((x) => ({ userId: x.user_id, name: names.get(x.user_id) ?? '', role: x.role, firstNotifiedAt: iso(x.first_notified_at)!, openedAt: iso(x.opened_at), readAt: iso(x.read_at), acknowledgedAt: iso(x.acknowledged_at) })),
      decidedBy: roster.decidedBy,
      scheduleVersion: roster.scheduleVersion,
      replies: { total: ofMessage.length, unhandled: ofMessage.filter((x) => x.handled_at === null).length },
      mine: mineRow ? { role: mineRow.role, openedAt: iso(mineRow.opened_at), readAt: iso(mineRow.read_at), acknowledgedAt: iso(mineRow.acknowledged_at) } : null,
    };
  });
}

export async function getUrgentMessage(ctx: ActorContext, id: string): Promise<UrgentView> {
  assertCan(ctx, 'read', 'UrgentMessage');
  return (await present(ctx, [await findMessage(ctx, id)]))[0]!;
}

export interface UrgentQuery {
  /** inbox: sent to me; open: chains still running or unhandled replies; all. */
  view?: 'inbox' | 'open' | 'all';
  taskId?: string;
  patientId?: string;
  clientId?: string;
  limit?: number;
}

/** Messages the actor may see, open ones first, newest first. */
export async function listUrgentMessages(ctx: ActorContext, query: UrgentQuery): Promise<UrgentView[]> {
  assertCan(ctx, 'read', 'UrgentMessage');
  let q = scoped(ctx);
  if (query.view === 'inbox') q = q.where('mine.user_id', 'is not', null);
  if (query.view === 'open') q = q.where('urgent_messages.status', 'in', ['paging', 'read']);
  if (query.taskId) q = q.where('urgent_messages.task_id', '=', query.taskId);
  if (query.patientId) q = q.where('urgent_messages.patient_id', '=', query.patientId);
  if (query.clientId) q = q.where('urgent_messages.client_id', '=', query.clientId);
  const rows = (await q.orderBy('urgent_messages.created_at', 'desc').limit(query.limit ?? 100).execute()) as MessageSelect[];
  const views = await present(ctx, rows);
  const open = (v: UrgentView) => (v.status === 'paging' || v.status === 'read' ? 0 : 1);
  return views.sort((a, b) => open(a) - open(b) || b.createdAt.localeCompare(a.createdAt));
}

/** Whether the actor may read the clinical content of this message: its recipient, or clinical staff of its client. */
function mayReadBody(ctx: ActorContext, row: MessageSelect): boolean {
  return fieldCategories(ctx, ['read'], 'UrgentMessage', { clientId: row.client_id, userId: row.recipient_user_id }).has('clinical');
}

/** The link in a page was followed: recorded for the recipient (before any content is shown). */
export async function markOpened(ctx: ActorContext, id: string): Promise<UrgentView> {
  const row = await findMessage(ctx, id);
  const me = actorUserId(ctx);
  if (me && row.recipient_user_id === me) {
    await inTransaction(ctx, async (tx) => {
      const updated = await tx.db.updateTable('urgent_message_recipients').set({ opened_at: new Date().toISOString() }).where('message_id', '=', id).where('user_id', '=', me).where('opened_at', 'is', null).executeTakeFirst();
      if (Number(updated.numUpdatedRows) > 0) await addEvent(tx, id, 'opened', { userId: me });
    });
  }
  return getUrgentMessage(ctx, id);
}

export interface UrgentContent {
  body: string;
  replies: { id: string; authorId: string; authorName: string; body: string; createdAt: string; handledAt: string | null; handledBy: string | null }[];
}

async function announce(ctx: ActorContext, row: Pick<UrgentMessageRow, 'task_id'>, action: string): Promise<void> {
  if (!row.task_id) return;
  const task = await unsafeTaskFacts(ctx, row.task_id);
  if (task) announceTaskChange(ctx, task, action);
}

/**
 * The message and its replies, decrypted: a `phi.read` audit event naming the patient. For the
 * recipient it is also the message's reading, which stops the chain when the client stops on
 * reads.
 */
export async function readUrgentContent(ctx: ActorContext, id: string): Promise<UrgentContent> {
  const row = await findMessage(ctx, id);
  if (!mayReadBody(ctx, row)) throw new AppError('forbidden', 'Your roles do not allow you to read the clinical content of this message for this client.', { field: 'body' });
  const body = await ctx.keyring.decryptField(ctx.db, bodyLocation(row.client_id, row.id), row.body_enc);
  const replyRows = await ctx.db.selectFrom('urgent_message_replies').selectAll().where('message_id', '=', id).orderBy('created_at').execute();
  const names = await staffNames(ctx, [...new Set(replyRows.flatMap((r) => [r.author_id, ...(r.handled_by ? [r.handled_by] : [])]))]);
  const replies: UrgentContent['replies'] = [];
  for (const r of replyRows) {
    replies.push({
      id: r.id,
      authorId: r.author_id,
      authorName: names.get(r.author_id) ?? '',
      body: await ctx.keyring.decryptField(ctx.db, replyLocation(r.client_id, r.id), r.body_enc),
      createdAt: iso(r.created_at)!,
      handledAt: iso(r.handled_at),
      handledBy: r.handled_by,
    });
  }
  const me = actorUserId(ctx);
  await inTransaction(ctx, async (tx) => {
    await audit(tx, { action: 'phi.read', resourceType: 'UrgentMessage', resourceId: id, clientId: row.client_id, patientRef: row.patient_ref, fields: ['body', ...(replies.length ? ['replies'] : [])], details: { source: 'vault', results: 1 + replies.length } });
    if (!me || row.recipient_user_id !== me) return;
    const now = new Date().toISOString();
    // Reading implies the message was opened; an earlier opening keeps its own time.
    const first = await tx.db
      .updateTable('urgent_message_recipients')
      .set((eb) => ({ read_at: now, opened_at: eb.fn.coalesce('opened_at', eb.val(now)) }))
      .where('message_id', '=', id)
      .where('user_id', '=', me)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    if (Number(first.numUpdatedRows) === 0) return;
    await addEvent(tx, id, 'read', { userId: me });
    const locked = await lockMessage(tx, id);
    if (!locked || locked.status !== 'paging') return;
    const policy = JSON.parse(locked.policy) as FrozenPolicy;
    const stops = policy.stopOn === 'read';
    await tx.db
      .updateTable('urgent_messages')
      .set({ status: 'read', read_at: now, ...(stops ? { next_step: -1, next_step_at: null } : {}) })
      .where('id', '=', id)
      .execute();
    await announce(tx, locked, 'urgent.read');
  });
  return { body, replies };
}

/** The recipient acknowledges: the chain stops at once. A late acknowledgement (the chain moved on, or ended) is still recorded. */
export async function acknowledgeUrgent(ctx: ActorContext, id: string): Promise<UrgentView> {
  const row = await findMessage(ctx, id);
  const me = actorUserId(ctx);
  if (!me || row.recipient_user_id !== me) throw new AppError('forbidden', 'Only a person this message was sent to can acknowledge it.', { field: 'id' });
  assertCan(ctx, 'update', 'UrgentMessage', { clientId: row.client_id, userId: me });
  await inTransaction(ctx, async (tx) => acknowledgeInTx(tx, id, me));
  return getUrgentMessage(ctx, id);
}

async function acknowledgeInTx(tx: ActorContext, id: string, me: string): Promise<void> {
  const now = new Date().toISOString();
  const mine = await tx.db.updateTable('urgent_message_recipients').set({ acknowledged_at: now }).where('message_id', '=', id).where('user_id', '=', me).where('acknowledged_at', 'is', null).executeTakeFirst();
  if (Number(mine.numUpdatedRows) === 0) return;
  const locked = (await lockMessage(tx, id))!;
  const role = (await tx.db.selectFrom('urgent_message_recipients').select('role').where('message_id', '=', id).where('user_id', '=', me).executeTakeFirst())?.role ?? null;
  const late = !(locked.status === 'paging' || locked.status === 'read');
  await addEvent(tx, id, 'acknowledged', { userId: me, detail: { late, role } });
  if (!late) {
    await tx.db.updateTable('urgent_messages').set({ status: 'acknowledged', acknowledged_at: now, acknowledged_by: me, next_step: -1, next_step_at: null, closed_at: now }).where('id', '=', id).execute();
  }
  await audit(tx, { action: 'urgent.acknowledged', resourceType: 'UrgentMessage', resourceId: id, clientId: locked.client_id, patientRef: locked.patient_ref, details: { late, role } });
  await announce(tx, locked, 'urgent.acknowledged');
}

/** A reply from a recipient: clinical, encrypted; it acknowledges the message too. The task's agent sees it at once. */
export async function replyUrgent(ctx: ActorContext, id: string, body: string): Promise<{ id: string; createdAt: string }> {
  const row = await findMessage(ctx, id);
  const me = actorUserId(ctx);
  if (!me || row.recipient_user_id !== me) throw new AppError('forbidden', 'Only a person this message was sent to can reply to it.', { field: 'body' });
  assertCan(ctx, 'update', 'UrgentMessage', { clientId: row.client_id, userId: me });
  const text = body.trim();
  if (!text) throw invalidField('body', 'must not be empty.');
  const replyId = timeOrderedId();
  const now = new Date().toISOString();
  await inTransaction(ctx, async (tx) => {
    const bodyEnc = await tx.keyring.encryptField(tx.db, replyLocation(row.client_id, replyId), text);
    await tx.db.insertInto('urgent_message_replies', { id: replyId, client_id: row.client_id, message_id: id, author_id: me, body_enc: bodyEnc, created_at: now, handled_at: null, handled_by: null }).execute();
    await addEvent(tx, id, 'replied', { userId: me, detail: { replyId } });
    await audit(tx, { action: 'urgent.replied', resourceType: 'UrgentMessage', resourceId: id, clientId: row.client_id, patientRef: row.patient_ref, details: { replyId } });
    await acknowledgeInTx(tx, id, me);
    await announce(tx, row, 'urgent.replied');
  });
  return { id: replyId, createdAt: now };
}

/** The agent (or a supervisor) has acted on a reply: marked handled, with who and when. */
export async function handleReply(ctx: ActorContext, id: string, replyId: string): Promise<UrgentView> {
  const row = await findMessage(ctx, id);
  if (!can(ctx, 'update', 'Task', { clientId: row.client_id })) throw notFound('Urgent message');
  await inTransaction(ctx, async (tx) => {
    const reply = await tx.db.selectFrom('urgent_message_replies').select(['id', 'handled_at']).where('id', '=', replyId).where('message_id', '=', id).executeTakeFirst();
    if (!reply) throw notFound('Reply');
    if (reply.handled_at !== null) return;
    await tx.db.updateTable('urgent_message_replies').set({ handled_at: new Date().toISOString(), handled_by: actorUserId(tx) }).where('id', '=', replyId).execute();
    await addEvent(tx, id, 'reply_handled', { userId: actorUserId(tx), detail: { replyId } });
    await audit(tx, { action: 'urgent.reply_handled', resourceType: 'UrgentMessage', resourceId: id, clientId: row.client_id, patientRef: row.patient_ref, details: { replyId } });
    await announce(tx, row, 'urgent.reply_handled');
  });
  return getUrgentMessage(ctx, id);
}

/** A supervisor stops a page sent in error; the record stays. */
export async function cancelUrgent(ctx: ActorContext, id: string): Promise<UrgentView> {
  const row = await findMessage(ctx, id);
  assertCan(ctx, 'manage', 'UrgentMessage', { clientId: row.client_id });
  await inTransaction(ctx, async (tx) => {
    const locked = (await lockMessage(tx, id))!;
    if (!(locked.status === 'paging' || locked.status === 'read')) throw new AppError('conflict', `This message is ${locked.status} already.`, { field: 'status' });
    await tx.db.updateTable('urgent_messages').set({ status: 'cancelled', next_step: -1, next_step_at: null, closed_at: new Date().toISOString() }).where('id', '=', id).execute();
    await addEvent(tx, id, 'cancelled', { userId: actorUserId(tx) });
    await audit(tx, { action: 'urgent.cancelled', resourceType: 'UrgentMessage', resourceId: id, clientId: row.client_id, patientRef: row.patient_ref, details: {} });
    await announce(tx, row, 'urgent.cancelled');
  });
  return getUrgentMessage(ctx, id);
}

export interface TimelineEntry {
  at: string;
  kind: UrgentEventKind | 'sent' | 'queued';
  userId: string | null;
  userName: string | null;
  step: number | null;
  channel: string | null;
  detail: Record<string, unknown> | null;
}

/** A message's timeline: every step with its channel's times (queued, sent, delivered, failed), every opening, reading, acknowledgement and reply. */
export async function messageTimeline(ctx: ActorContext, id: string): Promise<TimelineEntry[]> {
  await findMessage(ctx, id);
  const events = await ctx.db.selectFrom('urgent_message_events').selectAll().where('message_id', '=', id).orderBy('at').orderBy('id').execute();
  const deliveries = new Map((await notificationDeliveries(ctx.db, events.flatMap((e) => (e.notification_id ? [e.notification_id] : [])))).map((d) => [d.id, d]));
  const names = await staffNames(ctx, [...new Set(events.flatMap((e) => (e.user_id ? [e.user_id] : [])))]);
  const out: TimelineEntry[] = [];
  for (const e of events) {
    const entry = { userId: e.user_id, userName: e.user_id ? (names.get(e.user_id) ?? '') : null, step: e.step === null ? null : Number(e.step), channel: e.channel };
    out.push({ at: iso(e.at)!, kind: e.kind, ...entry, detail: e.detail ? (JSON.parse(e.detail) as Record<string, unknown>) : null });
    const d = e.kind === 'paged' && e.notification_id ? deliveries.get(e.notification_id) : undefined;
    if (d?.sentAt) out.push({ at: d.sentAt, kind: 'sent', ...entry, detail: null });
  }
  return out.sort((a, b) => a.at.localeCompare(b.at));
}
