/**
 * The on-call module's background work. An emergent callback pages the client's on-call
 * provider as soon as it is taken (the task event, at once), with a sweep each minute behind
 * it for an event this process never heard (a restart between the commit and the page); the
 * unique automatic-page index keeps it to one page per callback across instances. A second
 * sweep, hourly, warns each client's supervisors of a gap in the next 72 hours of coverage.
 */
import { DateTime } from 'luxon';
import { AppError } from '../../platform/http/errors.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import type { RingfenceDatabase } from '../../platform/db/database.ts';
import { tenantDb, type TenantDb } from '../../platform/db/tenant-db.ts';
import type { KeyRing } from '../../platform/crypto/keyring.ts';
import type { EventSink } from '../../platform/events/domain-events.ts';
import type { JobDefinition, Jobs } from '../../platform/jobs/jobs.ts';
import type { Platform } from '../../platform/platform.ts';
import { unsafeSystemContext } from '../../platform/system-context.ts';
import { raiseCoverageGapReminders } from '../compliance/index.ts';
import { clientList } from '../clients/index.ts';
import { organizationIds } from '../organizations/index.ts';
import { recentEmergentTasks, unsafeTaskFacts, type TaskFacts } from '../tasks/index.ts';
import { activeUserIds } from '../users/index.ts';
import { peopleGrantedForClient } from '../../platform/authz/ability.ts';
import { settingsOf, upcomingGaps } from './schedules.service.ts';
import { createUrgentMessage } from './urgent.service.ts';

export const AUTO_PAGE_SWEEP_JOB = 'oncall-auto-page-sweep';
export const COVERAGE_SWEEP_JOB = 'oncall-coverage-sweep';
/** The sweep pages emergent callbacks taken this recently and never paged. */
const SWEEP_MINUTES = 30;

interface Parts {
  database: RingfenceDatabase;
  keyring: KeyRing;
  jobs: Jobs;
  events?: EventSink;
}

/** Pages an emergent callback's on-call provider, once, when its client asks for it. Returns whether a page was created. */
export async function autoPage(parts: Parts, orgId: string, task: TaskFacts): Promise<boolean> {
  if (task.priority !== 'emergent') return false;
  const ctx = unsafeSystemContext(parts.database, parts.keyring, orgId, 'supervisor', 'Automatic paging', parts.events);
  if (!(await settingsOf(ctx.db, task.clientId)).autoPageEmergent) return false;
  const already = await ctx.db
    .selectFrom('urgent_messages')
    .select('id')
    .where((eb) => eb.or([eb('auto_task_id', '=', task.id), eb('fallback_task_id', '=', task.id), eb('task_id', '=', task.id)]))
    .executeTakeFirst();
  if (already) return false;
  try {
    await createUrgentMessage(
      ctx,
      parts.jobs,
      { taskId: task.id, priority: 'emergent', body: 'An emergent callback was taken for this patient. The agent’s notes are on the callback in Ringfence; call the answering service for more.' },
      'automatic',
    );
    return true;
  } catch (err) {
    // Another instance paged it first, or the client cannot be paged for now (its BAA): the sweep tries again.
    if (isUniqueViolation(err) || err instanceof AppError) return false;
    throw err;
  }
}

/** Listens for new emergent callbacks; returns how to stop. */
export function startAutoPaging(platform: Platform, onError: (err: unknown) => void): { stop(): void } {
  const unsubscribe = platform.events.subscribe('task.changed', (change) => {
    if (change.action !== 'task.created') return;
    void (async () => {
      const tenant = tenantDb(platform.database.unsafeKysely, platform.database.engine, change.orgId);
      const task = await unsafeTaskFacts({ db: tenant }, change.taskId);
      if (task) await autoPage({ database: platform.database, keyring: platform.keyring, jobs: platform.jobs, events: platform.events }, change.orgId, task);
    })().catch(onError);
  });
  return { stop: unsubscribe };
}

export const autoPageSweepJob: JobDefinition<Record<string, never>> = {
  name: AUTO_PAGE_SWEEP_JOB,
  cron: '* * * * *',
  startDelaySeconds: 10,
  retryLimit: 0,
  async run(_payload, job) {
    const since = new Date(Date.now() - SWEEP_MINUTES * 60_000).toISOString();
    for (const orgId of await organizationIds(job.database)) {
      const tenant = tenantDb(job.database.unsafeKysely, job.database.engine, orgId);
      for (const task of await recentEmergentTasks({ db: tenant }, since)) await autoPage({ database: job.database, keyring: job.keyring, jobs: job.jobs, events: job.events ?? undefined }, orgId, task);
    }
  },
};

/** Raises a reminder to each client's supervisors for every gap in its next 72 hours; returns how many are new. */
export async function sweepCoverage(tenant: TenantDb, now = new Date()): Promise<number> {
  let created = 0;
  for (const client of await clientList(tenant, { activeOnly: true })) {
    const scheduled = await tenant.selectFrom('oncall_schedule_versions').select('id').where('client_id', '=', client.id).executeTakeFirst();
    if (!scheduled) continue;
    const check = await upcomingGaps(tenant, client.id, now);
    if (check.gaps.length === 0) continue;
    const supervisors = await activeUserIds(tenant, await peopleGrantedForClient(tenant, 'manage', 'UrgentMessage', client.id, ['assigned_clients', 'organization']));
    created += await raiseCoverageGapReminders(
      tenant,
      check.gaps.map((g) => ({ clientId: client.id, gapDay: DateTime.fromISO(g.start, { zone: client.timeZone }).toISODate()!, userIds: supervisors })),
    );
  }
  return created;
}

export const coverageSweepJob: JobDefinition<Record<string, never>> = {
  name: COVERAGE_SWEEP_JOB,
  cron: '7 * * * *',
  startDelaySeconds: 20,
  retryLimit: 0,
  async run(_payload, job) {
    for (const orgId of await organizationIds(job.database)) await sweepCoverage(tenantDb(job.database.unsafeKysely, job.database.engine, orgId));
  },
};
