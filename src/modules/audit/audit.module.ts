import type { ModuleManifest } from '../../platform/module.ts';
import { auditRoutes } from './audit.routes.ts';

/** Reading and verifying the audit trail. */
export const auditModule: ModuleManifest = {
  name: 'audit',
  routes: [auditRoutes],
};
