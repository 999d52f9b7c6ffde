import type { ModuleManifest } from '../../platform/module.ts';
import { auditRoutes } from './audit.routes.ts';
import { auditExportRoutes } from './export.routes.ts';
import { historyRoutes } from './history.routes.ts';
import { integrityRoutes } from './integrity.routes.ts';
import { alertRoutes } from './alerts.routes.ts';
import { startAnomalyRules } from './anomaly.ts';
import * as m0019 from './migrations/0019-audit-alerts.ts';

/** Reading and verifying the audit trail. */
export const auditModule: ModuleManifest = {
  name: 'audit',
  routes: [auditRoutes, integrityRoutes, alertRoutes, auditExportRoutes, historyRoutes],
  migrations: { '0019-audit-alerts': m0019 },
  // The anomaly rules read the trail as it is sealed, a second behind.
  background: (platform) => startAnomalyRules(platform.database, platform.keyring, (err) => platform.onBackgroundError(err, 'anomaly rules failed')),
};
