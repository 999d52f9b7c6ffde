import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import type { AuditEventRow } from '../../src/platform/audit/audit.tables.ts';
import { GENESIS_HASH, linkHash, sealAllPending } from '../../src/platform/audit/chain.ts';
import { verifyOrganizationChain } from '../../src/platform/audit/verify.ts';
import { sessionOptions } from '../../src/platform/db/database.ts';
import { createBenchOrg, type BenchApp, type Benchmark } from '../harness.ts';
import { round } from '../stats.ts';

/** How many events the chain holds: ten million unless RINGFENCE_BENCH_AUDIT_EVENTS says otherwise. */
function chainLength(): number {
  const raw = process.env.RINGFENCE_BENCH_AUDIT_EVENTS;
  const n = raw === undefined || raw === '' ? 10_000_000 : Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`RINGFENCE_BENCH_AUDIT_EVENTS must be a whole number of events (got "${raw}")`);
  return n;
}
/** The product's stated goal for `ringfence audit verify`. */
const GOAL_EVENTS_PER_S = 200_000;
/** Events per seeding transaction. */
const SEED_BATCH = 20_000;
const BIN = fileURLToPath(new URL('../../bin/ringfence.js', import.meta.url));

const ACTIONS = ['phi.read', 'task.created', 'task.claimed', 'task.attempt_logged', 'patient.searched', 'auth.login.succeeded', 'phi_guard.refused', 'client.updated'];
const PURPOSES = [null, 'callback', 'triage', 'billing question'];

/** A small deterministic generator, so every run seeds the same trail. */
function uuidFor(kind: number, n: number): string {
  const hex = ((kind * 2654435761 + n * 40503) >>> 0).toString(16).padStart(8, '0');
  return `${hex}-${(n & 0xffff).toString(16).padStart(4, '0')}-4${(kind & 0xfff).toString(16).padStart(3, '0')}-8${((n >>> 4) & 0xfff).toString(16).padStart(3, '0')}-${(n * 7919).toString(16).padStart(12, '0').slice(-12)}`;
}

/**
 * A synthetic event shaped like those the app writes: most columns filled, some null, detail
 * and field lists as JSON text, now and then a character JSON must escape. No PHI: names of
 * fields and made-up routes only.
 */
function syntheticEvent(orgId: string, id: number, txid: number | null, at: number): AuditEventRow {
  const action = ACTIONS[id % ACTIONS.length]!;
  const user = id % 13 !== 0;
  const details =
    action === 'phi_guard.refused'
      ? JSON.stringify({ route: '/api/tasks', spans: [{ field: 'title', type: 'NAME', start: id % 40, end: (id % 40) + 7 }] })
      : action === 'client.updated'
        ? JSON.stringify({ changed: ['name', 'time_zone'], note: id % 5 === 0 ? 'Zürich — "after hours" line\ttab' : 'ok' })
        : JSON.stringify({ source: 'vault', results: id % 7 });
  return {
    id,
    org_id: orgId,
    txid,
    occurred_at: new Date(at).toISOString(),
    action,
    outcome: id % 17 === 0 ? 'failure' : 'success',
    actor_type: user ? 'user' : 'system',
    actor_id: user ? uuidFor(1, id % 211) : null,
    resource_type: id % 3 === 0 ? null : 'Patient',
    resource_id: id % 3 === 0 ? null : uuidFor(2, id),
    client_id: id % 4 === 0 ? null : uuidFor(3, id % 29),
    patient_ref: id % 2 === 0 ? uuidFor(4, id) : null,
    fields: id % 3 === 1 ? JSON.stringify(['name', 'phones', 'date_of_birth']) : null,
    purpose: PURPOSES[id % PURPOSES.length]!,
    ip: user ? `10.${(id >>> 16) & 255}.${(id >>> 8) & 255}.${id & 255}` : null,
    request_id: user ? uuidFor(5, id) : null,
    details,
  };
}

const EVENT_COLUMNS = ['id', 'org_id', 'txid', 'occurred_at', 'action', 'outcome', 'actor_type', 'actor_id', 'resource_type', 'resource_id', 'client_id', 'patient_ref', 'fields', 'purpose', 'ip', 'request_id', 'details'] as const;
const PG_TYPES: Record<(typeof EVENT_COLUMNS)[number], string> = {
  id: 'bigint',
  org_id: 'text',
  txid: 'bigint',
  occurred_at: 'timestamptz',
  action: 'text',
  outcome: 'text',
  actor_type: 'text',
  actor_id: 'text',
  resource_type: 'text',
  resource_id: 'text',
  client_id: 'text',
  patient_ref: 'text',
  fields: 'text',
  purpose: 'text',
  ip: 'text',
  request_id: 'text',
  details: 'text',
};

interface ChainState {
  position: number;
  hash: string;
  nextId: number;
}

