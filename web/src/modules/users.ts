import { lazyScreen, type WebModule } from './module';

/** The people of the organization and their roles. */
export const usersModule: WebModule = {
  name: 'users',
  routes: [{ path: '/users', screen: lazyScreen(() => import('../pages/UsersPage'), 'UsersPage') }],
  // Everyone may read their own record; the screen is for those who read everyone's.
  nav: [{ path: '/users', label: 'People', key: 'p', order: 60, useVisible: ({ can }) => can('read', 'User', { orgWide: true }) }],
};
