import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import { appendAudit, auditEventRow } from '../../src/platform/audit/append.ts';
import { sealAllPending, startSealer } from '../../src/platform/audit/chain.ts';
import { SYSTEM_SOURCE, type AuditEventInput } from '../../src/platform/audit/events.ts';
import { verifyOrganizationChain } from '../../src/platform/audit/verify.ts';
import type { Engine, RingfenceDatabase } from '../../src/platform/db/database.ts';
import { tenantDb } from '../../src/platform/db/tenant-db.ts';
import { createBenchOrg, type BenchEnv, type Benchmark } from '../harness.ts';
import { runClosedLoop, type ClosedLoopResult } from '../load.ts';
import { round } from '../stats.ts';

// SQLite has one writer however many clients wait; PostgreSQL is where concurrency tells.
const CONCURRENCY: Record<Engine, number> = { sqlite: 4, postgres: 16 };
const SEAL_INTERVAL_MS = 200;
/** The product's stated goal: the chain costs intake at most a fifth of its throughput on PostgreSQL. */
const CHAINED_GOAL = 0.8;

/**
 * The baseline without a hash chain: a table shaped like audit_events with the same keys and
 * indexes, minus what the chain adds (the transaction-id column's default and its index).
 */
async function createUnchainedTable(database: RingfenceDatabase): Promise<void> {
  if (database.engine === 'sqlite') {
    // SQLite's audit_events carries nothing for the chain (its sealer follows row ids).
    return;
  }
  for (const statement of [
    'CREATE TABLE audit_events_unchained (LIKE audit_events INCLUDING DEFAULTS)',
    'ALTER TABLE audit_events_unchained ALTER COLUMN txid DROP DEFAULT, ALTER COLUMN txid DROP NOT NULL',
    'ALTER TABLE audit_events_unchained ADD PRIMARY KEY (id), ADD FOREIGN KEY (org_id) REFERENCES organizations (id)',
    'CREATE INDEX ON audit_events_unchained (org_id, occurred_at)',
    'CREATE INDEX ON audit_events_unchained (org_id, actor_id, occurred_at)',
    'CREATE INDEX ON audit_events_unchained (org_id, client_id, action)',
    // The search indexes (0017-audit-search).
    'CREATE INDEX ON audit_events_unchained (org_id, patient_ref, occurred_at) WHERE patient_ref IS NOT NULL',
    'CREATE INDEX ON audit_events_unchained (org_id, client_id, occurred_at) WHERE client_id IS NOT NULL',
    'CREATE INDEX ON audit_events_unchained (org_id, action, occurred_at)',
  ]) {
    await sql.raw(statement).execute(database.unsafeKysely);
  }
}

/**
 * One intake transaction, as clients.service's createClient writes it: a new client and its
 * audit event. Chained goes through appendAudit (the sealer links it later); unchained writes
 * the same row into the baseline table with no sealer running.
 */
async function intake(database: RingfenceDatabase, orgId: string, chained: boolean): Promise<void> {
  const id = randomUUID();
  const name = `Client ${id}`;
  const now = new Date().toISOString();
  const event: AuditEventInput<'client.created'> = { action: 'client.created', resourceType: 'Client', resourceId: id, clientId: id, details: { name } };
  await database.unsafeKysely.transaction().execute(async (trx) => {
    const tx = tenantDb(trx, database.engine, orgId);
    await tx.insertInto('clients', { id, name, time_zone: 'America/Chicago', status: 'active', created_at: now, updated_at: now }).execute();
    if (chained || database.engine === 'sqlite') await appendAudit(tx, SYSTEM_SOURCE, event);
    else {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      await (trx as unknown as Kysely<any>).insertInto('audit_events_unchained').values({ ...auditEventRow(SYSTEM_SOURCE, event), org_id: orgId }).returning('id').executeTakeFirstOrThrow();
    }
  });
}

interface IntakeRun {
  load: ClosedLoopResult;
  /** Chained only. */
  chain?: { verified: boolean; sealed: number; backlog: number; drainMs: number; problem: string | null };
}

/** One run on its own fresh database, so both runs start from the same empty tables. */
async function runIntake(env: BenchEnv, chained: boolean): Promise<IntakeRun> {
  // The app's own sealer waits a minute: in the chained run the sealer below does the work.
  const bench = await env.startApp({ RINGFENCE_AUDIT_SEAL_INTERVAL_MS: '60000' });
  const org = await createBenchOrg(bench);
  const options = { concurrency: CONCURRENCY[env.engine], durationMs: env.settings.durationMs, warmupMs: env.settings.warmupMs };
  if (!chained) {
    await createUnchainedTable(bench.database);
    return { load: await runClosedLoop(options, () => intake(bench.database, org.orgId, false)) };
  }

  let sealError: unknown = null;
  const sealer = startSealer(bench.database, SEAL_INTERVAL_MS, (err) => {
    sealError ??= err;
  });
  let load: ClosedLoopResult;
  let backlog: number;
  try {
    load = await runClosedLoop(options, () => intake(bench.database, org.orgId, true));
    // What the sealer had not reached when intake stopped: whether it keeps up.
    backlog = (await verifyOrganizationChain(bench.database, org.orgId)).unsealed;
  } catch (err) {
    await sealer.stop();
    throw err;
  }
  const drainStarted = performance.now();
  await sealer.stop(); // seals everything still pending
  const drainMs = performance.now() - drainStarted;
  // Nothing should be left; a late commit would be sealed here and still verify.
  await sealAllPending(bench.database);
  const verification = await verifyOrganizationChain(bench.database, org.orgId);
  const problem = sealError
    ? `sealing failed: ${sealError instanceof Error ? sealError.message : String(sealError)}`
    : verification.firstProblem
      ? `position ${verification.firstProblem.position}: ${verification.firstProblem.reason}`
      : verification.unsealed > 0
        ? `${verification.unsealed} events left unsealed`
        : null;
  return { load, chain: { verified: verification.ok && problem === null, sealed: verification.sealed, backlog, drainMs, problem } };
}

/** Intake throughput with the audit hash chain against without it: what the chain costs the write path. */
export const auditIntake: Benchmark = {
  name: 'audit.intake',
  description: 'transactions inserting a client and its audit event, chained (sealer every 200 ms) against unchained',
  async run(env) {
    const unchained = await runIntake(env, false);
    const chained = await runIntake(env, true);
    const chain = chained.chain!;
    const ratio = chained.load.opsPerSecond / unchained.load.opsPerSecond;
    return {
      ops_per_s: chained.load.opsPerSecond,
      p50_ms: chained.load.latency.p50,
      p99_ms: chained.load.latency.p99,
      figures: {
        concurrency: CONCURRENCY[env.engine],
        unchained_ops_per_s: round(unchained.load.opsPerSecond, 1),
        unchained_p50_ms: round(unchained.load.latency.p50),
        unchained_p99_ms: round(unchained.load.latency.p99),
        chained_ratio: round(ratio, 3),
        ...(env.engine === 'postgres' ? { chained_goal_met: ratio >= CHAINED_GOAL } : {}),
        chain_verified: chain.verified,
        sealed: chain.sealed,
        seal_backlog: chain.backlog,
        seal_drain_ms: round(chain.drainMs, 1),
      },
      ...(chain.problem ? { failure: `audit chain: ${chain.problem}` } : {}),
    };
  },
};
