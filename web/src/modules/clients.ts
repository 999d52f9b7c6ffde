import { lazyScreen, type WebModule } from './module';

/** The practices the answering service takes calls for. */
export const clientsModule: WebModule = {
  name: 'clients',
  routes: [{ path: '/clients', screen: lazyScreen(() => import('../pages/ClientsPage'), 'ClientsPage') }],
  nav: [{ path: '/clients', label: 'Clients', key: 'c', order: 70, useVisible: ({ can }) => can('read', 'Client') }],
};
