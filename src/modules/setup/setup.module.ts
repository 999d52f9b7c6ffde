import type { ModuleManifest } from '../../platform/module.ts';
import { setupRoutes } from './setup.routes.ts';

/** First-run setup and the getting-started checklist. */
export const setupModule: ModuleManifest = {
  name: 'setup',
  routes: [setupRoutes],
};
