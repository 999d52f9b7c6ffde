import type { ModuleManifest } from '../../platform/module.ts';
import { reportRoutes } from './reports.routes.ts';

/** Callback reports per client. */
export const reportsModule: ModuleManifest = {
  name: 'reports',
  routes: [reportRoutes],
};
