import type { ModuleManifest } from '../../platform/module.ts';
import { userRoutes } from './users.routes.ts';

/** People of the organization, their roles and sign-in settings. */
export const usersModule: ModuleManifest = {
  name: 'users',
  routes: [userRoutes],
};
