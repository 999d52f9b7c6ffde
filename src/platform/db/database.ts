import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './types.ts';

export type Engine = 'sqlite' | 'postgres';

export interface DatabaseSettings {
  databaseUrl: string | null;
  databaseSchema: string | null;
  dataDir: string;
}

/** The process's database: the Kysely instance and which engine is behind it. */
export interface RingfenceDatabase {
  engine: Engine;
  /** The unscoped connection. Only the platform and the CLI use it; modules get a tenant scope. */
  unsafeKysely: Kysely<Database>;
  schema: string | null;
  close(): Promise<void>;
}

const PG_TIMESTAMPTZ = 1184;
const PG_TIMESTAMP = 1114;
const PG_INT8 = 20;

/** Type parsers so PostgreSQL hands the application the same shapes SQLite does. */
function pgTypes(): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      if (oid === PG_TIMESTAMPTZ || oid === PG_TIMESTAMP) return (v: string) => new Date(oid === PG_TIMESTAMP ? `${v}Z` : v).toISOString();
      // Counts and sequence ids stay far below 2^53.
      if (oid === PG_INT8) return (v: string) => Number(v);
      return pg.types.getTypeParser(oid, format ?? 'text');
    }) as pg.CustomTypesConfig['getTypeParser'],
  };
}

/** Opens SQLite under dataDir (the embedded default) or PostgreSQL when a URL is given. */
export function openDatabase(settings: DatabaseSettings): RingfenceDatabase {
  if (settings.databaseUrl) {
    const schema = settings.databaseSchema;
    const pool = new pg.Pool({
      connectionString: settings.databaseUrl,
      max: 20,
      types: pgTypes(),
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    // An idle client that loses its server must not take the process down.
    pool.on('error', () => {});
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { engine: 'postgres', unsafeKysely: kysely, schema, close: () => kysely.destroy() };
  }
  mkdirSync(settings.dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(settings.dataDir, 'ringfence.sqlite');
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { engine: 'sqlite', unsafeKysely: kysely, schema: null, close: () => kysely.destroy() };
}

/** True when the database answers a trivial query. */
export async function pingDatabase(db: RingfenceDatabase): Promise<boolean> {
  try {
    await sql`select 1`.execute(db.unsafeKysely);
    return true;
  } catch {
    return false;
  }
}
