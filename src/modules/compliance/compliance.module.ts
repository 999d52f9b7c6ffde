import type { ModuleManifest } from '../../platform/module.ts';
import { accessReviewRoutes } from './access-reviews.routes.ts';
import { complianceRoutes } from './compliance.routes.ts';
import { reminderSweepJob } from './reminders.job.ts';
import * as m0021 from './migrations/0021-baa-notice-terms.ts';

/** Vendors, business associate agreements, training, access reviews and their reminders. */
export const complianceModule: ModuleManifest = {
  name: 'compliance',
  routes: [complianceRoutes, accessReviewRoutes],
  migrations: { '0021-baa-notice-terms': m0021 },
  jobs: [reminderSweepJob],
};
