import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { encryptPatientFields, newPatientRow } from '../../src/modules/patients/patient-fields.ts';
import { newPatientRef } from '../../src/modules/patients/normalize.ts';
import { timeOrderedId } from '../../src/platform/db/ids.ts';
import type { TenantInsert } from '../../src/platform/db/tenant-db.ts';
import { assignBenchRole, benchSession, createBenchClient, createBenchOrg, jsonClient, listen, type Benchmark } from '../harness.ts';
import { LatencyRecorder, round } from '../stats.ts';

const DEFAULT_TASKS = 1_000_000;
const MAX_TASKS = 5_000_000;
const CLIENTS = 10;
const QUEUES_PER_CLIENT = 10;
const PATIENTS_PER_CLIENT = 200;
/** One task in this many is still open; the rest are the history a busy service keeps. */
const OPEN_EVERY = 50;
const BATCH = 1000;
/** Claim, attempt and my-queue rounds measured one at a time. */
const ROUNDS = 300;
const CONNECTIONS = 10;

function taskCount(): number {
  const raw = process.env.RINGFENCE_BENCH_TASKS;
  if (raw === undefined || raw === '') return DEFAULT_TASKS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1000 || n > MAX_TASKS) throw new Error(`RINGFENCE_BENCH_TASKS must be a whole number from 1000 to ${MAX_TASKS} (got "${raw}")`);
  return n;
}

/**
 * The callback workflow at scale: 1,000,000 tasks (RINGFENCE_BENCH_TASKS) in 100 queues of 10
 * clients, one in fifty still open. An agent of one client claims the next callback, logs an
 * attempt and reads their queue, one request at a time over HTTP (p50/p99 of each); then
 * intake through the API, 10 connections (autocannon), is the throughput.
 */
