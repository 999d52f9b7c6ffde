import type { EngineMigration } from '../platform/module.ts';
import * as m0001 from './0001-platform.ts';
import * as m0002 from './0002-patient-vault.ts';
import * as m0003 from './0003-phi-guard.ts';
import * as m0004 from './0004-callbacks.ts';
import * as m0005 from './0005-compliance.ts';
import * as m0006 from './0006-access-reviews.ts';
import * as m0007 from './0007-compliance-reminders.ts';
import * as m0008 from './0008-queues.ts';
import * as m0009 from './0009-reports.ts';
import * as m0010 from './0010-assignment.ts';
import * as m0011 from './0011-second-factor-lockout.ts';
import * as m0012 from './0012-email-per-organization.ts';
import * as m0013 from './0013-jobs.ts';
import * as m0017 from './0017-audit-search.ts';
import * as m0018 from './0018-audit-integrity.ts';
import * as m0020 from './0020-break-glass.ts';

/**
 * The platform's migrations, with those released before modules listed their own: several of
 * these create tables of several modules at once, so they stay here, in order and frozen (none
 * imports module code). A module's later migrations belong to its manifest
 * (src/modules/<name>/<name>.module.ts). One set for both engines; each receives the engine
 * for the few type differences.
 */
export const PLATFORM_MIGRATIONS: Readonly<Record<string, EngineMigration>> = {
  '0001-platform': m0001,
  '0002-patient-vault': m0002,
  '0003-phi-guard': m0003,
  '0004-callbacks': m0004,
  '0005-compliance': m0005,
  '0006-access-reviews': m0006,
  '0007-compliance-reminders': m0007,
  '0008-queues': m0008,
  '0009-reports': m0009,
  '0010-assignment': m0010,
  '0011-second-factor-lockout': m0011,
  '0012-email-per-organization': m0012,
  '0013-jobs': m0013,
  '0017-audit-search': m0017,
  '0018-audit-integrity': m0018,
  '0020-break-glass': m0020,
};

