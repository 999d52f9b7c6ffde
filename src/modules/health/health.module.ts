import type { ModuleManifest } from '../../platform/module.ts';
import { healthRoutes } from './health.routes.ts';

/** Liveness and the engine behind it. */
export const healthModule: ModuleManifest = {
  name: 'health',
  routes: [healthRoutes],
};
