import type { JobDefinition } from '../jobs/jobs.ts';
import { sweepExpiredSessions, type SessionPolicy } from './sessions.ts';

/**
 * Ends and audits, every minute, the sessions that lapsed without another request (a request
 * on a lapsed session ends it itself). No retries: the next minute's run is the retry.
 */
export function sessionSweepJob(policy: SessionPolicy): JobDefinition<Record<string, never>> {
  return {
    name: 'session-sweep',
    cron: '* * * * *',
    retryLimit: 0,
    async run(_payload, job) {
      await sweepExpiredSessions(job.database, policy);
    },
  };
}
