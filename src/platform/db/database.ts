import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type PostgresPool, type PostgresPoolClient, type SqliteDatabase as KyselySqliteDatabase, type SqliteStatement } from 'kysely';
import pg from 'pg';
import type { SqliteSynchronous } from '../../config.ts';
import type { Database } from './types.ts';

export type Engine = 'sqlite' | 'postgres';

export interface DatabaseSettings {
  databaseUrl: string | null;
  databaseSchema: string | null;
  dataDir: string;
  /** SQLite's `synchronous` pragma (default `normal`): what a power failure may take back, see docs/architecture.md. */
  sqliteSynchronous?: SqliteSynchronous;
}

/** The process's database: the Kysely instance and which engine is behind it. */
export interface RingfenceDatabase {
  engine: Engine;
  /** The unscoped connection. Only the platform and the CLI use it; modules get a tenant scope. */
  unsafeKysely: Kysely<Database>;
  schema: string | null;
  /** PostgreSQL: how the pool connects, so another thread can open a connection of its own (the audit chain's walkers do). */
  postgresConnection?: PostgresConnection;
  close(): Promise<void>;
}

/** A PostgreSQL connection as the pool opens it: the URL and the session settings. */
export interface PostgresConnection {
  connectionString: string;
  options: string | null;
}

const PG_TIMESTAMPTZ = 1184;
const PG_TIMESTAMP = 1114;
const PG_INT8 = 20;

/** Type parsers so PostgreSQL hands the application the same shapes SQLite does. */
export function pgTypes(): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      if (oid === PG_TIMESTAMPTZ || oid === PG_TIMESTAMP) return (v: string) => new Date(oid === PG_TIMESTAMP ? `${v}Z` : v).toISOString();
      // Counts and sequence ids stay far below 2^53.
      if (oid === PG_INT8) return (v: string) => Number(v);
      return pg.types.getTypeParser(oid, format ?? 'text');
    }) as pg.CustomTypesConfig['getTypeParser'],
  };
}

export interface OpenOptions {
  /**
   * Copy SQLite's write-ahead log back into the database file on a thread of its own, not in
   * whichever request's commit fills the log. For a long-running server; one-off commands and
   * tests keep SQLite's own checkpoints.
   */
  backgroundCheckpoints?: boolean;
}

/** The SQLite page cache for the app's connection, in KiB. */
const SQLITE_CACHE_KIB = 64 * 1024;
/** How often the background checkpointer copies the log back. */
const CHECKPOINT_INTERVAL_MS = 250;
/** With background checkpoints a commit still checkpoints once the log holds this many pages (the default is 1000). */
const SAFETY_NET_CHECKPOINT_PAGES = 20_000;

/**
 * The server settings of each PostgreSQL session: those the URL's `options` parameter gives
 * (`?options=-c%20statement_timeout%3D5000`) and the schema's search path. The URL's own
 * parameter would otherwise replace the search path, so it is taken out and joined.
 */
export function sessionOptions(databaseUrl: string, schema: string | null): { connectionString: string; options: string | null } {
  let connectionString = databaseUrl;
  let fromUrl: string | null = null;
  if (/[?&]options=/.test(databaseUrl)) {
    const url = new URL(databaseUrl);
    fromUrl = url.searchParams.get('options');
    url.searchParams.delete('options');
    connectionString = url.toString();
  }
  const options = [fromUrl, schema ? `-c search_path=${schema}` : null].filter(Boolean).join(' ');
  return { connectionString, options: options || null };
}

