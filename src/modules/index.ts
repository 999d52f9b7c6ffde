/**
 * Every module of Ringfence, once. The app registers their routes in this order, the migrator
 * runs their migrations with the platform's, and the job service runs their jobs. Adding a
 * module: a folder with its manifest, and one line here (docs/architecture.md, "Add a module").
 */
import { PLATFORM_MIGRATIONS } from '../migrations/index.ts';
import { migrationsOf, type ModuleManifest } from '../platform/module.ts';
import { auditModule } from './audit/audit.module.ts';
import { clientsModule } from './clients/clients.module.ts';
import { complianceModule } from './compliance/compliance.module.ts';
import { healthModule } from './health/health.module.ts';
import { incidentsModule } from './incidents/incidents.module.ts';
import { notificationsModule } from './notifications/notifications.module.ts';
import { onCallModule } from './oncall/oncall.module.ts';
import { organizationsModule } from './organizations/organizations.module.ts';
import { patientsModule } from './patients/patients.module.ts';
import { practiceLinkModule } from './practice-link/practice-link.module.ts';
import { recordingsModule } from './recordings/recordings.module.ts';
import { reportsModule } from './reports/reports.module.ts';
import { rolesModule } from './roles/roles.module.ts';
import { setupModule } from './setup/setup.module.ts';
import { tasksModule } from './tasks/tasks.module.ts';
import { tokensModule } from './tokens/tokens.module.ts';
import { usersModule } from './users/users.module.ts';

export const MODULES: readonly ModuleManifest[] = [
  healthModule,
  setupModule,
  organizationsModule,
  usersModule,
  clientsModule,
  patientsModule,
  tasksModule,
  practiceLinkModule,
  rolesModule,
  tokensModule,
  auditModule,
  complianceModule,
  incidentsModule,
  reportsModule,
  notificationsModule,
  onCallModule,
  recordingsModule,
];

/** The platform's migrations and every module's, in name order: what `migrateToLatest` runs. */
export const MIGRATIONS = migrationsOf(PLATFORM_MIGRATIONS, MODULES);
