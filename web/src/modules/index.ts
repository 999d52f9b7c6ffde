/**
 * Every area of the console, once. The router serves their routes, the shell shows their
 * navigation entries (in each entry's order, to whoever the entry's condition admits) and
 * their notices. Adding a screen: its page under `pages/`, its route and entry in its
 * module's manifest, and, for a new module, one line here.
 */
import { accountModule } from './account';
import { auditModule } from './audit';
import { clientsModule } from './clients';
import { complianceModule } from './compliance';
import { homeModule } from './home';
import { incidentsModule } from './incidents';
import { navigationOf, noticesOf, routesOf, type WebModule } from './module';
import { notificationsModule } from './notifications';
import { onCallModule } from './oncall';
import { patientsModule } from './patients';
import { reportsModule } from './reports';
import { setupModule } from './setup';
import { tasksModule } from './tasks';
import { tokensModule } from './tokens';
import { usersModule } from './users';

export const WEB_MODULES: readonly WebModule[] = [
  setupModule,
  accountModule,
  homeModule,
  tasksModule,
  onCallModule,
  patientsModule,
  usersModule,
  clientsModule,
  tokensModule,
  notificationsModule,
  reportsModule,
  complianceModule,
  incidentsModule,
  auditModule,
];

export const ROUTES = routesOf(WEB_MODULES);
export const NAVIGATION = navigationOf(WEB_MODULES);
export const NOTICES = noticesOf(WEB_MODULES);
