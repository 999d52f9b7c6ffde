/**
 * Reminders before the compliance records lapse: a business associate agreement's end (60,
 * 30 and 7 days before, to whoever keeps the compliance records) and a person's training
 * (30 and 7 days before its expiry, to the person). A sweep records each step once, so a
 * reminder has a date an auditor can see; several app instances may sweep at once, and the
 * unique step index makes the second insert a no-op. A reminder is shown only while its
 * subject still needs it: a renewed agreement or a new completion retires it. Each new step
 * is also e-mailed, when the organization has an enabled e-mail channel: a BAA's to whoever
 * keeps the compliance records (the administrators when nobody does), a person's training to
 * the person; the message names ids and dates only.
 */
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { can } from '../../platform/authz/guard.ts';
import { peopleGranted, peopleReachingPhi } from '../../platform/authz/ability.ts';
import { baaActive, calendarOf, renewed, trainingStanding, trainingStandingOfAll, type CourseStanding } from './phi-rules.ts';
import { addDays, daysUntil, today, todayIn } from '../../platform/calendar.ts';
import { actorUserId, audit, inTransaction, type ActorContext } from '../../platform/context.ts';
import type { RingfenceDatabase } from '../../platform/db/database.ts';
import { tenantDb, type TenantDb } from '../../platform/db/tenant-db.ts';
import type { ReminderKind } from './compliance.tables.ts';
import type { ReminderView } from './compliance.schemas.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { queueNotification } from '../notifications/index.ts';
import { activeUserIds } from '../users/index.ts';

/** Days before a BAA ends at which its keepers are reminded. */
export const BAA_REMINDER_DAYS = [60, 30, 7] as const;
/** Days before a course lapses at which the person is reminded. */
export const TRAINING_REMINDER_DAYS = [30, 7] as const;

/** The step a reminder `daysLeft` before the end belongs to (the nearest step not yet passed), or null when none is due. */
export function reminderStep(daysLeft: number, steps: readonly number[]): number | null {
  const due = steps.filter((s) => daysLeft >= 0 && daysLeft <= s);
  return due.length > 0 ? Math.min(...due) : null;
}

/** A reminder the records call for today, before it is stored. */
interface DueReminder {
  kind: ReminderKind;
  subjectKey: string;
  userId: string | null;
  thresholdDays: number;
  dueOn: string;
  /** What it is about, for the person reading it: a client's, vendor's or course's name. */
  about: string;
  partyType: 'client' | 'vendor' | null;
  /** The day it was judged on: the client's today for a client's BAA, UTC's otherwise. */
  asOf: string;
  /** A training reminder's course key, for its e-mail. */
  courseKey?: string;
}

/** Whose reminders to work out: the BAAs' (for the compliance officers), and which people's training. */
interface ReminderScope {
  baas: boolean;
  people: 'everyone' | string[];
}

/** BAAs ending soon, each judged on its party's calendar (a client's own, or UTC for a vendor). */
async function baaReminders(tenant: TenantDb, now: Date): Promise<DueReminder[]> {
  const [signed, clients, vendors] = await Promise.all([
    tenant.selectFrom('baas').selectAll().where('status', '=', 'signed').execute(),
    tenant.selectFrom('clients').select(['id', 'name', 'time_zone']).where('status', '=', 'active').execute(),
    tenant.selectFrom('vendors').select(['id', 'name']).where('status', '=', 'active').execute(),
  ]);
  const dayOf = calendarOf(clients, now);
  const partyName = new Map<string, string>([...clients, ...vendors].map((p) => [p.id, p.name]));
  const due: DueReminder[] = [];
  for (const b of signed) {
    const partyId = b.client_id ?? b.vendor_id!;
    const day = dayOf(b);
    if (b.ends_on === null || !baaActive(b, day) || !partyName.has(partyId) || renewed(b, signed)) continue;
    const step = reminderStep(daysUntil(b.ends_on, day), BAA_REMINDER_DAYS);
    if (step === null) continue;
    due.push({ kind: 'baa_ending', subjectKey: b.id, userId: null, thresholdDays: step, dueOn: b.ends_on, about: partyName.get(partyId)!, partyType: b.client_id ? 'client' : 'vendor', asOf: day });
  }
  return due;
}

