import { Migrator, type Migration, type MigrationResult } from 'kysely';
import type { EngineMigration } from '../module.ts';
import type { RingfenceDatabase } from './database.ts';

/**
 * Brings the schema up to date with `migrations` (every migration of the platform and the
 * modules: `MIGRATIONS` of src/modules/index.ts). Safe to run on every start and from
 * `ringfence migrate`.
 */
export async function migrateToLatest(database: RingfenceDatabase, all: Readonly<Record<string, EngineMigration>>): Promise<MigrationResult[]> {
  const migrations: Record<string, Migration> = {};
  for (const [name, migration] of Object.entries(all)) {
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
