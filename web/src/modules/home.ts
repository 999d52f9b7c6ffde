import { lazyScreen, type WebModule } from './module';

/** The signed-in start page, open to everyone. */
export const homeModule: WebModule = {
  name: 'home',
  routes: [{ path: '/', screen: lazyScreen(() => import('../pages/HomePage'), 'HomePage') }],
  nav: [{ path: '/', label: 'Home', key: 'h', order: 10 }],
};
