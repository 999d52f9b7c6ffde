import type { JobDefinition } from '../../platform/jobs/jobs.ts';
import { unsafeSystemContext } from '../../platform/system-context.ts';
import { organizationIds } from '../organizations/index.ts';
import { destroyExpiredRecordings } from './recordings.service.ts';
import { recordingStore } from './storage.ts';

/**
 * Daily (and soon after start): destroys every recording whose retention ended, in every
 * organization, except those held by an open incident. A late or repeated run finds nothing new.
 */
export const recordingRetentionJob: JobDefinition<Record<string, never>> = {
  name: 'recording-retention',
  cron: '17 3 * * *',
  startDelaySeconds: 60,
  retryLimit: 3,
  retryDelaySeconds: 300,
  async run(_payload, job) {
    if (!job.config) throw new Error('the recording retention job needs the server configuration (where recordings are stored)');
    const store = recordingStore(job.config);
    for (const orgId of await organizationIds(job.database)) {
      await destroyExpiredRecordings(unsafeSystemContext(job.database, job.keyring, orgId, 'supervisor', 'Ringfence recording retention'), store);
    }
  },
};
