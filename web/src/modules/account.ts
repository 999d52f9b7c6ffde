import { lazyScreen, type WebModule } from './module';

/** Signing in, and the person's own password and authenticator. */
export const accountModule: WebModule = {
  name: 'account',
  routes: [
    { path: '/sign-in', screen: lazyScreen(() => import('../pages/SignInPage'), 'SignInPage'), public: true },
    { path: '/account', screen: lazyScreen(() => import('../pages/AccountPage'), 'AccountPage') },
  ],
  nav: [{ path: '/account', label: 'My account', key: 'a', order: 130 }],
};
