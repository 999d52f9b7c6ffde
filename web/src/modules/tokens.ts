import { lazyScreen, type WebModule } from './module';

/** API tokens for the systems that call Ringfence. */
export const tokensModule: WebModule = {
  name: 'tokens',
  routes: [{ path: '/tokens', screen: lazyScreen(() => import('../pages/TokensPage'), 'TokensPage') }],
  nav: [{ path: '/tokens', label: 'API tokens', key: 't', order: 80, useVisible: ({ can }) => can('read', 'ApiToken') }],
};
