import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, sql, type ExpressionBuilder, type Kysely, type QueryResult, type Transaction } from 'kysely';
import type { Engine, RingfenceDatabase } from '../db/database.ts';
import type { Database } from '../db/types.ts';
import { tenantDb, type TenantDb } from '../db/tenant-db.ts';
import type { AuditEventRow } from './audit.tables.ts';
import { GENESIS_HASH, linkHash } from './chain.ts';

export interface ChainProblem {
  position: number;
  eventId: number;
  reason: string;
}

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
}

/** Links fetched per round trip where the walk pages (PostgreSQL, or a caller's SQLite transaction). */
const PAGE = Number(process.env.RFV_PAGE ?? 10_000);
/** Links checked between two turns of the event loop on SQLite, where reading does not wait on a socket. */
const SQLITE_BATCH = Number(process.env.RFV_BATCH ?? 5_000);

/** One link with its event, as the walk reads it (the event's columns are null when it was removed). */
interface WalkRow extends AuditEventRow {
  link_event_id: number;
  position: number;
  prev_hash: string;
  hash: string;
  finer_than_written: unknown;
}

/** The walk's columns, in this order: the SQLite reader takes rows as arrays. */
const EVENT_COLUMNS = [
  'audit_events.id',
  'audit_events.org_id',
  'audit_events.txid',
  'audit_events.occurred_at',
  'audit_events.action',
  'audit_events.outcome',
  'audit_events.actor_type',
  'audit_events.actor_id',
  'audit_events.resource_type',
  'audit_events.resource_id',
  'audit_events.client_id',
  'audit_events.patient_ref',
  'audit_events.fields',
  'audit_events.purpose',
  'audit_events.ip',
  'audit_events.request_id',
  'audit_events.details',
] as const;

/** A row of the walk query as an array (better-sqlite3's raw mode) to the row itself; order as in walkQuery. */
function walkRow(r: unknown[]): WalkRow {
  return {
    link_event_id: r[0] as number,
    position: r[1] as number,
    prev_hash: r[2] as string,
    hash: r[3] as string,
    id: r[4] as number,
    org_id: r[5] as string,
    txid: r[6] as number | null,
    occurred_at: r[7] as string,
    action: r[8] as string,
    outcome: r[9] as AuditEventRow['outcome'],
    actor_type: r[10] as AuditEventRow['actor_type'],
    actor_id: r[11] as string | null,
    resource_type: r[12] as string | null,
    resource_id: r[13] as string | null,
    client_id: r[14] as string | null,
    patient_ref: r[15] as string | null,
    fields: r[16] as string | null,
    purpose: r[17] as string | null,
    ip: r[18] as string | null,
    request_id: r[19] as string | null,
    details: r[20] as string | null,
    finer_than_written: r[21],
  };
}

/** The links from position `from` on, in position order, each with its event. */
function walkQuery(tenant: TenantDb, engine: Engine, from: number): CompiledQuery<WalkRow> {
  // PostgreSQL keeps microseconds but the application reads (and hashes) milliseconds, as it
  // writes them: a time with more precision than was written has been edited.
  const finerThanWritten = engine === 'postgres' ? sql<boolean>`audit_events.occurred_at <> date_trunc('milliseconds', audit_events.occurred_at)` : sql<boolean>`false`;
  return tenant
    .selectFrom('audit_chain')
    .leftJoin('audit_events', (j) => j.onRef('audit_events.id', '=', 'audit_chain.event_id').onRef('audit_events.org_id', '=', 'audit_chain.org_id'))
    .select(['audit_chain.event_id as link_event_id', 'audit_chain.position', 'audit_chain.prev_hash', 'audit_chain.hash', ...EVENT_COLUMNS, finerThanWritten.as('finer_than_written')])
    .where('audit_chain.position', '>=', from)
    .orderBy('audit_chain.position')
    .compile() as unknown as CompiledQuery<WalkRow>;
}

/** One consistent view of the database for a whole verification. */
interface ChainReader {
  rows<R>(query: CompiledQuery<R>): Promise<R[]>;
  /** The rows of one query, read in a single pass (every row exactly once), a page at a time. */
  pages(query: CompiledQuery<WalkRow>): AsyncGenerator<WalkRow[]>;
}

let cursorNames = 0;

/**
 * Reads PostgreSQL inside a transaction through a server-side cursor: one pass of one
 * statement, fetched a page at a time. The next page is asked for before the current one is
 * checked, so the server reads it meanwhile.
 */
