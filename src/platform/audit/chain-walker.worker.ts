/**
 * A walker thread of verify.ts: checks one range of an organization's chain on a connection
 * of its own, reading the same snapshot as the verification that started it, and reports what
 * it found (chain-walk.ts). Loaded through chain-walker.worker.mjs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { pgTypes } from '../db/database.ts';
import { RangeWalk, SYNC_BEGUN, SYNC_GO, pgTimestampToIso, walkRow, type RangeReport, type SealKey } from './chain-walk.ts';

/** What the verification hands a walker. */
export interface WalkerData {
  engine: 'sqlite' | 'postgres';
  /** The walk query for this range (links in position order with their events). */
  sql: string;
  parameters: readonly unknown[];
  from: number;
  /** Set to 1 at `index` when the range no longer matters (an earlier range failed). */
  stop: Int32Array;
  /** SYNC_GO and SYNC_BEGUN (chain-walk.ts). */
  sync: Int32Array;
  index: number;
  sqliteFile?: string;
  postgres?: { connectionString: string; options: string | null; snapshot: string };
}

/** The verification's one message: the sealer's cursor as the snapshot has it. */
export type VerificationMessage = { cursor: SealKey };

/** Messages to the verification. */
export type WalkerMessage = { type: 'ready' } | { type: 'begun' } | { type: 'progress'; checked: number } | { type: 'done'; report: RangeReport };

/** Rows between two progress reports (and two looks at the stop flag). */
const REPORT_EVERY = 25_000;
/** Rows per FETCH on PostgreSQL; rows are checked as they arrive, so this bounds nothing but round trips. */
const FETCH = 5_000;

const data = workerData as WalkerData;
const port = parentPort!;
const send = (message: WalkerMessage) => port.postMessage(message);
/** The cursor, once the verification has read it on the snapshot. */
const cursorMessage = () => new Promise<SealKey>((resolve) => port.once('message', (message: VerificationMessage) => resolve(message.cursor)));
/** Blocks this thread until the verification says go. */
function awaitGo(): void {
  while (Atomics.load(data.sync, SYNC_GO) === 0) Atomics.wait(data.sync, SYNC_GO, 0);
}
/** Begins the snapshot; the verification, which may be waiting for it under a lock, hears of it even when beginning fails. */
async function beginSnapshot(begin: () => unknown): Promise<void> {
  awaitGo();
  try {
    await begin();
  } finally {
    Atomics.add(data.sync, SYNC_BEGUN, 1);
    Atomics.notify(data.sync, SYNC_BEGUN);
  }
  send({ type: 'begun' });
}
const stopped = () => Atomics.load(data.stop, data.index) === 1;

async function walkSqlite(file: string): Promise<RangeReport> {
  const connection = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    connection.pragma('busy_timeout = 5000');
    send({ type: 'ready' });
    // The verification holds SQLite's write lock until every walker has begun: all read one snapshot.
    await beginSnapshot(() => {
      connection.exec('BEGIN');
      return connection.prepare('SELECT 1 FROM audit_chain_heads LIMIT 1').get();
    });
    const walk = new RangeWalk(data.from, 'sqlite', await cursorMessage());
    let n = 0;
    for (const row of connection.prepare(data.sql).raw(true).iterate(...data.parameters) as IterableIterator<unknown[]>) {
      if (!walk.add(walkRow(row))) break;
      if ((n += 1) % REPORT_EVERY === 0) {
        send({ type: 'progress', checked: n });
        if (stopped()) break;
      }
    }
    connection.exec('ROLLBACK');
    return walk.result();
  } finally {
    connection.close();
  }
}

const PG_TIMESTAMPTZ = 1184;

/** The app's type parsers (database.ts), with its timestamptz parse taken by a shortcut that gives the same string. */
function walkerTypes(): pg.CustomTypesConfig {
  const app = pgTypes();
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === PG_TIMESTAMPTZ && format !== 'binary' ? pgTimestampToIso : app.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
  };
}

async function walkPostgres(settings: NonNullable<WalkerData['postgres']>): Promise<RangeReport> {
  const client = new pg.Client({ connectionString: settings.connectionString, types: walkerTypes(), ...(settings.options ? { options: settings.options } : {}) });
  await client.connect();
  try {
    send({ type: 'ready' });
    await beginSnapshot(async () => {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      // The snapshot the verification exported: this walker reads exactly what it reads.
      if (!/^[0-9A-F]+-[0-9A-F]+(-[0-9]+)?$/i.test(settings.snapshot)) throw new Error('unexpected snapshot id');
      await client.query(`SET TRANSACTION SNAPSHOT '${settings.snapshot}'`);
    });
    const walk = new RangeWalk(data.from, 'postgres', await cursorMessage());
    await client.query({ text: `DECLARE walk NO SCROLL CURSOR FOR ${data.sql}`, values: [...data.parameters] });
    let n = 0;
    let going = true;
    while (going) {
      // Each row is checked as node-postgres parses it: a page is never held in memory.
      const rows = await new Promise<number>((resolve, reject) => {
        // Typed without rowMode, which node-postgres's Query takes all the same.
        const query = new pg.Query({ text: `FETCH FORWARD ${FETCH} FROM walk`, rowMode: 'array' } as pg.QueryConfig);
        let count = 0;
        query.on('row', (row: unknown[]) => {
          count += 1;
          if (going && !walk.add(walkRow(row))) going = false;
          if ((n += 1) % REPORT_EVERY === 0) send({ type: 'progress', checked: n });
        });
        query.on('end', () => resolve(count));
        query.on('error', reject);
        void client.query(query);
      });
      if (rows < FETCH || stopped()) going = false;
    }
    await client.query('ROLLBACK');
    return walk.result();
  } finally {
    await client.end();
  }
}

const report = data.engine === 'sqlite' ? await walkSqlite(data.sqliteFile!) : await walkPostgres(data.postgres!);
send({ type: 'done', report });
