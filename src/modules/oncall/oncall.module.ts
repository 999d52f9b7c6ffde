import type { ModuleManifest } from '../../platform/module.ts';
import { autoPageSweepJob, coverageSweepJob, startAutoPaging } from './background.ts';
import * as m0016 from './migrations/0016-oncall.ts';
import { onCallRoutes, urgentRoutes } from './oncall.routes.ts';
import { escalateJob, outcomeJob } from './urgent.service.ts';

/** On-call schedules, providers' contact points, urgent messages and their escalation. */
export const onCallModule: ModuleManifest = {
  name: 'oncall',
  routes: [onCallRoutes, urgentRoutes],
  migrations: { '0016-oncall': m0016 },
  jobs: [escalateJob, outcomeJob, autoPageSweepJob, coverageSweepJob],
  background: (platform) => startAutoPaging(platform, (err) => platform.onBackgroundError(err, 'automatic paging failed')),
};
