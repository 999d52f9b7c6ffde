import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, sql, type ExpressionBuilder, type Kysely, type QueryResult, type Transaction } from 'kysely';
import type { Engine, RingfenceDatabase } from '../db/database.ts';
import type { Database } from '../db/types.ts';
import { tenantDb, type TenantDb } from '../db/tenant-db.ts';
import { GENESIS_HASH } from './chain.ts';
import { RangeWalk, SYNC_BEGUN, SYNC_GO, WALK_EVENT_COLUMNS, joinRanges, walkRow, type ChainProblem, type RangeReport, type SealKey, type WalkRow } from './chain-walk.ts';
import type { WalkerData, WalkerMessage } from './chain-walker.worker.ts';

export type { ChainProblem } from './chain-walk.ts';

export interface ChainVerification {
  orgId: string;
  ok: boolean;
  /** Links checked. */
  sealed: number;
  /** Events written but not yet sealed (the tail the sealer has not reached). */
  unsealed: number;
  headHash: string;
  firstProblem: ChainProblem | null;
  /** How long the verification took, in seconds. */
  seconds: number;
  /** Links checked per second. */
  eventsPerSecond: number;
  /** Threads the walk ran on. */
  threads: number;
}

/** Where a pruned chain resumes: the last pruned position and its (signed) hash. */
export interface ChainStart {
  position: number;
  hash: string;
}

/**
 * How the walk is spread over threads. Each walker thread checks one range of positions on a
 * connection of its own, reading the verification's snapshot; below `parallelFrom` links the
 * walk stays on this thread, where starting threads would cost more than it saves.
 */
export interface ChainWalkSettings {
  threads: number;
  parallelFrom: number;
}

/**
 * A walker keeps a core busy reading and hashing, and the database needs cores of its own
 * (PostgreSQL's server processes, SQLite's page reads): one walker per core, two at most.
 */
export const DEFAULT_CHAIN_WALK: ChainWalkSettings = { threads: Math.min(2, availableParallelism()), parallelFrom: 500_000 };

/** Links fetched per round trip where this thread pages (PostgreSQL). */
const PAGE = 1_000;
/** Links read from SQLite per batch on this thread: small, so the rows die young. */
const SQLITE_BATCH = 128;
/** Links checked between two turns of the event loop on SQLite, where reading never waits on a socket. */
const SQLITE_TURN = 4_096;
/** Links between two progress reports. */
const PROGRESS_EVERY = 10_000;
/** How long this thread waits, holding SQLite's write lock, for the walkers to begin: a read each. */
const BEGIN_TIMEOUT_MS = 2_000;

/** The links from position `from` (up to `to`, exclusive) in position order, each with its event. */
function walkQuery(tenant: TenantDb, engine: Engine, from: number, to: number | null): CompiledQuery<WalkRow> {
  // PostgreSQL keeps microseconds but the application reads (and hashes) milliseconds, as it
  // writes them: a time with more precision than was written has been edited.
  const finerThanWritten = engine === 'postgres' ? sql<boolean>`audit_events.occurred_at <> date_trunc('milliseconds', audit_events.occurred_at)` : sql<boolean>`false`;
  let query = tenant
    .selectFrom('audit_chain')
    .leftJoin('audit_events', (j) => j.onRef('audit_events.id', '=', 'audit_chain.event_id').onRef('audit_events.org_id', '=', 'audit_chain.org_id'))
    .select(['audit_chain.event_id as link_event_id', 'audit_chain.position', 'audit_chain.prev_hash', 'audit_chain.hash', ...WALK_EVENT_COLUMNS, finerThanWritten.as('finer_than_written')])
    .where('audit_chain.position', '>=', from);
  if (to !== null) query = query.where('audit_chain.position', '<', to);
  return query.orderBy('audit_chain.position').compile() as unknown as CompiledQuery<WalkRow>;
}