async function trainingReminders(tenant: TenantDb, day: string, people: ReminderScope['people']): Promise<DueReminder[]> {
  let personIds: string[];
  let standingOf: (userId: string) => CourseStanding[];
  if (people === 'everyone') {
    personIds = (await tenant.selectFrom('users').select('id').where('status', '=', 'active').execute()).map((p) => p.id);
    standingOf = await trainingStandingOfAll(tenant, day);
  } else {
    // One person asking for their own: their completions only, not the whole organization's.
    const standings = new Map(await Promise.all(people.map(async (id) => [id, await trainingStanding(tenant, id, day)] as const)));
    personIds = people;
    standingOf = (id) => standings.get(id) ?? [];
  }
  // Only people whose roles reach PHI are held to the training, so only they are reminded.
  const reaching = await peopleReachingPhi(tenant, people === 'everyone' ? undefined : personIds);
  const due: DueReminder[] = [];
  for (const personId of personIds.filter((id) => reaching.has(id))) {
    for (const course of standingOf(personId)) {
      if (course.state !== 'current' || course.expiresOn === null) continue;
      const step = reminderStep(daysUntil(course.expiresOn, day), TRAINING_REMINDER_DAYS);
      if (step === null) continue;
      due.push({ kind: 'training_expiring', subjectKey: `${personId}/${course.courseId}`, userId: personId, thresholdDays: step, dueOn: course.expiresOn, about: course.name, partyType: null, asOf: day, courseKey: course.key });
    }
  }
  return due;
}

/** The reminders the records call for on `day`, within a scope. */
async function dueReminders(tenant: TenantDb, now: Date, scope: ReminderScope): Promise<DueReminder[]> {
  const [baas, training] = await Promise.all([scope.baas ? baaReminders(tenant, now) : [], trainingReminders(tenant, today(now), scope.people)]);
  return [...baas, ...training];
}

/** Reminders stored per INSERT: 5,000 bound values, far below SQLite's 32,766. */
const SWEEP_SLICE = 500;

/** Course keys as a message may carry them (a key of another shape is left out of the e-mail). */
const COURSE_KEY = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

/**
 * Queues the e-mail of each new reminder step, in the sweep's transaction: a BAA's to whoever
 * keeps the compliance records (found from the grants; the administrators when nobody does),
 * a person's training to that person. Nothing when the organization has no enabled channel.
 */
async function emailReminders(tenant: TenantDb, jobs: Jobs, created: DueReminder[]): Promise<void> {
  if (created.length === 0) return;
  let officers: string[] | null = null;
  for (const r of created) {
    const daysLeft = daysUntil(r.dueOn, r.asOf);
    if (r.kind === 'baa_ending') {
      officers ??= await activeUserIds(tenant, await peopleGranted(tenant, 'update', 'ComplianceRecord'));
      if (officers.length === 0) officers = await activeUserIds(tenant, await peopleGranted(tenant, 'update', 'Organization'));
      for (const userId of officers) {
        const queued = await queueNotification({ db: tenant }, jobs, { to: { userId }, template: 'baa.ending', params: { baaId: r.subjectKey, party: r.partyType ?? 'client', endsOn: r.dueOn, daysLeft } });
        if (queued === null) return;
      }
    } else if (r.userId) {
      const courseKey = r.courseKey && COURSE_KEY.test(r.courseKey) ? r.courseKey : 'required-course';
      const queued = await queueNotification({ db: tenant }, jobs, { to: { userId: r.userId }, template: 'training.expiring', params: { courseKey, expiresOn: r.dueOn, daysLeft } });
      if (queued === null) return;
    }
  }
}

/** Records the reminders one organization's records call for at `now` (and queues their e-mails); returns how many are new. */
async function sweepOrganization(outer: TenantDb, now: Date, jobs: Jobs | undefined): Promise<number> {
  const due = await dueReminders(outer, now, { baas: true, people: 'everyone' });
  if (due.length === 0) return 0;
  const createdAt = new Date().toISOString();
  // The steps and their e-mails commit together: a step recorded is a step announced.
  return outer.transaction(async (tenant) => {
    const created: DueReminder[] = [];
    // A whole organization trained on one day comes due at once: insert in slices.
    for (let i = 0; i < due.length; i += SWEEP_SLICE) {
      const slice = due.slice(i, i + SWEEP_SLICE);
      const inserted = await tenant
        .insertInto(
          'reminders',
          slice.map((r) => ({ id: randomUUID(), kind: r.kind, subject_key: r.subjectKey, user_id: r.userId, threshold_days: r.thresholdDays, due_on: r.dueOn, created_at: createdAt, acknowledged_by: null, acknowledged_at: null })),
        )
        .onConflict((oc) => oc.columns(['org_id', 'kind', 'subject_key', 'threshold_days', 'due_on']).doNothing())
        .returning(['kind', 'subject_key', 'threshold_days', 'due_on'])
        .execute();
      const isNew = new Set(inserted.map((r) => `${r.kind}|${r.subject_key}|${Number(r.threshold_days)}|${r.due_on}`));
      created.push(...slice.filter((r) => isNew.has(`${r.kind}|${r.subjectKey}|${r.thresholdDays}|${r.dueOn}`)));
    }
    if (jobs) await emailReminders(tenant, jobs, created);
    return created.length;
  });
}

