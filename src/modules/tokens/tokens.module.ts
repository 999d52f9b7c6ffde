import type { ModuleManifest } from '../../platform/module.ts';
import { tokenRoutes } from './tokens.routes.ts';

/** API tokens for integrations. */
export const tokensModule: ModuleManifest = {
  name: 'tokens',
  routes: [tokenRoutes],
};