/** One consistent view of the database for a whole verification, read on this thread. */
interface ChainReader {
  /** Whether walker threads can read this view. */
  parallel: boolean;
  /**
   * Fixes the snapshot everything after reads (what was read before may be older), and with
   * ranges starts one walker thread for each on the same snapshot.
   */
  snapshot(ranges: readonly WalkerRange[] | null): Promise<Walkers | null>;
  rows<R>(query: CompiledQuery<R>): Promise<R[]>;
  /** The rows of one query, read in a single pass (every row exactly once), a batch at a time. */
  pages(query: CompiledQuery<WalkRow>): AsyncGenerator<WalkRow[]>;
}

interface WalkerRange {
  from: number;
  query: CompiledQuery<WalkRow>;
}

/** Walker threads on the verification's snapshot, waiting to walk. */
interface Walkers {
  count: number;
  /** Sets them walking with the sealer's cursor as the snapshot has it; each range's report, in range order. */
  walk(cursor: SealKey, onChecked: (checked: number) => void): Promise<RangeReport[]>;
  /** Stops every walker. */
  stop(): Promise<void>;
}

let cursorNames = 0;

/**
 * Reads PostgreSQL inside a transaction through a server-side cursor: one pass of one
 * statement, fetched a page at a time. The next page is asked for before the current one is
 * checked, so the server reads it meanwhile.
 */