/**
 * Records the reminders due at `now` in every organization; returns how many are new. With
 * `jobs`, each new step is also e-mailed through the organization's enabled e-mail channel.
 */
export async function sweepReminders(database: RingfenceDatabase, now = new Date(), jobs?: Jobs): Promise<number> {
  const orgs = await database.unsafeKysely.selectFrom('organizations').select('id').execute();
  let created = 0;
  for (const org of orgs) created += await sweepOrganization(tenantDb(database.unsafeKysely, database.engine, org.id), now, jobs);
  return created;
}

function reminderMessage(r: DueReminder, daysLeft: number): string {
  const when = daysLeft === 0 ? 'today' : daysLeft === 1 ? 'tomorrow' : `in ${daysLeft} days (${r.dueOn})`;
  return r.kind === 'baa_ending'
    ? `The business associate agreement with ${r.about} ends ${when}: renew it, or its ${r.partyType === 'client' ? 'PHI closes' : 'integrations must stop'} when it ends.`
    : `Your ${r.about} training expires ${when}: complete it again to keep access to patient information.`;
}

/** A coverage gap the on-call sweep found, for the people it warns (the client's supervisors). */
export interface CoverageGapReminder {
  clientId: string;
  /** The day the gap starts on the client's calendar, YYYY-MM-DD. */
  gapDay: string;
  userIds: string[];
}

/**
 * Records a reminder of an on-call coverage gap for each person it warns, once per client,
 * day the gap starts on and person however often the sweep runs (the step index: a gap that
 * is still open the next day reminds again), and e-mails nobody: the gap shows on every
 * screen the person opens. Returns how many are new.
 */
export async function raiseCoverageGapReminders(tenant: TenantDb, gaps: CoverageGapReminder[]): Promise<number> {
  const rows = gaps.flatMap((g) =>
    g.userIds.map((userId) => ({ id: randomUUID(), kind: 'oncall_gap' as const, subject_key: `${g.clientId}/${g.gapDay}/${userId}`, user_id: userId, threshold_days: 3, due_on: g.gapDay, created_at: new Date().toISOString(), acknowledged_by: null, acknowledged_at: null })),
  );
  if (rows.length === 0) return 0;
  let created = 0;
  for (let i = 0; i < rows.length; i += SWEEP_SLICE) {
    const inserted = await tenant
      .insertInto('reminders', rows.slice(i, i + SWEEP_SLICE))
      .onConflict((oc) => oc.columns(['org_id', 'kind', 'subject_key', 'threshold_days', 'due_on']).doNothing())
      .returning('id')
      .execute();
    created += inserted.length;
  }
  return created;
}

/** A notice to a client of an incident coming due, as the incidents module's sweep finds it. */
export interface IncidentNoticeReminder {
  incidentId: string;
  /** The incident's reference (INC-20260001), for the message. */
  reference: string;
  clientId: string;
  clientName: string;
  /** The client's day the notice is due by, YYYY-MM-DD. */
  dueOn: string;
  /** 50 and 80: that share of the time to the deadline has gone; 100: less than a day is left. */
  step: 50 | 80 | 100;
}

const STEP_WORD = { 50: 'half', 80: 'most', 100: 'last_day' } as const;

/**
 * Records each step of a notice's reminder once, for whoever keeps the compliance records, and
 * e-mails each new step to them when the organization has an e-mail channel (the message names
 * the incident's reference, the client and the day only). Returns how many are new.
 */
