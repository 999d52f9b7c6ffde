import type { JobDefinition } from '../../platform/jobs/jobs.ts';
import { sweepReminders } from './reminders.service.ts';

/**
 * Records the BAA and training reminders that came due, hourly and once soon after start, and
 * e-mails each new step through the organization's e-mail channel when it has one.
 * Reminders are dated by day and recorded once per step, so a repeated or late run adds nothing.
 */
export const reminderSweepJob: JobDefinition<Record<string, never>> = {
  name: 'compliance-reminder-sweep',
  cron: '0 * * * *',
  startDelaySeconds: 5,
  retryLimit: 2,
  retryDelaySeconds: 60,
  async run(_payload, job) {
    await sweepReminders(job.database, new Date(), job.jobs);
  },
};