/** Where the organization's chain stands after the app's own events were sealed. */
async function chainState(bench: BenchApp, orgId: string): Promise<ChainState> {
  await sealAllPending(bench.database);
  const tenant = bench.tenant(orgId);
  const head = await tenant.selectFrom('audit_chain_heads').select(['position', 'hash']).executeTakeFirst();
  const max = await bench.database.unsafeKysely
    .selectFrom('audit_events')
    .select((eb) => eb.fn.max('id').as('m'))
    .executeTakeFirstOrThrow();
  return { position: Number(head?.position ?? 0), hash: head?.hash ?? GENESIS_HASH, nextId: Number(max.m ?? 0) + 1 };
}

/**
 * Appends `count` sealed events to the organization's chain, written directly in large
 * transactions: each link is computed with the sealer's own `linkHash`, and the chain head and
 * the sealer's cursor move in the same transaction, so the app's sealer never sees a half state.
 */
export async function seedSealedChain(bench: BenchApp, orgId: string, count: number, onBatch?: (seeded: number) => void): Promise<void> {
  const state = await chainState(bench, orgId);
  const start = Date.parse('2025-01-01T00:00:00.000Z');
  const sealedAt = new Date().toISOString();
  if (bench.database.engine === 'sqlite') {
    const sqlite = new SqliteDatabase(path.join(bench.config.dataDir, 'ringfence.sqlite'));
    try {
      sqlite.pragma('busy_timeout = 10000');
      // A bench database: no need to sync each seeding transaction, and a page cache for the indexes it grows.
      sqlite.pragma('synchronous = OFF');
      sqlite.pragma('cache_size = -262144');
      const insertEvent = sqlite.prepare(`INSERT INTO audit_events (${EVENT_COLUMNS.join(', ')}) VALUES (${EVENT_COLUMNS.map((c) => `@${c}`).join(', ')})`);
      const insertLink = sqlite.prepare('INSERT INTO audit_chain (org_id, position, event_id, prev_hash, hash, sealed_at) VALUES (?, ?, ?, ?, ?, ?)');
      const moveHead = sqlite.prepare('UPDATE audit_chain_heads SET position = ?, hash = ?, updated_at = ? WHERE org_id = ?');
      const moveCursor = sqlite.prepare('UPDATE audit_seal_cursor SET last_event_id = ?, updated_at = ? WHERE id = 1');
      const batch = sqlite.transaction((n: number) => {
        for (let i = 0; i < n; i += 1) {
          const id = state.nextId++;
          const event = syntheticEvent(orgId, id, null, start + id * 7);
          insertEvent.run(event);
          const position = ++state.position;
          const hash = linkHash(state.hash, position, event);
          insertLink.run(orgId, position, id, state.hash, hash, sealedAt);
          state.hash = hash;
        }
        moveHead.run(state.position, state.hash, sealedAt, orgId);
        moveCursor.run(state.nextId - 1, sealedAt);
      });
      for (let done = 0; done < count; done += SEED_BATCH) {
        batch(Math.min(SEED_BATCH, count - done));
        onBatch?.(Math.min(count, done + SEED_BATCH));
      }
    } finally {
      sqlite.close();
    }
    return;
  }

  const { connectionString, options } = sessionOptions(bench.config.databaseUrl!, bench.config.databaseSchema);
  const client = new pg.Client({ connectionString, ...(options ? { options } : {}) });
  await client.connect();
  try {
    // Rows go in as arrays, one per column, unnested into a multi-row insert.
    const insertEvents = `INSERT INTO audit_events (${EVENT_COLUMNS.join(', ')}) SELECT * FROM unnest(${EVENT_COLUMNS.map((c, i) => `$${i + 1}::${PG_TYPES[c]}[]`).join(', ')})`;
    const insertLinks = 'INSERT INTO audit_chain (org_id, position, event_id, prev_hash, hash, sealed_at) SELECT $1, * FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::text[]), (SELECT $6::timestamptz) s';
    for (let done = 0; done < count; ) {
      const n = Math.min(SEED_BATCH, count - done);
      await client.query('BEGIN');
      // The transaction's own id, as the column's default would give it: the sealer orders by it.
      const txid = Number((await client.query<{ x: string }>('SELECT pg_current_xact_id()::text AS x')).rows[0]!.x);
      const columns = EVENT_COLUMNS.map(() => [] as unknown[]);
      const positions: number[] = [];
      const eventIds: number[] = [];
      const prevs: string[] = [];
      const hashes: string[] = [];
      for (let i = 0; i < n; i += 1) {
        const id = state.nextId++;
        const event = syntheticEvent(orgId, id, txid, start + id * 7);
        EVENT_COLUMNS.forEach((c, k) => columns[k]!.push(event[c]));
        const position = ++state.position;
        const hash = linkHash(state.hash, position, event);
        positions.push(position);
        eventIds.push(id);
        prevs.push(state.hash);
        hashes.push(hash);
        state.hash = hash;
      }
      await client.query(insertEvents, columns);
      await client.query(insertLinks, [orgId, positions, eventIds, prevs, hashes, sealedAt]);
      await client.query('UPDATE audit_chain_heads SET position = $1, hash = $2, updated_at = $3 WHERE org_id = $4', [state.position, state.hash, sealedAt, orgId]);
      await client.query('UPDATE audit_seal_cursor SET last_txid = $1, last_event_id = $2, updated_at = $3 WHERE id = 1', [txid, state.nextId - 1, sealedAt]);
      await client.query('COMMIT');
      done += n;
      onBatch?.(done);
    }
    await client.query("SELECT setval(pg_get_serial_sequence('audit_events', 'id'), $1)", [state.nextId - 1]);
    // Fresh statistics, as autovacuum would gather them on a table this size.
    await client.query('ANALYZE audit_events');
    await client.query('ANALYZE audit_chain');
  } finally {
    await client.end();
  }
}

