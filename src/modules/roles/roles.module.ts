import type { ModuleManifest } from '../../platform/module.ts';
import { roleRoutes } from './roles.routes.ts';

/** Roles and their permissions, as data. */
export const rolesModule: ModuleManifest = {
  name: 'roles',
  routes: [roleRoutes],
};
