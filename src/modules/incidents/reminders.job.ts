import type { JobDefinition } from '../../platform/jobs/jobs.ts';
import { unsafeSystemContext } from '../../platform/system-context.ts';
import { sweepIncidentReminders } from './notices.service.ts';

/**
 * Every quarter hour (and soon after start): the reminder steps of the notices still owed, at
 * half and 80% of the time to each deadline and a day before it, and overdue ones; each step
 * is recorded once and e-mailed to the compliance officers (the reminders of the compliance
 * module). A window counted in hours needs more than the hourly sweep of the other reminders.
 */
export const incidentReminderJob: JobDefinition<Record<string, never>> = {
  name: 'incident-notice-reminders',
  cron: '*/15 * * * *',
  startDelaySeconds: 10,
  retryLimit: 2,
  retryDelaySeconds: 60,
  async run(_payload, job) {
    await sweepIncidentReminders(job.database, (orgId) => unsafeSystemContext(job.database, job.keyring, orgId, 'compliance', 'Ringfence incident reminders'), new Date(), job.jobs);
  },
};