/** Samples this process's resident set while `work` runs: the peak, in MiB. */
async function peakRss<T>(work: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 100);
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { value, peakMb: peak / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

/** The resident set of another process (from /proc, on Linux), in bytes; 0 once it has gone. */
async function rssOf(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kib = /VmRSS:\s+(\d+) kB/.exec(status);
    return kib ? Number(kib[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Runs `ringfence audit verify --json` against the bench database, as an operator would. */
async function verifyByCommand(bench: BenchApp, orgId: string): Promise<{ seconds: number; peakMb: number; result: { ok: boolean; sealed: number; eventsPerSecond: number } }> {
  const { config } = bench;
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    RINGFENCE_DATA_DIR: config.dataDir,
    RINGFENCE_MASTER_KEY: config.masterKey!,
    RINGFENCE_LOG_LEVEL: 'silent',
  };
  delete env.DATABASE_URL;
  if (config.databaseUrl) {
    env.DATABASE_URL = config.databaseUrl;
    env.RINGFENCE_DATABASE_SCHEMA = config.databaseSchema!;
  }
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'audit', 'verify', '--json', '--org', orgId], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let peak = 0;
  const timer = setInterval(() => {
    void rssOf(child.pid!).then((rss) => (peak = Math.max(peak, rss)));
  }, 100);
  const code = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (c) => resolve(c ?? 1));
  });
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`ringfence audit verify exited ${code}: ${stderr.trim() || stdout.trim()}`);
  const [result] = JSON.parse(stdout) as { ok: boolean; sealed: number; eventsPerSecond: number }[];
  return { seconds, peakMb: peak / 2 ** 20, result: result! };
}

/**
 * `ringfence audit verify` over a long sealed chain: every link recomputed from its stored
 * event, in constant memory. The chain is seeded directly (not through the API: ten million
 * requests would measure intake, not verification), then verified in process and by the command.
 */
export const auditVerify: Benchmark = {
  name: 'audit.verify',
  description: 'verifyOrganizationChain over a sealed chain of RINGFENCE_BENCH_AUDIT_EVENTS events (10,000,000), then `ringfence audit verify`',
  async run(env) {
    const count = chainLength();
    // The app's sealer waits a minute; the seeding moves the chain head and cursor itself.
    const bench = await env.startApp({ RINGFENCE_AUDIT_SEAL_INTERVAL_MS: '60000' });
    const org = await createBenchOrg(bench);
    const seedStarted = performance.now();
    let reported = 0;
    await seedSealedChain(bench, org.orgId, count, (seeded) => {
      if (seeded - reported >= 1_000_000 || seeded === count) {
        reported = seeded;
        console.error(`    seeded ${seeded} events (${round((performance.now() - seedStarted) / 1000, 1)} s)`);
      }
    });
    const seedSeconds = (performance.now() - seedStarted) / 1000;

    const rssBefore = process.memoryUsage.rss() / 2 ** 20;
    const started = performance.now();
    const { value: verification, peakMb } = await peakRss(() => verifyOrganizationChain(bench.database, org.orgId));
    const seconds = (performance.now() - started) / 1000;
    const eventsPerSecond = verification.sealed / seconds;
    const byCommand = process.env.RINGFENCE_BENCH_AUDIT_VERIFY_CLI === '0' ? null : await verifyByCommand(bench, org.orgId);

    const problem = !verification.ok
      ? `position ${verification.firstProblem!.position}: ${verification.firstProblem!.reason}`
      : verification.sealed < count
        ? `only ${verification.sealed} of ${count} links verified`
        : byCommand && (!byCommand.result.ok || byCommand.result.sealed !== verification.sealed)
          ? 'the command did not verify the chain'
          : null;
    return {
      // One operation: the whole walk.
      ops_per_s: 1 / seconds,
      p50_ms: seconds * 1000,
      p99_ms: seconds * 1000,
      figures: {
        events: verification.sealed,
        threads: verification.threads,
        events_per_s: round(eventsPerSecond, 0),
        goal_met: eventsPerSecond >= GOAL_EVENTS_PER_S,
        verify_s: round(seconds, 1),
        rss_before_mb: round(rssBefore, 0),
        rss_peak_mb: round(peakMb, 0),
        ...(byCommand
          ? {
              cli_s: round(byCommand.seconds, 1),
              cli_events_per_s: round(byCommand.result.sealed / byCommand.seconds, 0),
              cli_reported_events_per_s: byCommand.result.eventsPerSecond,
              cli_rss_peak_mb: round(byCommand.peakMb, 0),
            }
          : {}),
        seed_s: round(seedSeconds, 1),
      },
      ...(problem ? { failure: `audit chain: ${problem}` } : {}),
    };
  },
};
