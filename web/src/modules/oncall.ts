import { lazyScreen, type WebModule } from './module';

/** On-call: the pages a provider receives and answers, the outstanding pages supervisors watch, and each client's schedule. */
export const onCallModule: WebModule = {
  name: 'oncall',
  routes: [
    { path: '/pages', screen: lazyScreen(() => import('../pages/UrgentPagesPage'), 'UrgentPagesPage') },
    { path: '/pages/:id', screen: lazyScreen(() => import('../pages/UrgentMessagePage'), 'UrgentMessagePage') },
    { path: '/on-call', screen: lazyScreen(() => import('../pages/OnCallPage'), 'OnCallPage') },
    { path: '/on-call/me', screen: lazyScreen(() => import('../pages/MyOnCallPage'), 'MyOnCallPage') },
    { path: '/patients/:id/timeline', screen: lazyScreen(() => import('../pages/PatientTimelinePage'), 'PatientTimelinePage') },
  ],
  nav: [
    { path: '/pages', label: 'Urgent pages', key: 'u', order: 15, useVisible: ({ can }) => can('read', 'UrgentMessage') },
    { path: '/on-call', label: 'On call', key: 'k', order: 45, useVisible: ({ can }) => can('update', 'OnCall', { orgWide: true }) },
    { path: '/on-call/me', label: 'My on-call', key: 'm', order: 46, useVisible: ({ can }) => can('update', 'UrgentMessage') && !can('update', 'OnCall', { orgWide: true }) },
  ],
};