function postgresReader(trx: Kysely<Database> | Transaction<Database>): ChainReader {
  const run = <R>(text: string, parameters: readonly unknown[] = []) => trx.executeQuery<R>(CompiledQuery.raw(text, [...parameters]));
  return {
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
    rows: async <R>(query: CompiledQuery<R>) => (await trx.executeQuery(query)).rows,
    async *pages(query) {
      let rows: WalkRow[] = [];
      for await (const chunk of trx.getExecutor().stream(query, PAGE)) {
        rows.push(...chunk.rows);
        if (rows.length >= PAGE) {
          yield rows;
          rows = [];
        }
      }
      yield rows;
    },
  };
}

/**
 * Reads SQLite on a read-only connection of its own, inside one read transaction: a snapshot
 * of committed data that neither waits for nor blocks the app's connection (WAL lets readers
 * and the writer go on together). The walk is one statement iterated in raw mode.
 */
function sqliteReader(connection: SqliteDatabase.Database): ChainReader {
  return {
    rows: <R>(query: CompiledQuery<R>) => Promise.resolve(connection.prepare(query.sql).all(...query.parameters) as R[]),
    async *pages(query) {
      const iterator = connection.prepare(query.sql).raw(true).iterate(...query.parameters) as IterableIterator<unknown[]>;
      try {
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
          // Reading SQLite never waits: give the rest of the process its turn between batches.
          await nextTurn();
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

/**
 * Runs `fn` with a reader on one consistent view: inside the caller's transaction when there is
 * one (it sees what that transaction wrote); else a read-only REPEATABLE READ transaction on
 * PostgreSQL, or a read transaction on a SQLite connection of its own.
 */
async function withChainReader<T>(database: RingfenceDatabase, fn: (reader: ChainReader) => Promise<T>): Promise<T> {
  const kysely = database.unsafeKysely;
  if (database.engine === 'postgres') {
    if (kysely.isTransaction) return fn(postgresReader(kysely));
    return kysely
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute((trx) => fn(postgresReader(trx)));
  }
  if (kysely.isTransaction) return fn(kyselySqliteReader(kysely));
  const file = await sqliteFile(kysely);
  if (file === null) return kysely.transaction().execute((trx) => fn(kyselySqliteReader(trx)));
  const connection = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    connection.pragma('busy_timeout = 5000');
    connection.exec('BEGIN');
    return await fn(sqliteReader(connection));
  } finally {
    if (connection.inTransaction) connection.exec('ROLLBACK');
    connection.close();
  }
}

/**
 * Walks one organization's chain in position order, a page at a time (constant memory),
 * recomputing every link from the stored event. Reports the first link that does not verify:
 * an edited event, a removed event, a missing or reordered link, a head that does not match,
 * or an event the sealer has passed that has no link. Everything is read from one snapshot, so
 * a sealer at work meanwhile cannot make a sound chain look broken.
 */
export async function verifyOrganizationChain(
  database: RingfenceDatabase,
  orgId: string,
  onProgress?: (checked: number, total: number) => void,
  options: { from?: ChainStart } = {},
): Promise<ChainVerification> {
  const started = performance.now();
  // Queries are built on this scope and run by the reader: the scope only compiles them.
  const tenant = tenantDb(database.unsafeKysely, database.engine, orgId);
  const verification = await withChainReader(database, (reader) => walkChain(reader, tenant, database.engine, orgId, onProgress, options.from));
  const seconds = (performance.now() - started) / 1000;
  return { ...verification, seconds: Math.round(seconds * 1000) / 1000, eventsPerSecond: seconds > 0 ? Math.round(verification.sealed / seconds) : verification.sealed };
}

type Unclocked = Omit<ChainVerification, 'seconds' | 'eventsPerSecond'>;

/** Where an event stands in sealing order: (txid, id) on PostgreSQL, id on SQLite (one writer: ids follow commits). */
interface SealKey {
  txid: number;
  id: number;
}

/** Where a pruned chain resumes: the last pruned position and its (signed) hash. */
export interface ChainStart {
  position: number;
  hash: string;
}

async function walkChain(reader: ChainReader, tenant: TenantDb, engine: Engine, orgId: string, onProgress?: (checked: number, total: number) => void, from?: ChainStart): Promise<Unclocked> {
  const first = async <R>(query: CompiledQuery<R>): Promise<R | undefined> => (await reader.rows(query))[0];
  const head = await first(tenant.selectFrom('audit_chain_heads').select(['position', 'hash']).compile());
  const cursorRow = await first(tenant.unsafeExecutor().selectFrom('audit_seal_cursor').select(['last_txid', 'last_event_id']).where('id', '=', 1).compile());
  const cursor: SealKey = { txid: engine === 'postgres' ? Number(cursorRow?.last_txid ?? 0) : 0, id: Number(cursorRow?.last_event_id ?? 0) };
  // The sealer has passed an event when its key is at or below the cursor's.
  const passed = (eb: ExpressionBuilder<Database, 'audit_events'>) =>
    engine === 'sqlite' ? eb('audit_events.id', '<=', cursor.id) : eb(eb.refTuple('audit_events.txid', 'audit_events.id'), '<=', eb.tuple(cursor.txid, cursor.id));
  // One scan of the organization's events counts them all and those the sealer has passed.
  const counted = await first(
    tenant
      .selectFrom('audit_events')
      .select((eb) => [eb.fn.countAll().as('events'), eb.fn.countAll().filterWhere(passed(eb)).as('passed')])
      .compile(),
  );
  const events = Number(counted?.events ?? 0);
  const eventsPassed = Number(counted?.passed ?? 0);

  let prev = from?.hash ?? GENESIS_HASH;
  let expected = (from?.position ?? 0) + 1;
  const start = expected;
  let sealed = 0;
  let problem: ChainProblem | null = null;
  // Whether the walked events came in strictly increasing sealing order, as the sealer links
  // them, and how many of them the sealer has passed: then they are distinct events, and the
  // walk itself shows that no passed event lacks a link (see below).
  let ordered = true;
  let last: SealKey = { txid: Number.NEGATIVE_INFINITY, id: Number.NEGATIVE_INFINITY };
  let linkedPassed = 0;
  const total = Math.max(0, Number(head?.position ?? 0) - start + 1);
  walk: for await (const links of reader.pages(walkQuery(tenant, engine, expected))) {
    for (const link of links) {
      const position = Number(link.position);
      const eventId = Number(link.link_event_id);
      if (position !== expected) problem = { position: expected, eventId, reason: `link ${expected} is missing` };
      else if (link.prev_hash !== prev) problem = { position, eventId, reason: 'the link does not follow the previous one' };
      else if (link.id === null) problem = { position, eventId, reason: 'the event was removed' };
      else if (Boolean(link.finer_than_written) || linkHash(prev, position, link) !== link.hash) problem = { position, eventId, reason: 'the event was altered' };
      if (problem) break walk;
      prev = link.hash;
      expected += 1;
      sealed += 1;
      if (ordered) {
        const key: SealKey = { txid: engine === 'postgres' ? (link.txid === null ? Number.NaN : Number(link.txid)) : 0, id: Number(link.id) };
        if (!Number.isSafeInteger(key.txid) || !Number.isSafeInteger(key.id) || compareKeys(key, last) <= 0) ordered = false;
        else {
          last = key;
          if (compareKeys(key, cursor) <= 0) linkedPassed += 1;
        }
      }
    }
    onProgress?.(sealed, total);
  }
  const headHash = head?.hash ?? GENESIS_HASH;
  const countLinks = async (below?: number) => {
    let query = tenant.selectFrom('audit_chain').select((eb) => eb.fn.countAll().as('n'));
    if (below !== undefined) query = query.where('position', '<', below);
    return Number((await first(query.compile()))?.n ?? 0);
  };
  // A walk that reached the end saw every link from `start` on; links before it are counted apart.
  const links = problem ? await countLinks() : sealed + (await countLinks(start));
  const result: Unclocked = { orgId, ok: true, sealed, unsealed: Math.max(0, events - links), headHash, firstProblem: null };
  const fail = (found: ChainProblem): Unclocked => ({ ...result, ok: false, firstProblem: found });
  if (problem) return fail(problem);

  // A chain with links must have its head: without one, the tail could be cut unseen.
  if ((sealed > 0 && !head) || Number(head?.position ?? 0) !== start - 1 + sealed || headHash !== prev) {
    return fail({ position: Number(head?.position ?? 0), eventId: 0, reason: head ? 'the chain head does not match the last link' : 'the chain head is missing' });
  }
  // Every event the sealer has passed must have its link; one that does not was slipped in
  // around the chain. The walked events are the organization's own (the join matches org_id),
  // and in strict sealing order they are distinct, so those the sealer has passed are a subset
  // of the passed events counted above: equal counts mean every passed event has a link. Any
  // other case asks the database which event has none.
  if (ordered && linkedPassed === eventsPassed) return result;
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

/** Orders two keys as the sealer does. */
function compareKeys(a: SealKey, b: SealKey): number {
  return a.txid !== b.txid ? a.txid - b.txid : a.id - b.id;
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
