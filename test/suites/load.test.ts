import assert from 'node:assert/strict';
import { test } from 'node:test';
import autocannon from 'autocannon';
import { timeOrderedId } from '../../src/platform/db/ids.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import type { TenantInsert } from '../../src/platform/db/tenant-db.ts';
import { verifyOrganizationChain } from '../../src/platform/audit/verify.ts';
import { createTestOrg, insertTestPatient, insertTestQueue, sealUntilSettled, testConfig, testDatabaseSettings } from '../helpers.ts';
import { report, scale } from './scale.ts';
import { seedingApp, serverEnv, sessionHeaders, startServerProcess } from './server-process.ts';

// Load on the agent routes of a real `ringfence serve` (audit trail and PHI encryption on, as
// always): 50 connections, each signed in as its own agent, on claim-next, log-attempt and
// my-queue in turn. Every answer must be a 2xx; the figures are what a reviewer can quote.

const CONNECTIONS = 50;
const SECONDS = scale(3, 60);
/** Open callbacks seeded per second of claiming: more than claim-next answers on this hardware, so the queue never runs dry. */
const TASKS_PER_SECOND = 2000;
const PATIENTS = 20;

interface RouteFigures {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** Answers per status code. */
  statuses: Record<string, number>;
}

test(`load: claim-next, log-attempt and my-queue at ${CONNECTIONS} connections for ${SECONDS} s each, every answer a 2xx`, { timeout: 600_000 }, async (t) => {
  const settings = testDatabaseSettings(t);
  const config = testConfig(settings);
  const seed = await seedingApp(settings, config);
  const users = Object.fromEntries(Array.from({ length: CONNECTIONS }, (_, i) => [`agent${i}`, ['agent', 'A'] as [string, string]]));
  const org = await createTestOrg(seed, { clients: ['A'], users });
  const clientId = org.clients.A!;
  const queueId = await insertTestQueue(seed, org.orgId, clientId, 'Callbacks');
  const patients: { id: string; ref: string }[] = [];
  for (let i = 0; i < PATIENTS; i += 1) patients.push(await insertTestPatient(seed, org.orgId, clientId));
  // Open callbacks written as intake leaves them (rows only: intake's own cost is not measured here).
  const tenant = seed.tenant(org.orgId);
  const count = SECONDS * TASKS_PER_SECOND;
  const past = Date.now() - 3_600_000;
  for (let first = 0; first < count; first += 500) {
    const rows: TenantInsert<'tasks'>[] = [];
    for (let i = first; i < Math.min(count, first + 500); i += 1) {
      const at = new Date(past + i).toISOString();
      const patient = patients[i % PATIENTS]!;
      rows.push({
        id: timeOrderedId(past + i),
        client_id: clientId,
        queue_id: queueId,
        patient_id: patient.id,
        patient_ref: patient.ref,
        reason_code: 'refill',
        priority: 'routine',
        priority_rank: 2,
        status: 'open',
        title: 'Refill request',
        note: null,
        callback_after: null,
        callback_before: null,
        due_at: new Date(past + i + 3_600_000 * 4).toISOString(),
        ready_at: at,
        assignee_id: null,
        claimed_at: null,
        attempt_count: 0,
        last_outcome: null,
        incident_flag: null,
        resolution: null,
        parent_task_id: null,
        created_by: org.admin.id,
        created_at: at,
        updated_at: at,
        closed_at: null,
      });
    }
    await tenant.insertInto('tasks', rows).execute();
  }
  const agents = await Promise.all(Object.values(org.users).map(async (u) => ({ id: u.id, headers: await sessionHeaders(seed, org.orgId, u.id) })));
  await seed.close();

  const server = await startServerProcess(serverEnv(settings, config));
  t.after(() => server.kill());

  /**
   * Runs one route: connection i sends agent i's requests. On the main thread (no `workers`):
   * a per-connection setup must be a function, and the server is another process anyway.
   */
  const run = async (route: string, requestsOf: (agent: number) => autocannon.Request[]): Promise<RouteFigures> => {
    let next = 0;
    const result = await autocannon({
      url: server.url,
      connections: CONNECTIONS,
      duration: SECONDS,
      setupClient: (client) => client.setRequests(requestsOf(next++ % CONNECTIONS)),
    });
    const statuses = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]));
    assert.equal(result.errors, 0, `${route}: connection errors (${JSON.stringify(statuses)})\n${server.output()}`);
    assert.equal(result.timeouts, 0, `${route}: timeouts`);
    assert.equal(result.non2xx, 0, `${route}: non-2xx answers ${JSON.stringify(statuses)}\n${server.output()}`);
    return { requests: result.requests.total, rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, statuses };
  };
  const json = (agent: number) => ({ ...agents[agent]!.headers, 'content-type': 'application/json' });

  const claim = await run('claim-next', (a) => [{ method: 'POST', path: '/api/tasks/claim-next', headers: json(a), body: '{}' }]);
  // 204 is claim-next's answer to an empty queue: seeded so that it never comes, and said so if it does.
  const claimsEmpty = claim.statuses['204'] ?? 0;

  // Each agent logs attempts on the callbacks it holds; `reached` keeps a callback with the agent.
  const db = openDatabase(settings);
  const held = new Map<string, string[]>();
  try {
    const rows = await db.unsafeKysely.selectFrom('tasks').select(['id', 'assignee_id']).where('org_id', '=', org.orgId).where('status', '=', 'claimed').execute();
    for (const r of rows) held.set(r.assignee_id!, [...(held.get(r.assignee_id!) ?? []), r.id]);
  } finally {
    await db.close();
  }
  // In a short run on a busy machine a connection can spend all of its seconds waiting for its
  // first answer; such an agent claims one callback now, so that every connection has work in
  // the attempt phase. How many needed it is part of the figures.
  const toppedUp = agents.filter((a) => (held.get(a.id)?.length ?? 0) === 0);
  for (const agent of toppedUp) {
    const res = await fetch(`${server.url}/api/tasks/claim-next`, { method: 'POST', headers: { ...agent.headers, 'content-type': 'application/json' }, body: '{}' });
    const text = await res.text();
    assert.equal(res.status, 200, `claim-next for an agent holding nothing: ${res.status} ${text}`);
    const task = JSON.parse(text) as { id: string };
    held.set(agent.id, [task.id]);
  }
  const attemptBody = JSON.stringify({ channel: 'phone', outcome: 'reached', note: null });
  const attempt = await run('log-attempt', (a) => held.get(agents[a]!.id)!.map((id) => ({ method: 'POST', path: `/api/tasks/${id}/attempts`, headers: json(a), body: attemptBody })));

  const myQueue = await run('my-queue', (a) => [{ method: 'GET', path: '/api/tasks?assignee=me&status=claimed', headers: agents[a]!.headers }]);

  // What the load wrote is in the audit trail, sealed and verified after a graceful stop.
  assert.equal(await server.stop(), 0, server.output());
  const after = openDatabase(settings);
  try {
    await sealUntilSettled({ database: after }, org.orgId);
    const chain = await verifyOrganizationChain(after, org.orgId);
    assert.ok(chain.ok, JSON.stringify(chain.firstProblem));
    report('load', {
      connections: CONNECTIONS,
      seconds_per_route: SECONDS,
      seeded_tasks: count,
      claim_rps: claim.rps,
      claim_p50_ms: claim.p50,
      claim_p99_ms: claim.p99,
      claims_empty: claimsEmpty,
      agents_without_claim: toppedUp.length,
      attempt_rps: attempt.rps,
      attempt_p50_ms: attempt.p50,
      attempt_p99_ms: attempt.p99,
      my_queue_rps: myQueue.rps,
      my_queue_p50_ms: myQueue.p50,
      my_queue_p99_ms: myQueue.p99,
      non2xx: 0,
      errors: 0,
      audit_events_sealed: chain.sealed,
    });
  } finally {
    await after.close();
  }
});