function postgresReader(trx: Kysely<Database> | Transaction<Database>, connection: RingfenceDatabase['postgresConnection'] | null): ChainReader {
  const run = <R>(text: string, parameters: readonly unknown[] = []) => trx.executeQuery<R>(CompiledQuery.raw(text, [...parameters]));
  return {
    parallel: connection !== null && connection !== undefined,
    // The transaction's snapshot was taken by its first statement; walkers import it.
    async snapshot(ranges) {
      if (!ranges || !connection) return null;
      const { rows } = await run<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot');
      return startWalkers('postgres', ranges, { postgres: { ...connection, snapshot: rows[0]!.snapshot } }, async (go) => go(false));
    },
    rows: async <R>(query: CompiledQuery<R>) => (await trx.executeQuery(query)).rows,
    async *pages(query) {
      const cursor = `rf_verify_walk_${(cursorNames += 1)}`;
      await run(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${query.sql}`, query.parameters);
      const fetch = () => run<WalkRow>(`FETCH FORWARD ${PAGE} FROM ${cursor}`);
      let next: Promise<QueryResult<WalkRow>> | null = fetch();
      let failed = false;
      try {
        while (next !== null) {
          const current: Promise<QueryResult<WalkRow>> = next;
          const rows = (await current).rows;
          next = rows.length === PAGE ? fetch() : null;
          yield rows;
        }
      } catch (err) {
        failed = true;
        throw err;
      } finally {
        // A walk that stops early still waits for the page in flight, then lets the cursor go
        // (a failed statement has aborted the transaction, which ends the cursor with it).
        if (next !== null) failed = (await next.then(() => false, () => true)) || failed;
        if (!failed) await run(`CLOSE ${cursor}`);
      }
    },
  };
}

/** Reads through the caller's SQLite transaction (or an in-memory database's own): Kysely streams one statement. */
function kyselySqliteReader(trx: Kysely<Database> | Transaction<Database>): ChainReader {
  return {
    parallel: false,
    snapshot: () => Promise.resolve(null),
    rows: async <R>(query: CompiledQuery<R>) => (await trx.executeQuery(query)).rows,
    async *pages(query) {
      for await (const chunk of trx.getExecutor().stream(query, SQLITE_BATCH)) yield chunk.rows;
    },
  };
}

/**
 * Reads SQLite on a read-only connection of its own, inside one read transaction: a snapshot
 * of committed data that neither waits for nor blocks the app's connection (WAL lets readers
 * and the writer go on together). The walk is one statement iterated in raw mode.
 */
function sqliteReader(connection: SqliteDatabase.Database, file: string): ChainReader {
  // A read transaction takes its snapshot at its first read.
  const begin = () => {
    if (connection.inTransaction) return;
    connection.exec('BEGIN');
    connection.prepare('SELECT 1 FROM audit_chain_heads LIMIT 1').get();
  };
  return {
    parallel: true,
    async snapshot(ranges) {
      if (!ranges) {
        begin();
        return null;
      }
      return startWalkers('sqlite', ranges, { sqliteFile: file }, async (go) => {
        // While this connection holds SQLite's write lock no commit can land: every reader begun
        // meanwhile reads the same snapshot. The lock is waited for without blocking the event
        // loop (the app's own transaction may hold it), then held only while this thread blocks
        // for the walkers, so no code of the app runs, and writes, in between.
        const lock = new SqliteDatabase(file, { fileMustExist: true });
        try {
          lock.pragma('busy_timeout = 0');
          for (let waited = 0; ; waited += 5) {
            try {
              lock.exec('BEGIN IMMEDIATE');
              break;
            } catch (err) {
              if ((err as { code?: string }).code !== 'SQLITE_BUSY' || waited >= 5_000) throw err;
              await new Promise((resolve) => setTimeout(resolve, 5));
            }
          }
          begin();
          go(true);
        } finally {
          if (lock.inTransaction) lock.exec('ROLLBACK');
          lock.close();
        }
      });
    },
    rows: <R>(query: CompiledQuery<R>) => Promise.resolve(connection.prepare(query.sql).all(...query.parameters) as R[]),
    async *pages(query) {
      const iterator = connection.prepare(query.sql).raw(true).iterate(...query.parameters) as IterableIterator<unknown[]>;
      try {
        let sinceTurn = 0;
        for (;;) {
          const rows: WalkRow[] = [];
          for (let next = iterator.next(); ; next = iterator.next()) {
            if (next.done) {
              yield rows;
              return;
            }
            rows.push(walkRow(next.value));
            if (rows.length === SQLITE_BATCH) break;
          }
          yield rows;
          // Reading SQLite never waits: give the rest of the process its turn now and then.
          if ((sinceTurn += rows.length) >= SQLITE_TURN) {
            sinceTurn = 0;
            await nextTurn();
          }
        }
      } finally {
        iterator.return?.();
      }
    },
  };
}

/** The main database file behind the app's SQLite connection; null for an in-memory or temporary one. */
async function sqliteFile(kysely: Kysely<Database>): Promise<string | null> {
  const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(kysely);
  const file = rows.find((r) => r.name === 'main')?.file;
  return file ? file : null;
}

const WALKER = new URL('./chain-walker.worker.mjs', import.meta.url);

/**
 * Runs walker threads; once each has its connection, `snapshot` calls `go` to have them begin
 * their snapshot. `go(true)` blocks this thread until all have (SQLite, under the write lock).
 */
async function startWalkers(
  engine: Engine,
  ranges: readonly WalkerRange[],
  connection: Pick<WalkerData, 'sqliteFile' | 'postgres'>,
  snapshot: (go: (block: boolean) => void) => Promise<void>,
): Promise<Walkers> {
  const stop = new Int32Array(new SharedArrayBuffer(4 * ranges.length));
  const sync = new Int32Array(new SharedArrayBuffer(8));
  const threads = ranges.map((range, index) => {
    const data: WalkerData = { engine, sql: range.query.sql, parameters: range.query.parameters, from: range.from, stop, sync, index, ...connection };
    const worker = new Worker(WALKER, { workerData: data });
    const messages: WalkerMessage[] = [];
    let wake: (() => void) | null = null;
    let failure: unknown = null;
    let exited = false;
    const notify = () => {
      const w = wake;
      wake = null;
      w?.();
    };
    worker.on('message', (message: WalkerMessage) => {
      messages.push(message);
      notify();
    });
    worker.on('error', (err) => {
      failure ??= err;
      notify();
    });
    worker.on('exit', (code) => {
      exited = true;
      failure ??= code === 0 ? null : new Error(`a chain walker stopped with code ${code}`);
      notify();
    });
    /** The walker's next message (skipping progress unless asked for). */
    const next = async (type: WalkerMessage['type'], onProgress?: (checked: number) => void): Promise<WalkerMessage> => {
      for (;;) {
        const message = messages.shift();
        if (message?.type === 'progress') {
          onProgress?.(message.checked);
          continue;
        }
        if (message) {
          if (message.type !== type) throw new Error(`a chain walker said ${message.type}, not ${type}`);
          return message;
        }
        if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
        if (exited) throw new Error('a chain walker ended without a report');
        await new Promise<void>((resolve) => (wake = resolve));
      }
    };
    return { worker, next, exit: new Promise<void>((resolve) => (exited ? resolve() : worker.once('exit', () => resolve()))) };
  });
  const terminate = async () => {
    for (let i = 0; i < ranges.length; i += 1) Atomics.store(stop, i, 1);
    await Promise.all(threads.map((t) => t.worker.terminate()));
  };
  try {
    await Promise.all(threads.map((t) => t.next('ready')));
    await snapshot((block) => {
      Atomics.store(sync, SYNC_GO, 1);
      Atomics.notify(sync, SYNC_GO);
      if (!block) return;
      const deadline = Date.now() + BEGIN_TIMEOUT_MS;
      for (let n = Atomics.load(sync, SYNC_BEGUN); n < ranges.length; n = Atomics.load(sync, SYNC_BEGUN)) {
        if (Date.now() > deadline || Atomics.wait(sync, SYNC_BEGUN, n, BEGIN_TIMEOUT_MS) === 'timed-out') throw new Error('the chain walkers did not begin');
      }
    });
    await Promise.all(threads.map((t) => t.next('begun')));
  } catch (err) {
    await terminate();
    throw err;
  }
  return {
    count: ranges.length,
    async walk(cursor, onChecked) {
      for (const t of threads) t.worker.postMessage({ cursor });
      const checked = ranges.map(() => 0);
      const reports: RangeReport[] = [];
      try {
        await Promise.all(
          threads.map(async (t, index) => {
            const done = await t.next('done', (n) => {
              checked[index] = n;
              onChecked(checked.reduce((a, b) => a + b, 0));
            });
            const report = (done as Extract<WalkerMessage, { type: 'done' }>).report;
            reports[index] = report;
            // A failure here decides the walk: the ranges after it no longer matter.
            if (report.problem) for (let later = index + 1; later < ranges.length; later += 1) Atomics.store(stop, later, 1);
          }),
        );
      } catch (err) {
        await terminate();
        throw err;
      }
      await Promise.all(threads.map((t) => t.exit));
      return reports;
    },
    stop: terminate,
  };
}

/**
 * Runs `fn` with a reader on one consistent view: inside the caller's transaction when there is
 * one (it sees what that transaction wrote); else a read-only REPEATABLE READ transaction on
 * PostgreSQL, or a read transaction on a SQLite connection of its own. Outside a caller's
 * transaction the view can have walker threads, on PostgreSQL through an exported snapshot, on
 * SQLite by beginning every reader while SQLite's write lock is held, so that no commit comes
 * between them.
 */
async function withChainReader<T>(database: RingfenceDatabase, fn: (reader: ChainReader) => Promise<T>): Promise<T> {
  const kysely = database.unsafeKysely;
  if (database.engine === 'postgres') {
    if (kysely.isTransaction) return fn(postgresReader(kysely, null));
    return kysely
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute((trx) => fn(postgresReader(trx, database.postgresConnection ?? null)));
  }
  if (kysely.isTransaction) return fn(kyselySqliteReader(kysely));
  const file = await sqliteFile(kysely);
  if (file === null) return kysely.transaction().execute((trx) => fn(kyselySqliteReader(trx)));
  const connection = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    connection.pragma('busy_timeout = 5000');
    return await fn(sqliteReader(connection, file));
  } finally {
    if (connection.inTransaction) connection.exec('ROLLBACK');
    connection.close();
  }
}

/**
 * Walks one organization's chain in position order (constant memory), recomputing every link
 * from the stored event. Reports the first link that does not verify: an edited event, a
 * removed event, a missing or reordered link, a head that does not match, or an event the
 * sealer has passed that has no link. Everything is read from one snapshot, so a sealer at
 * work meanwhile cannot make a sound chain look broken. A long chain is walked in ranges on
 * walker threads (`options.walk`), whose reports join into the answer of a single walk.
 */
export async function verifyOrganizationChain(
  database: RingfenceDatabase,
  orgId: string,
  onProgress?: (checked: number, total: number) => void,
  options: { from?: ChainStart; walk?: ChainWalkSettings } = {},
): Promise<ChainVerification> {
  const started = performance.now();
  // Queries are built on this scope and run by the reader: the scope only compiles them.
  const tenant = tenantDb(database.unsafeKysely, database.engine, orgId);
  const verification = await withChainReader(database, (reader) => walkChain(reader, tenant, database.engine, orgId, onProgress, options.from, options.walk ?? DEFAULT_CHAIN_WALK));
  const seconds = (performance.now() - started) / 1000;
  return { ...verification, seconds: Math.round(seconds * 1000) / 1000, eventsPerSecond: seconds > 0 ? Math.round(verification.sealed / seconds) : verification.sealed };
}

type Unclocked = Omit<ChainVerification, 'seconds' | 'eventsPerSecond'>;

async function walkChain(
  reader: ChainReader,
  tenant: TenantDb,
  engine: Engine,
  orgId: string,
  onProgress: ((checked: number, total: number) => void) | undefined,
  from: ChainStart | undefined,
  settings: ChainWalkSettings,
): Promise<Unclocked> {
  const first = async <R>(query: CompiledQuery<R>): Promise<R | undefined> => (await reader.rows(query))[0];
  const prev = from?.hash ?? GENESIS_HASH;
  const start = (from?.position ?? 0) + 1;
  const headQuery = tenant.selectFrom('audit_chain_heads').select(['position', 'hash']).compile();
  // How long the chain should be, read before the snapshot is fixed: where ranges split (any split gives the same answer).
  const expectedLinks = Math.max(0, Number((await first(headQuery))?.position ?? 0) - start + 1);
  const threads = Math.max(1, Math.floor(settings.threads));
  let walkers: Walkers | null = null;
  if (reader.parallel && threads > 1 && expectedLinks >= settings.parallelFrom && expectedLinks >= threads) {
    const bounds = Array.from({ length: threads }, (_, i) => start + Math.floor((i * expectedLinks) / threads));
    const ranges = bounds.map((b, i) => ({ from: b, query: walkQuery(tenant, engine, b, i + 1 < threads ? bounds[i + 1]! : null) }));
    // Walker threads that cannot start (a busy write lock, a thread refused) leave the walk to this one.
    walkers = await reader.snapshot(ranges).catch(() => null);
  }
  if (!walkers) await reader.snapshot(null);
  try {
    return await walkSnapshot(reader, tenant, engine, orgId, onProgress, start, prev, walkers);
  } finally {
    // Walkers that are done have ended already; any left (a failure on the way) are stopped.
    await walkers?.stop();
  }
}

/** The walk once the snapshot is fixed: on this thread, or by the walkers started on it. */
async function walkSnapshot(
  reader: ChainReader,
  tenant: TenantDb,
  engine: Engine,
  orgId: string,
  onProgress: ((checked: number, total: number) => void) | undefined,
  start: number,
  prev: string,
  walkers: Walkers | null,
): Promise<Unclocked> {
  const first = async <R>(query: CompiledQuery<R>): Promise<R | undefined> => (await reader.rows(query))[0];
  const head = await first(tenant.selectFrom('audit_chain_heads').select(['position', 'hash']).compile());
  const cursorRow = await first(tenant.unsafeExecutor().selectFrom('audit_seal_cursor').select(['last_txid', 'last_event_id']).where('id', '=', 1).compile());
  const cursor: SealKey = { txid: engine === 'postgres' ? Number(cursorRow?.last_txid ?? 0) : 0, id: Number(cursorRow?.last_event_id ?? 0) };
  const total = Math.max(0, Number(head?.position ?? 0) - start + 1);
  let reported = 0;
  const progress = (checked: number) => {
    if (checked - reported < PROGRESS_EVERY) return;
    reported = checked;
    onProgress?.(checked, total);
  };

  // The sealer has passed an event when its key is at or below the cursor's.
  const passed = (eb: ExpressionBuilder<Database, 'audit_events'>) =>
    engine === 'sqlite' ? eb('audit_events.id', '<=', cursor.id) : eb(eb.refTuple('audit_events.txid', 'audit_events.id'), '<=', eb.tuple(cursor.txid, cursor.id));
  // One scan of the organization's events counts them all and those the sealer has passed.
  const countQuery = tenant
    .selectFrom('audit_events')
    .select((eb) => [eb.fn.countAll().as('events'), eb.fn.countAll().filterWhere(passed(eb)).as('passed')])
    .compile();

  let reports: RangeReport[];
  let counting: ReturnType<typeof first<(typeof countQuery extends CompiledQuery<infer R> ? R : never)>>;
  if (walkers) {
    // The walkers walk while this thread counts.
    const walking = walkers.walk(cursor, progress);
    counting = first(countQuery);
    reports = (await Promise.all([walking, counting]))[0];
  } else {
    counting = first(countQuery);
    await counting;
    const walk = new RangeWalk(start, engine, cursor);
    let checked = 0;
    walk: for await (const links of reader.pages(walkQuery(tenant, engine, start, null))) {
      for (const link of links) {
        if (!walk.add(link)) break walk;
        checked += 1;
      }
      progress(checked);
    }
    reports = [walk.result()];
  }
  const counted = await counting;
  const events = Number(counted?.events ?? 0);
  const eventsPassed = Number(counted?.passed ?? 0);
  const joined = joinRanges(reports, start, prev);
  const { sealed, problem } = joined;
  onProgress?.(sealed, total);

  const headHash = head?.hash ?? GENESIS_HASH;
  const countLinks = async (below?: number) => {
    let query = tenant.selectFrom('audit_chain').select((eb) => eb.fn.countAll().as('n'));
    if (below !== undefined) query = query.where('position', '<', below);
    return Number((await first(query.compile()))?.n ?? 0);
  };
  // A walk that reached the end saw every link from `start` on; links before it are counted apart.
  const links = problem ? await countLinks() : sealed + (await countLinks(start));
  const result: Unclocked = { orgId, ok: true, sealed, unsealed: Math.max(0, events - links), headHash, firstProblem: null, threads: walkers?.count ?? 1 };
  const fail = (found: ChainProblem): Unclocked => ({ ...result, ok: false, firstProblem: found });
  if (problem) return fail(problem);

  // A chain with links must have its head: without one, the tail could be cut unseen.
  if ((sealed > 0 && !head) || Number(head?.position ?? 0) !== start - 1 + sealed || headHash !== joined.prev) {
    return fail({ position: Number(head?.position ?? 0), eventId: 0, reason: head ? 'the chain head does not match the last link' : 'the chain head is missing' });
  }
  // Every event the sealer has passed must have its link; one that does not was slipped in
  // around the chain. The walked events are the organization's own (the join matches org_id),
  // and in strictly increasing sealing order (as the sealer links them) they are distinct, so
  // those the sealer has passed are a subset of the passed events counted above: equal counts
  // mean every passed event has a link. Any other case asks the database which event has none.
  if (joined.ordered && joined.linkedPassed === eventsPassed) return result;
  const stray = await first(
    tenant
      .selectFrom('audit_events')
      .select('id')
      .where(passed)
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('audit_chain').select('event_id').whereRef('audit_chain.org_id', '=', 'audit_events.org_id').whereRef('audit_chain.event_id', '=', 'audit_events.id'))),
      )
      .orderBy('id')
      .limit(1)
      .compile(),
  );
  if (stray) return fail({ position: 0, eventId: Number(stray.id), reason: 'an event was written around the chain' });
  return result;
}

/** Verifies every organization's chain (or one). */
export async function verifyAllChains(
  database: RingfenceDatabase,
  orgId: string | null,
  onProgress?: (orgId: string, checked: number, total: number) => void,
): Promise<ChainVerification[]> {
  const orgs = orgId ? [{ id: orgId }] : await database.unsafeKysely.selectFrom('organizations').select('id').orderBy('created_at').execute();
  const results: ChainVerification[] = [];
  for (const org of orgs) results.push(await verifyOrganizationChain(database, org.id, (c, t) => onProgress?.(org.id, c, t)));
  return results;
}
