import { lazyScreen, type WebModule } from './module';

/** First-run setup: the organization and its first administrator. The session guard sends everyone here until it is done. */
export const setupModule: WebModule = {
  name: 'setup',
  routes: [{ path: '/setup', screen: lazyScreen(() => import('../pages/SetupPage'), 'SetupPage'), public: true }],
};
