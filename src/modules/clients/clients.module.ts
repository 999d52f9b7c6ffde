import type { ModuleManifest } from '../../platform/module.ts';
import { clientRoutes } from './clients.routes.ts';

/** The practices an answering service works for, with their time zone and policies. */
export const clientsModule: ModuleManifest = {
  name: 'clients',
  routes: [clientRoutes],
};
