import { lazyScreen, type WebModule } from './module';

/** Operational reports. */
export const reportsModule: WebModule = {
  name: 'reports',
  routes: [{ path: '/reports', screen: lazyScreen(() => import('../pages/ReportsPage'), 'ReportsPage') }],
  nav: [{ path: '/reports', label: 'Reports', key: 'e', order: 100, useVisible: ({ can }) => can('read', 'Report') }],
};
