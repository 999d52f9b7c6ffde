import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import pg from 'pg';
import { createPatient } from '../../src/modules/patients/patients.service.ts';
import { appendAudit } from '../../src/platform/audit/append.ts';
import { sealSettled } from '../../src/platform/audit/chain.ts';
import type { AuditEventInput, AuditSource } from '../../src/platform/audit/events.ts';
import { jobsSchemaName } from '../../src/platform/jobs/pg-boss-jobs.ts';
import { unsafeSystemContext } from '../../src/platform/system-context.ts';
import { insertTestBaa } from '../../test/helpers.ts';
import { assignBenchRole, benchSession, createBenchClient, createBenchOrg, jsonClient, listen, type BenchApp, type BenchEnv, type Benchmark } from '../harness.ts';
import { runClosedLoop, type ClosedLoopResult } from '../load.ts';
import { LatencyRecorder, round, type LatencySummary } from '../stats.ts';

const CONNECTIONS = 10;
/** Rounds of the read-cost measurements, interleaved on one database; the figures are their medians. */
const ROUNDS = 5;
/** What an agent reveals to call a patient back and check who answers. */
const REVEAL_FIELDS = ['name', 'phones', 'dateOfBirth'] as const;
const REVEAL_BODY = { fields: [...REVEAL_FIELDS], purpose: 'callback' as const };
/** Patients the read-cost load rotates through. */
const READ_PATIENTS = 20;
/** The product's goal: the audit write is under a tenth of what a PHI read request costs. */
const SHARE_TARGET_PCT = 10;

/** Reveals that break the no_reason rule, one new patient each (an alert is raised once per person, patient and day). */
const ALERT_REVEALS = 30;
/**
 * One such reveal every 1.17 s: a period sharing no small multiple with the sealer's 500 ms and
 * the rules' 1 s, so the reveals land at every phase of both timers instead of always the same one.
 */
const ALERT_PACE_MS = 1170;
/** Between them, the agent keeps revealing a patient whose alert is already raised: the rules evaluate those events too. */
const FILLER_PACE_MS = 100;
/** How often the bench looks for the alerts: the latency figures are late by up to this much. */
const ALERT_POLL_MS = 20;
/** The product's goal: the alert within 5 s of the reveal. */
const ALERT_TARGET_MS = 5000;
/** How long after the last reveal an alert may still arrive before it counts as missing. */
const ALERT_TIMEOUT_MS = 15_000;
/** As `ringfence serve` runs by default (the anomaly rules run every second). */
const SEAL_INTERVAL_MS = 500;

interface Patient {
  id: string;
  ref: string;
}

interface RevealOrg {
  orgId: string;
  agentId: string;
  complianceId: string;
  clientId: string;
  patients: Patient[];
}

/**
 * An organization with one client (its BAA signed, so its PHI opens), an agent assigned to it,
 * a compliance officer, and `patients` synthetic patients created through the patient service.
 * The agent has no callback for any of them: every reveal breaks the no_reason rule.
 */
