import { lazyScreen, type WebModule } from './module';

/** Callbacks as agents work them, the supervisors' board, and the queues they run through. */
export const tasksModule: WebModule = {
  name: 'tasks',
  routes: [
    { path: '/callbacks', screen: lazyScreen(() => import('../pages/CallbacksPage'), 'CallbacksPage') },
    { path: '/board', screen: lazyScreen(() => import('../pages/BoardPage'), 'BoardPage') },
    { path: '/queues', screen: lazyScreen(() => import('../pages/QueuesPage'), 'QueuesPage') },
  ],
  nav: [
    { path: '/callbacks', label: 'Callbacks', key: 'w', order: 20, useVisible: ({ can }) => can('read', 'Task') },
    { path: '/board', label: 'Queue board', key: 'b', order: 30, useVisible: ({ can }) => can('manage', 'Task') },
    { path: '/queues', label: 'Queues', key: 'q', order: 40, useVisible: ({ can }) => can('update', 'Queue') },
  ],
};
