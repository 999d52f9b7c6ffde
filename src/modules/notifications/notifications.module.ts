import type { ModuleManifest } from '../../platform/module.ts';
import * as m0014 from './migrations/0014-notifications.ts';
import { notificationRoutes } from './notifications.routes.ts';
import { deliverNotificationJob } from './notifications.service.ts';

/** Messages out of Ringfence (e-mail now; SMS and webhooks next), each through a vendor that may carry them. */
export const notificationsModule: ModuleManifest = {
  name: 'notifications',
  routes: [notificationRoutes],
  migrations: { '0014-notifications': m0014 },
  jobs: [deliverNotificationJob],
};