export async function raiseIncidentNoticeReminders(tenant: TenantDb, jobs: Jobs | undefined, due: IncidentNoticeReminder[]): Promise<number> {
  if (due.length === 0) return 0;
  const createdAt = new Date().toISOString();
  const inserted = await tenant
    .insertInto(
      'reminders',
      due.map((r) => ({ id: randomUUID(), kind: 'incident_notice' as const, subject_key: `${r.incidentId}/${r.clientId}`, user_id: null, threshold_days: r.step, due_on: r.dueOn, created_at: createdAt, acknowledged_by: null, acknowledged_at: null })),
    )
    .onConflict((oc) => oc.columns(['org_id', 'kind', 'subject_key', 'threshold_days', 'due_on']).doNothing())
    .returning(['subject_key', 'threshold_days', 'due_on'])
    .execute();
  if (jobs && inserted.length > 0) {
    const isNew = new Set(inserted.map((r) => `${r.subject_key}|${Number(r.threshold_days)}|${r.due_on}`));
    const officers = await activeUserIds(tenant, await peopleGranted(tenant, 'update', 'ComplianceRecord'));
    for (const r of due.filter((d) => isNew.has(`${d.incidentId}/${d.clientId}|${d.step}|${d.dueOn}`))) {
      for (const userId of officers) {
        const queued = await queueNotification({ db: tenant }, jobs, { to: { userId }, template: 'incident.notice_due', params: { reference: r.reference, client: r.clientName, dueOn: r.dueOn, step: STEP_WORD[r.step] } });
        if (queued === null) return inserted.length;
      }
    }
  }
  return inserted.length;
}

/** Retires the open reminders of these notices (sent, no longer owed, or due on another day now), as seen by `userId`. */
export async function retireIncidentNoticeReminders(tenant: TenantDb, subjects: { incidentId: string; clientId: string; keepDueOn?: string }[], userId: string | null): Promise<void> {
  const now = new Date().toISOString();
  for (const s of subjects) {
    let q = tenant.updateTable('reminders').set({ acknowledged_by: userId, acknowledged_at: now }).where('kind', '=', 'incident_notice').where('subject_key', '=', `${s.incidentId}/${s.clientId}`).where('acknowledged_at', 'is', null);
    if (s.keepDueOn) q = q.where('due_on', '<>', s.keepDueOn);
    await q.execute();
  }
}

/** The latest open step of each notice's reminder, for the compliance officers. */
function incidentNoticeViews(rows: { id: string; subject_key: string; due_on: string; threshold_days: number; created_at: string | Date }[], now: Date, clients: Map<string, { name: string; time_zone: string }>): ReminderView[] {
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const seen = latest.get(r.subject_key);
    if (!seen || Number(r.threshold_days) > Number(seen.threshold_days)) latest.set(r.subject_key, r);
  }
  return [...latest.values()].map((r) => {
    const found = clients.get(r.subject_key.split('/')[1] ?? '');
    const client = found?.name ?? 'a client';
    // The notice is due by the end of the client's day.
    const daysLeft = daysUntil(r.due_on, todayIn(found?.time_zone, now));
    const when = daysLeft < 0 ? `was due on ${r.due_on}: it is overdue` : daysLeft === 0 ? 'is due today' : daysLeft === 1 ? 'is due tomorrow' : `is due in ${daysLeft} days (${r.due_on})`;
    return { id: r.id, kind: 'incident_notice' as const, message: `The notice of an incident to ${client} ${when}. Open Incidents to send it.`, about: client, partyType: 'client' as const, dueOn: r.due_on, daysLeft, thresholdDays: Number(r.threshold_days), remindedAt: new Date(r.created_at).toISOString() };
  });
}

/** A coverage-gap reminder as the person reads it, while the gap's day has not passed. */
async function coverageGapViews(tenant: TenantDb, rows: { id: string; subject_key: string; due_on: string; threshold_days: number; created_at: string | Date }[], now: Date): Promise<ReminderView[]> {
  // The gap's day is the client's: judged against UTC's, a gap starting today would vanish at UTC midnight, hours before the client's.
  const live = rows.filter((r) => r.due_on >= addDays(today(now), -1));
  if (live.length === 0) return [];
  const clients = new Map((await tenant.selectFrom('clients').select(['id', 'name', 'time_zone']).execute()).map((c) => [c.id, c]));
  return live.flatMap((r) => {
    const [clientId] = r.subject_key.split('/');
    const client = clients.get(clientId ?? '');
    if (!client) return [];
    const day = todayIn(client.time_zone, now);
    if (r.due_on < day) return [];
    const daysLeft = daysUntil(r.due_on, day);
    const when = daysLeft === 0 ? 'today' : daysLeft === 1 ? 'tomorrow' : `on ${DateTime.fromISO(r.due_on).toFormat('ccc d LLL')}`;
    return [{ id: r.id, kind: 'oncall_gap' as const, message: `On-call coverage for ${client.name} has a gap starting ${when}: for a while nobody who can be paged covers it. Open On call to fill it.`, about: client.name, partyType: 'client' as const, dueOn: r.due_on, daysLeft, thresholdDays: Number(r.threshold_days), remindedAt: new Date(r.created_at).toISOString() }];
  });
}

