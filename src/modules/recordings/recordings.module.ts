import type { ModuleManifest } from '../../platform/module.ts';
import * as m0023 from './migrations/0023-recordings.ts';
import { recordingRoutes } from './recordings.routes.ts';
import { recordingRetentionJob } from './retention.job.ts';

/** Call recordings: encrypted as they stream in, played back a range at a time, every playback audited, destroyed when retention ends. */
export const recordingsModule: ModuleManifest = {
  name: 'recordings',
  routes: [recordingRoutes],
  migrations: { '0023-recordings': m0023 },
  jobs: [recordingRetentionJob],
};