/** Opens SQLite under dataDir (the embedded default) or PostgreSQL when a URL is given. */
export function openDatabase(settings: DatabaseSettings, options: OpenOptions = {}): RingfenceDatabase {
  if (settings.databaseUrl) {
    const schema = settings.databaseSchema;
    const { connectionString, options } = sessionOptions(settings.databaseUrl, schema);
    const pool = new pg.Pool({ connectionString, max: 20, types: pgTypes(), ...(options ? { options } : {}) });
    // An idle client that loses its server must not take the process down.
    pool.on('error', () => {});
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingStatements(pool) }) });
    return { engine: 'postgres', unsafeKysely: kysely, schema, postgresConnection: { connectionString, options }, close: () => kysely.destroy() };
  }
  mkdirSync(settings.dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(settings.dataDir, 'ringfence.sqlite');
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // NORMAL: a commit is durable against a crash of the process, not of the machine; FULL also syncs the log per commit.
  sqlite.pragma(`synchronous = ${settings.sqliteSynchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  // Page cache per connection (negative: KiB). The default 2 MiB is far smaller than the task indexes.
  sqlite.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
  const checkpointer = options.backgroundCheckpoints ? startCheckpointer(sqlite, file) : null;
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) });
  return {
    engine: 'sqlite',
    unsafeKysely: kysely,
    schema: null,
    close: async () => {
      await checkpointer?.stop();
      await kysely.destroy();
    },
  };
}

/**
 * Starts the checkpointer thread (checkpointer.worker.cjs) and raises the main connection's own
 * threshold to a safety net, should the thread ever fall behind.
 */
function startCheckpointer(sqlite: SqliteDatabase.Database, file: string): { stop(): Promise<void> } {
  sqlite.pragma(`wal_autocheckpoint = ${SAFETY_NET_CHECKPOINT_PAGES}`);
  const worker = new Worker(new URL('./checkpointer.worker.cjs', import.meta.url), { workerData: { file, intervalMs: CHECKPOINT_INTERVAL_MS } });
  worker.unref();
  let running = true;
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      running = false;
      resolve();
    }),
  );
  // A thread that fails leaves SQLite checkpointing in commits, as it does by default.
  worker.on('error', () => {
    if (sqlite.open) sqlite.pragma('wal_autocheckpoint = 1000');
  });
  worker.on('message', (message) => {
    if (message === 'stopped') void worker.terminate();
  });
  return {
    stop() {
      if (running) worker.postMessage('stop');
      return exited;
    },
  };
}

/** Puts a value last in a map kept to `size` entries, dropping the oldest first: a small LRU. */
function remember<K, V>(map: Map<K, V>, key: K, value: V, size: number): void {
  map.delete(key);
  if (map.size >= size) map.delete(map.keys().next().value!);
  map.set(key, value);
}

/** Statements that name a plan worth keeping: queries, not schema changes. */
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;
/** Longer texts (bulk inserts of many rows) stay unnamed: each connection keeps what it prepares. */
const PREPARABLE_MAX_LENGTH = 4000;

/**
 * PostgreSQL parses and plans an unnamed statement on every call, and for the app's joins that
 * costs more than running them. Each query is sent as a named prepared statement (its name
 * derived from its text), which node-postgres parses once per connection and then only binds
 * and executes. Schema changes (migrations) and very long statements stay unnamed.
 */
export function preparingStatements(pool: pg.Pool, size = STATEMENT_CACHE_SIZE): PostgresPool {
  const names = new Map<string, string>();
  const nameOf = (text: string): string | null => {
    let name = names.get(text);
    if (name === undefined) {
      if (text.length > PREPARABLE_MAX_LENGTH || !PREPARABLE.test(text)) return null;
      name = `rf_${createHash('sha256').update(text).digest('hex').slice(0, 40)}`;
      remember(names, text, name, size);
    }
    return name;
  };
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      const query = (text: unknown, values?: unknown[]) => {
        if (typeof text !== 'string') return client.query(text as pg.Submittable);
        const name = nameOf(text);
        return name === null ? client.query(text, values) : client.query({ name, text, values });
      };
      return { query: query as unknown as PostgresPoolClient['query'], release: (destroy?: boolean) => client.release(destroy) };
    },
    end: () => pool.end(),
  };
}

/** How many distinct statements SQLite keeps compiled; the app issues a few hundred shapes. */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * Kysely prepares every query afresh, and on SQLite compiling a statement costs as much as
 * running it. The app sends the same few hundred statement shapes with different parameters,
 * so compiled statements are kept by their SQL text, least recently used dropped first.
 * A streamed query gets its own statement: a cached one may not be iterated twice at once.
 */
export function cachingStatements(sqlite: SqliteDatabase.Database, size = STATEMENT_CACHE_SIZE): KyselySqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare(text: string): SqliteStatement {
      let statement = cache.get(text);
      if (statement === undefined) {
        const compiled = sqlite.prepare(text);
        statement = {
          reader: compiled.reader,
          all: (parameters) => compiled.all(parameters),
          run: (parameters) => compiled.run(parameters),
          iterate: (parameters) => sqlite.prepare(text).iterate(parameters),
        };
      }
      remember(cache, text, statement, size);
      return statement;
    },
  };
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
