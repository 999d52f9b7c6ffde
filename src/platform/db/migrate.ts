import { Migrator, type Kysely, type Migration, type MigrationResult } from 'kysely';
import * as m0001 from '../../migrations/0001-platform.ts';
import * as m0002 from '../../migrations/0002-patient-vault.ts';
import * as m0003 from '../../migrations/0003-phi-guard.ts';
import * as m0004 from '../../migrations/0004-callbacks.ts';
import * as m0005 from '../../migrations/0005-compliance.ts';
import * as m0006 from '../../migrations/0006-access-reviews.ts';
import * as m0007 from '../../migrations/0007-compliance-reminders.ts';
import type { Engine, RingfenceDatabase } from './database.ts';

type EngineMigration = { up(db: Kysely<unknown>, engine: Engine): Promise<void> };

/** Every migration, in order. One set for both engines; each receives the engine for the few type differences. */
const MIGRATIONS: Record<string, EngineMigration> = {
  '0001-platform': m0001,
  '0002-patient-vault': m0002,
  '0003-phi-guard': m0003,
  '0004-callbacks': m0004,
  '0005-compliance': m0005,
  '0006-access-reviews': m0006,
  '0007-compliance-reminders': m0007,
};

/** Brings the schema up to date. Safe to run on every start and from `ringfence migrate`. */
export async function migrateToLatest(database: RingfenceDatabase): Promise<MigrationResult[]> {
  const migrations: Record<string, Migration> = {};
  for (const [name, migration] of Object.entries(MIGRATIONS)) {
    migrations[name] = { up: (db) => migration.up(db, database.engine) };
  }
  const migrator = new Migrator({
    db: database.unsafeKysely,
    provider: { getMigrations: async () => migrations },
    // Without an explicit schema Kysely would find another schema's migration table on PostgreSQL.
    ...(database.schema ? { migrationTableSchema: database.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return results ?? [];
}
