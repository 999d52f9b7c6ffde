import { lazyScreen, type WebModule } from './module';

/** The organization's outbound notification channels. */
export const notificationsModule: WebModule = {
  name: 'notifications',
  routes: [{ path: '/notifications', screen: lazyScreen(() => import('../pages/NotificationsPage'), 'NotificationsPage') }],
  nav: [{ path: '/notifications', label: 'Notifications', key: 'n', order: 90, useVisible: ({ can }) => can('update', 'Organization') }],
};