async function revealOrg(bench: BenchApp, patients: number): Promise<RevealOrg> {
  const org = await createBenchOrg(bench, 2);
  const [agentId, complianceId] = [org.userIds[1]!, org.userIds[2]!];
  const clientId = await createBenchClient(bench, org.orgId);
  await insertTestBaa(bench, org.orgId, clientId);
  await assignBenchRole(bench, org.orgId, agentId, 'agent', clientId);
  await assignBenchRole(bench, org.orgId, complianceId, 'compliance', null);
  const ctx = unsafeSystemContext(bench.database, bench.app.platform.keyring, org.orgId, 'supervisor');
  const created: Patient[] = [];
  for (let i = 0; i < patients; i += 1) {
    const { patient } = await createPatient(ctx, {
      clientId,
      name: { given: 'Bench', family: `Caller${i}` },
      phones: [{ number: `+1555010${String(i).padStart(4, '0')}`, type: 'mobile' }],
      dateOfBirth: `19${String(50 + (i % 50)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
    });
    created.push({ id: patient.id, ref: patient.ref });
  }
  return { orgId: org.orgId, agentId, complianceId, clientId, patients: created };
}

/** The `phi.read` event revealPatient writes for this patient, field for field. */
function revealEvent(clientId: string, patient: Patient): AuditEventInput<'phi.read'> {
  return { action: 'phi.read', resourceType: 'Patient', resourceId: patient.id, clientId, patientRef: patient.ref, fields: [...REVEAL_FIELDS], purpose: REVEAL_BODY.purpose, details: { source: 'vault' } };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function phiReads(bench: BenchApp, orgId: string): Promise<number> {
  const row = await bench
    .tenant(orgId)
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', 'phi.read')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

interface ReadRound {
  reveal: autocannon.Result;
  /** appendAudit in a transaction of its own (BEGIN, the insert, COMMIT). */
  auditTx: ClosedLoopResult;
  /** appendAudit as one statement outside any transaction, as revealPatient writes it. */
  auditStmt: ClosedLoopResult;
}

/**
 * What the audit write adds to a PHI read. Interleaved in rounds on one database, with the
 * app's sealer on as always: (a) `POST /api/patients/:id/reveal` over HTTP at 10 connections
 * (autocannon from a worker thread), and (b) `appendAudit` of the identical `phi.read` event in
 * a closed loop at the same 10 in flight, once in a transaction of its own and once as the
 * single statement revealPatient issues (it writes outside a transaction, so the insert commits
 * on its own). The share is the audit write's cost per operation over the reveal's, each the
 * inverse of its throughput at 10 in flight: the time the server spends on one when it is kept
 * busy. Mean latencies would not compare: the reveal's includes waiting behind the other nine
 * requests, while the closed loop's workers yield a turn between operations and the
 * latency of each counts only its own work. The median of the rounds' shares is reported. Each
 * measurement's leftover sealing backlog is drained before the next, so none inherits another's.
 */
export const auditReadCost: Benchmark = {
  name: 'audit.read-cost',
  description: `POST /api/patients/:id/reveal (${CONNECTIONS} connections) against appendAudit of its phi.read event alone (${CONNECTIONS} in flight), ${ROUNDS} interleaved rounds; target share < ${SHARE_TARGET_PCT}%`,
  async run(env) {
    const bench = await env.startApp();
    const org = await revealOrg(bench, READ_PATIENTS);
    const session = await benchSession(bench, org.orgId, org.agentId);
    const base = await listen(bench.app);
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' };
    const body = JSON.stringify(REVEAL_BODY);

    // One reveal first, so a broken setup fails with its answer; it must return the fields and write one phi.read event.
    const probe = jsonClient(base, { cookie: session.cookie, 'x-csrf-token': session.csrfToken });
    env.defer(() => probe.close());
    const before = await phiReads(bench, org.orgId);
    const answer = await probe.request('POST', `/api/patients/${org.patients[0]!.id}/reveal`, REVEAL_BODY);
    if (answer.status !== 200) throw new Error(`POST /api/patients/:id/reveal answered ${answer.status}: ${answer.text}`);
    const revealed = Object.keys((answer.body as { fields: Record<string, unknown> }).fields).sort();
    if (revealed.join() !== [...REVEAL_FIELDS].sort().join()) throw new Error(`the reveal returned ${revealed.join(', ')}, not ${REVEAL_FIELDS.join(', ')}`);
    if ((await phiReads(bench, org.orgId)) !== before + 1) throw new Error('the reveal did not write exactly one phi.read event');

    const tenant = bench.tenant(org.orgId);
    // Who the event names, as the request's actor would: the agent, from the loopback address.
    const source = (): AuditSource => ({ actorType: 'user', actorId: org.agentId, ip: '127.0.0.1', requestId: randomUUID() });
    let next = 0;
    const patient = () => org.patients[next++ % org.patients.length]!;
    const auditInTx = () => tenant.transaction(async (tx) => void (await appendAudit(tx, source(), revealEvent(org.clientId, patient()))));
    const auditAlone = async () => void (await appendAudit(tenant, source(), revealEvent(org.clientId, patient())));

    // The load comes from a worker thread: on the main thread it would take turns with the server it measures.
    const requests = org.patients.map((p) => ({ path: `/api/patients/${p.id}/reveal` }));
    const options = { url: `${base}${requests[0]!.path}`, method: 'POST', connections: CONNECTIONS, workers: 1, headers, body, requests };
    const loop = (durationMs: number) => ({ concurrency: CONNECTIONS, durationMs, warmupMs: 0 });
    const drain = () => sealSettled(bench.database);

    // One warm-up of each before the rounds.
    if (env.settings.warmupMs > 0) {
      await autocannon({ ...options, duration: env.settings.warmupMs / 1000 });
      await runClosedLoop(loop(env.settings.warmupMs), auditInTx);
      await runClosedLoop(loop(env.settings.warmupMs), auditAlone);
      await drain();
    }
    const rounds: ReadRound[] = [];
    let failed = 0;
    for (let r = 0; r < ROUNDS; r += 1) {
      const current = {} as ReadRound;
      const steps: (() => Promise<void>)[] = [
        async () => {
          current.reveal = await autocannon({ ...options, duration: env.settings.durationMs / 1000 });
          failed += current.reveal.non2xx + current.reveal.errors;
        },
        async () => {
          current.auditTx = await runClosedLoop(loop(env.settings.durationMs), auditInTx);
        },
        async () => {
          current.auditStmt = await runClosedLoop(loop(env.settings.durationMs), auditAlone);
        },
      ];
      // Each round starts with another of the three, so none always runs first (or right after the load).
      for (let k = 0; k < steps.length; k += 1) {
        await steps[(r + k) % steps.length]!();
        await drain();
      }
      rounds.push(current);
    }

    const m = (f: (round: ReadRound) => number) => median(rounds.map(f));
    const revealOps = m((x) => x.reveal.requests.average);
    const shareTx = m((x) => (100 * x.reveal.requests.average) / x.auditTx.opsPerSecond);
    const shareStmt = m((x) => (100 * x.reveal.requests.average) / x.auditStmt.opsPerSecond);
    const shares = rounds.map((x) => (100 * x.reveal.requests.average) / x.auditTx.opsPerSecond);
    return {
      ops_per_s: revealOps,
      p50_ms: m((x) => x.reveal.latency.p50),
      p99_ms: m((x) => x.reveal.latency.p99),
      figures: {
        connections: CONNECTIONS,
        rounds: ROUNDS,
        reveal_mean_ms: round(m((x) => x.reveal.latency.mean)),
        reveal_us_per_op: round(1e6 / revealOps, 1),
        audit_tx_ops_per_s: round(m((x) => x.auditTx.opsPerSecond), 1),
        audit_tx_p50_ms: round(m((x) => x.auditTx.latency.p50), 3),
        audit_tx_p99_ms: round(m((x) => x.auditTx.latency.p99), 3),
        audit_tx_us_per_op: round(1e6 / m((x) => x.auditTx.opsPerSecond), 1),
        audit_stmt_ops_per_s: round(m((x) => x.auditStmt.opsPerSecond), 1),
        audit_stmt_p50_ms: round(m((x) => x.auditStmt.latency.p50), 3),
        audit_stmt_p99_ms: round(m((x) => x.auditStmt.latency.p99), 3),
        audit_stmt_us_per_op: round(1e6 / m((x) => x.auditStmt.opsPerSecond), 1),
        audit_share_pct: round(shareTx, 1),
        audit_share_range_pct: `${round(Math.min(...shares), 1)}-${round(Math.max(...shares), 1)}`,
        audit_stmt_share_pct: round(shareStmt, 1),
        target_share_pct: SHARE_TARGET_PCT,
        share_goal_met: shareTx < SHARE_TARGET_PCT,
        requests: rounds.reduce((n, x) => n + x.reveal.requests.total, 0),
        non2xx: rounds.reduce((n, x) => n + x.reveal.non2xx, 0),
        errors: rounds.reduce((n, x) => n + x.reveal.errors, 0),
      },
      ...(failed > 0 ? { failure: `${failed} non-2xx answers or connection errors on the reveals` } : {}),
    };
  },
};

interface AlertPhase {
  /** Every reveal's own latency, one at a time over one kept-alive connection. */
  reveals: LatencySummary;
  /** From sending each rule-breaking reveal to its alert being committed and visible; empty without the rules. */
  alerts: LatencyRecorder;
  missing: number;
  /** Patients with an alert at the end (the filler's included). */
  alerted: number;
  seconds: number;
}

async function dropJobsSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * One phase on its own fresh database: the same reveals at the same pace, with the app's
 * background services on (the sealer every 500 ms, the anomaly rules every second, the job
 * engine, as `ringfence serve` runs) or off (the sealer alone: no rules run).
 */
async function alertPhase(env: BenchEnv, background: boolean): Promise<AlertPhase> {
  const bench = await env.startApp({ RINGFENCE_AUDIT_SEAL_INTERVAL_MS: String(SEAL_INTERVAL_MS) }, { background });
  // On PostgreSQL the job engine keeps its own schema beside the app's; it goes with the app's.
  const { databaseUrl, databaseSchema } = bench.config;
  if (background && databaseUrl && databaseSchema) {
    env.defer(async () => {
      await bench.app.close();
      await dropJobsSchema(databaseUrl, jobsSchemaName(databaseSchema));
    });
  }
  const org = await revealOrg(bench, ALERT_REVEALS + 1);
  const [filler, ...targets] = org.patients as [Patient, ...Patient[]];
  const base = await listen(bench.app);
  const officerSession = await benchSession(bench, org.orgId, org.complianceId);
  const officer = jsonClient(base, { cookie: officerSession.cookie, 'x-csrf-token': officerSession.csrfToken });
  const agentSession = await benchSession(bench, org.orgId, org.agentId);
  const agent = jsonClient(base, { cookie: agentSession.cookie, 'x-csrf-token': agentSession.csrfToken });
  env.defer(() => officer.close());
  env.defer(() => agent.close());

  // No grace: a reveal without a reason is alerted as soon as the rules read it.
  const rule = await officer.request('PUT', '/api/audit/anomaly-rules/no_reason', { enabled: true, severity: 'medium', params: { graceMinutes: 0 } });
  if (rule.status !== 200) throw new Error(`PUT /api/audit/anomaly-rules/no_reason answered ${rule.status}: ${rule.text}`);

  // Watches the alerts table, in both phases alike, and notes when each patient's alert first appears.
  const seen = new Map<string, number>();
  let watching = true;
  let watchError: unknown = null;
  const watcher = (async () => {
    while (watching) {
      const rows = await bench.tenant(org.orgId).selectFrom('audit_alerts').select('patient_ref').where('rule', '=', 'no_reason').execute();
      const at = performance.now();
      for (const r of rows) if (r.patient_ref && !seen.has(r.patient_ref)) seen.set(r.patient_ref, at);
      await sleep(ALERT_POLL_MS);
    }
  })().catch((err: unknown) => {
    watchError = err;
  });

  const reveal = async (p: Patient): Promise<number> => {
    const started = performance.now();
    const res = await agent.request('POST', `/api/patients/${p.id}/reveal`, REVEAL_BODY);
    if (res.status !== 200) throw new Error(`POST /api/patients/:id/reveal answered ${res.status}: ${res.text}`);
    return started;
  };

  try {
    // The first reveal raises the alert the filler reveals will share; with the rules on, waiting
    // for it also waits until the rules have read the setup's events and caught up with the trail.
    await reveal(filler);
    if (background) {
      const until = performance.now() + ALERT_TIMEOUT_MS;
      while (!seen.has(filler.ref) && watchError === null) {
        if (performance.now() > until) throw new Error(`no alert within ${ALERT_TIMEOUT_MS / 1000} s of the first reveal: are the anomaly rules running?`);
        await sleep(ALERT_POLL_MS);
      }
    } else await sleep(1000);

    const latency = new LatencyRecorder();
    const sent = new Map<string, number>();
    const started = performance.now();
    let nextTarget = started;
    let nextFiller = started + FILLER_PACE_MS / 2;
    for (let i = 0; i < targets.length; ) {
      const due = Math.min(nextTarget, nextFiller);
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const target = nextTarget <= nextFiller;
      const p = target ? targets[i]! : filler;
      const at = await reveal(p);
      latency.record(performance.now() - at);
      if (target) {
        sent.set(p.ref, at);
        i += 1;
        nextTarget += ALERT_PACE_MS;
      } else {
        // A filler never queues behind a late one: the pace stays steady, not a burst to catch up.
        nextFiller = Math.max(nextFiller + FILLER_PACE_MS, performance.now());
      }
    }
    const seconds = (performance.now() - started) / 1000;

    const alerts = new LatencyRecorder();
    if (background) {
      const until = performance.now() + ALERT_TIMEOUT_MS;
      while (targets.some((p) => !seen.has(p.ref)) && performance.now() < until && watchError === null) await sleep(ALERT_POLL_MS);
      for (const p of targets) if (seen.has(p.ref)) alerts.record(seen.get(p.ref)! - sent.get(p.ref)!);
    }
    if (watchError) throw watchError instanceof Error ? watchError : new Error(String(watchError));
    return { reveals: latency.summary(), alerts, missing: background ? targets.length - alerts.count : 0, alerted: seen.size, seconds };
  } finally {
    watching = false;
    await watcher;
    // Stopped now, so its background work is not running while the next phase measures.
    await bench.app.close();
  }
}

/**
 * Time from a reveal that breaks the no_reason rule (grace 0) to its alert, with the app's
 * background services on as `ringfence serve` runs them: 30 such reveals of new patients every
 * 1.17 s, and between them a reveal every 100 ms of a patient already alerted, all one at a
 * time over one connection. The same reveals at the same pace on a fresh database with the
 * background services off give the reveal's latency without the rules running.
 */
export const auditAlertLatency: Benchmark = {
  name: 'audit.alert-latency',
  description: `reveal breaking no_reason (grace 0) to its alert, background services on (sealer ${SEAL_INTERVAL_MS} ms, rules 1 s), ${ALERT_REVEALS} reveals ${ALERT_PACE_MS} ms apart; target < ${ALERT_TARGET_MS / 1000} s; reveal latency with and without the rules`,
  async run(env) {
    const quiet = await alertPhase(env, false);
    const live = await alertPhase(env, true);
    const a = live.alerts.summary();
    const failure =
      live.missing > 0
        ? `${live.missing} of ${ALERT_REVEALS} reveals raised no alert within ${ALERT_TIMEOUT_MS / 1000} s of the last one`
        : quiet.alerted > 0
          ? 'an alert was raised with the rules off'
          : null;
    return {
      ops_per_s: a.count / live.seconds,
      p50_ms: a.p50,
      p99_ms: a.p99,
      figures: {
        alerts: a.count,
        alert_mean_ms: round(a.mean, 1),
        alert_max_ms: round(a.max, 1),
        target_alert_ms: ALERT_TARGET_MS,
        alert_goal_met: a.count === ALERT_REVEALS && a.max < ALERT_TARGET_MS,
        reveals: live.reveals.count,
        reveal_p50_ms: round(live.reveals.p50),
        reveal_p99_ms: round(live.reveals.p99),
        reveal_max_ms: round(live.reveals.max),
        reveal_mean_ms: round(live.reveals.mean),
        quiet_reveals: quiet.reveals.count,
        quiet_reveal_p50_ms: round(quiet.reveals.p50),
        quiet_reveal_p99_ms: round(quiet.reveals.p99),
        quiet_reveal_max_ms: round(quiet.reveals.max),
        quiet_reveal_mean_ms: round(quiet.reveals.mean),
      },
      ...(failure ? { failure } : {}),
    };
  },
};