export const callbacks: Benchmark = {
  name: 'callbacks',
  description: `intake (POST /api/tasks, ${CONNECTIONS} connections) over ${DEFAULT_TASKS.toLocaleString('en-US')} tasks in 100 queues; claim-next, log-attempt and my-queue p50/p99 one at a time`,
  async run(env) {
    const count = taskCount();
    const bench = await env.startApp();
    const org = await createBenchOrg(bench, 1);
    const agentId = org.userIds[1]!;
    const tenant = bench.tenant(org.orgId);
    const keyring = bench.app.platform.keyring;

    const seedStarted = performance.now();
    const clients: { id: string; queues: string[]; patients: { id: string; ref: string }[] }[] = [];
    for (let c = 0; c < CLIENTS; c += 1) {
      const id = await createBenchClient(bench, org.orgId);
      const now = new Date().toISOString();
      const queues = Array.from({ length: QUEUES_PER_CLIENT }, () => randomUUID());
      await tenant.insertInto('queues', queues.map((q, i) => ({ id: q, client_id: id, name: `Queue ${i + 1}`, status: 'active' as const, created_at: now, updated_at: now }))).execute();
      const patients: { id: string; ref: string }[] = [];
      await tenant.transaction(async (tx) => {
        const rows: TenantInsert<'patients'>[] = [];
        const refs: TenantInsert<'patient_refs'>[] = [];
        const seen = new Set<string>();
        for (let p = 0; p < PATIENTS_PER_CLIENT; p += 1) {
          const pid = randomUUID();
          let ref = newPatientRef();
          while (seen.has(ref)) ref = newPatientRef();
          seen.add(ref);
          const encrypted = await encryptPatientFields(keyring, tx, id, pid, { name: { given: 'Bench', family: `Patient ${p + 1}` } });
          rows.push(newPatientRow({ id: pid, clientId: id, ref, source: 'manual', createdBy: agentId, at: now }, encrypted));
          refs.push({ client_id: id, ref, issued_at: now });
          patients.push({ id: pid, ref });
        }
        await tx.insertInto('patient_refs', refs).execute();
        await tx.insertInto('patients', rows).execute();
      });
      clients.push({ id, queues, patients });
    }
    await assignBenchRole(bench, org.orgId, agentId, 'agent', clients[0]!.id);

    // Tasks as intake and the workflow leave them, written in multi-row batches (no audit events: this is history).
    const start = Date.now() - count * 1000;
    const priorities = ['routine', 'routine', 'routine', 'urgent', 'emergent'] as const;
    for (let first = 0; first < count; first += BATCH) {
      const rows: TenantInsert<'tasks'>[] = [];
      for (let i = first; i < Math.min(count, first + BATCH); i += 1) {
        const client = clients[i % CLIENTS]!;
        const patient = client.patients[(i / CLIENTS) % PATIENTS_PER_CLIENT | 0]!;
        const priority = priorities[i % priorities.length]!;
        const created = new Date(start + i * 1000).toISOString();
        const open = i % OPEN_EVERY === 0;
        rows.push({
          id: timeOrderedId(start + i * 1000),
          client_id: client.id,
          queue_id: client.queues[(i / CLIENTS) % QUEUES_PER_CLIENT | 0]!,
          patient_id: patient.id,
          patient_ref: patient.ref,
          reason_code: 'refill',
          priority,
          priority_rank: priority === 'emergent' ? 0 : priority === 'urgent' ? 1 : 2,
          status: open ? 'open' : 'completed',
          title: 'Refill request',
          note: null,
          callback_after: null,
          callback_before: null,
          due_at: new Date(start + i * 1000 + 15 * 60_000).toISOString(),
          ready_at: created,
          assignee_id: null,
          claimed_at: null,
          attempt_count: open ? 0 : 1,
          last_outcome: open ? null : 'reached',
          incident_flag: null,
          resolution: open ? null : 'resolved',
          parent_task_id: null,
          created_by: agentId,
          created_at: created,
          updated_at: created,
          closed_at: open ? null : created,
        });
      }
      await tenant.insertInto('tasks', rows).execute();
    }
    // The history is settled before timing starts, as a running service's would be, not a bulk
    // load still being written out: on PostgreSQL vacuumed and analyzed (autovacuum's job) and
    // checkpointed, so commits do not queue behind the load's writes; on SQLite the write-ahead
    // log copied back.
    const db = bench.database.unsafeKysely;
    if (env.engine === 'postgres') {
      await sql`vacuum analyze tasks, queues, patients`.execute(db);
      await sql`checkpoint`.execute(db).catch((err: unknown) => console.error(`bench: no checkpoint after seeding (${err instanceof Error ? err.message : String(err)}); figures may include the load's writes`));
    } else {
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
    }
    const seedSeconds = (performance.now() - seedStarted) / 1000;

    const session = await benchSession(bench, org.orgId, agentId);
    const base = await listen(bench.app);
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
    const client = jsonClient(base, headers);
    env.defer(() => client.close());
    const call = async (method: string, path: string, body?: unknown, expect = 200): Promise<{ id?: string } | null> => {
      const answer = await client.request(method, path, body);
      if (answer.status !== expect) throw new Error(`${method} ${path} answered ${answer.status}: ${answer.text}`);
      return answer.body as { id?: string } | null;
    };

    const claim = new LatencyRecorder();
    const attempt = new LatencyRecorder();
    const myQueue = new LatencyRecorder();
    for (let r = 0; r < ROUNDS; r += 1) {
      let t0 = performance.now();
      const task = await call('POST', '/api/tasks/claim-next', {});
      claim.record(performance.now() - t0);
      if (!task?.id) throw new Error('claim-next found nothing to claim');
      t0 = performance.now();
      // No answer: the task waits for its next try and leaves the workable pool.
      await call('POST', `/api/tasks/${task.id}/attempts`, { channel: 'phone', outcome: 'no_answer', note: 'No answer, will retry' }, 201);
      attempt.record(performance.now() - t0);
      t0 = performance.now();
      await call('GET', '/api/tasks?assignee=me&status=claimed');
      myQueue.record(performance.now() - t0);
    }

    // Intake throughput: new callbacks for existing patients of the agent's client.
    const home = clients[0]!;
    const requests = Array.from({ length: 500 }, (_, i) => ({
      body: JSON.stringify({ clientId: home.id, queueId: home.queues[i % QUEUES_PER_CLIENT], patientId: home.patients[i % PATIENTS_PER_CLIENT]!.id, reasonCode: 'refill', priority: 'routine', title: 'Refill request from the phone tree' }),
    }));
    // The load comes from a worker thread: on the main thread it would take turns with the server it measures.
    const options = { url: `${base}/api/tasks`, method: 'POST' as const, connections: CONNECTIONS, workers: 1, headers: { ...headers, 'content-type': 'application/json' }, requests };
    if (env.settings.warmupMs > 0) await autocannon({ ...options, duration: env.settings.warmupMs / 1000 });
    const result = await autocannon({ ...options, duration: env.settings.durationMs / 1000 });
    const failed = result.non2xx + result.errors;
    const [c, a, m] = [claim.summary(), attempt.summary(), myQueue.summary()];
    return {
      ops_per_s: result.requests.average,
      p50_ms: result.latency.p50,
      p99_ms: result.latency.p99,
      figures: {
        tasks: count,
        queues: CLIENTS * QUEUES_PER_CLIENT,
        seed_s: round(seedSeconds, 1),
        claim_next_p50_ms: round(c.p50),
        claim_next_p99_ms: round(c.p99),
        log_attempt_p50_ms: round(a.p50),
        log_attempt_p99_ms: round(a.p99),
        my_queue_p50_ms: round(m.p50),
        my_queue_p99_ms: round(m.p99),
        intake_requests: result.requests.total,
        non2xx: result.non2xx,
      },
      ...(failed > 0 ? { failure: `${result.non2xx} non-2xx answers and ${result.errors} connection errors` } : {}),
    };
  },
};
