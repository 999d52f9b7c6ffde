import type { ModuleManifest } from '../../platform/module.ts';
import { incidentRoutes } from './incidents.routes.ts';
import * as m0022 from './migrations/0022-incidents.ts';
import { incidentReminderJob } from './reminders.job.ts';

/** Incidents and breach notification: reports, scope from the audit trail, risk assessment, deadlines per client, notices and the breach log. */
export const incidentsModule: ModuleManifest = {
  name: 'incidents',
  routes: [incidentRoutes],
  migrations: { '0022-incidents': m0022 },
  jobs: [incidentReminderJob],
};
