import type { ModuleManifest } from '../../platform/module.ts';
import * as m0014 from './migrations/0014-notifications.ts';
import * as m0015 from './migrations/0015-notification-outcomes.ts';
import { notificationRoutes } from './notifications.routes.ts';
import { deliverNotificationJob } from './notifications.service.ts';

/** Messages out of Ringfence (e-mail, SMS, signed webhooks), each through a vendor that may carry them. */
export const notificationsModule: ModuleManifest = {
  name: 'notifications',
  routes: [notificationRoutes],
  migrations: { '0014-notifications': m0014, '0015-notification-outcomes': m0015 },
  jobs: [deliverNotificationJob],
};
