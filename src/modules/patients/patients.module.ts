import { breakGlassRoutes } from './break-glass.routes.ts';
import type { ModuleManifest } from '../../platform/module.ts';
import { patientRoutes } from './patients.routes.ts';

/** The encrypted patient directory: references, search by blind index, logged reveals. */
export const patientsModule: ModuleManifest = {
  name: 'patients',
  routes: [patientRoutes, breakGlassRoutes],
};
