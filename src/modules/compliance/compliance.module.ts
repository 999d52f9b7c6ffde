import type { ModuleManifest } from '../../platform/module.ts';
import { accessReviewRoutes } from './access-reviews.routes.ts';
import { complianceRoutes } from './compliance.routes.ts';
import { reminderSweepJob } from './reminders.job.ts';

/** Vendors, business associate agreements, training, access reviews and their reminders. */
export const complianceModule: ModuleManifest = {
  name: 'compliance',
  routes: [complianceRoutes, accessReviewRoutes],
  jobs: [reminderSweepJob],
};
