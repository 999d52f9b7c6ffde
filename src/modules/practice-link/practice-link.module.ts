import type { ModuleManifest } from '../../platform/module.ts';
import { practiceLinkRoutes } from './practice-link.routes.ts';

/** Looking patients up in a client's practice system over FHIR. */
export const practiceLinkModule: ModuleManifest = {
  name: 'practice-link',
  routes: [practiceLinkRoutes],
};