/**
 * The reminders open for the actor: their own training, and the BAAs for whoever may read
 * the compliance records. Only the latest step of each is shown, and only while it still
 * applies; an acknowledged step stays quiet until the next one.
 */
export async function listReminders(ctx: ActorContext, now = new Date()): Promise<ReminderView[]> {
  const userId = actorUserId(ctx);
  const officer = can(ctx, 'read', 'ComplianceRecord');
  if (!userId && !officer) return [];
  let q = ctx.db.selectFrom('reminders').selectAll();
  q = q.where((eb) => {
    const mine = userId ? [eb('user_id', '=', userId)] : [];
    return eb.or(officer ? [...mine, eb('user_id', 'is', null)] : mine);
  });
  const all = await q.orderBy('due_on').orderBy('threshold_days').execute();
  const gaps = await coverageGapViews(
    ctx.db,
    all.filter((r) => r.kind === 'oncall_gap' && r.acknowledged_at === null),
    now,
  );
  const openNotices = officer ? all.filter((r) => r.kind === 'incident_notice' && r.acknowledged_at === null) : [];
  const notices = openNotices.length === 0 ? [] : incidentNoticeViews(openNotices, now, new Map((await ctx.db.selectFrom('clients').select(['id', 'name', 'time_zone']).execute()).map((c) => [c.id, c])));
  const stored = all.filter((r) => r.kind !== 'oncall_gap' && r.kind !== 'incident_notice');
  if (stored.length === 0) return [...gaps, ...notices].sort((a, b) => a.daysLeft - b.daysLeft);
  const current = new Map((await dueReminders(ctx.db, now, { baas: officer, people: userId ? [userId] : [] })).map((r) => [`${r.kind}|${r.subjectKey}|${r.dueOn}`, r]));
  const latest = new Map<string, (typeof stored)[number]>();
  for (const row of stored) {
    const key = `${row.kind}|${row.subject_key}|${row.due_on}`;
    const seen = latest.get(key);
    if (current.has(key) && (!seen || row.threshold_days < seen.threshold_days)) latest.set(key, row);
  }
  return [...latest.entries()]
    .filter(([, row]) => row.acknowledged_at === null)
    .map(([key, row]) => {
      const due = current.get(key)!;
      const daysLeft = daysUntil(row.due_on, due.asOf);
      return { id: row.id, kind: row.kind, message: reminderMessage(due, daysLeft), about: due.about, partyType: due.partyType, dueOn: row.due_on, daysLeft, thresholdDays: Number(row.threshold_days), remindedAt: row.created_at };
    })
    .concat(gaps, notices)
    .sort((a, b) => a.daysLeft - b.daysLeft);
}

/** Marks a reminder seen: a person's own, or a BAA's for whoever keeps the records. Audited. */
export async function acknowledgeReminder(ctx: ActorContext, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const row = await tx.db.selectFrom('reminders').selectAll().where('id', '=', id).executeTakeFirst();
    const userId = actorUserId(tx);
    // A person's reminder is theirs alone; a BAA's is seen by whoever may read the compliance
    // records. To anyone else it is as good as absent: its existence says something about them.
    const forOfficers = row?.user_id === null;
    if (!row || (forOfficers ? !can(tx, 'read', 'ComplianceRecord') : row.user_id !== userId)) throw notFound('Reminder');
    if (forOfficers && !can(tx, 'update', 'ComplianceRecord')) throw new AppError('forbidden', 'Only those who keep the compliance records acknowledge a BAA reminder.');
    if (row.acknowledged_at !== null) return;
    await tx.db.updateTable('reminders').set({ acknowledged_by: userId, acknowledged_at: new Date().toISOString() }).where('id', '=', id).execute();
    await audit(tx, { action: 'reminder.acknowledged', resourceType: 'Reminder', resourceId: id, details: { kind: row.kind, dueOn: row.due_on, thresholdDays: Number(row.threshold_days) } });
  });
}
