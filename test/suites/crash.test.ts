import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { sql } from 'kysely';
import { sealUntilSettled, ENGINE, createTestOrg, insertTestPatient, insertTestQueue, testConfig, testDatabaseSettings } from '../helpers.ts';
import { verifyOrganizationChain } from '../../src/platform/audit/verify.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import type { SqliteSynchronous } from '../../src/config.ts';
import { report, scale } from './scale.ts';
import { seedingApp, serverEnv, sessionHeaders, startServerProcess } from './server-process.ts';
import { parsePolicy } from '../../src/modules/tasks/index.ts';

// Crash safety: the server is killed with SIGKILL while 50 agents take in, claim, work and
// complete callbacks over HTTP. A write the server acknowledged (a 2xx answer) was committed
// before the answer left, so it must be there after the restart; no callback may go to two
// agents; the SQLite file must pass its integrity check; the audit chain must verify, the
// events the killed sealer never reached sealed by the next start.

const ROUNDS = scale(5, 100);
const WRITERS = 50;
const PATIENTS = 10;
/** Writes flowing before the kill can come: at least this many acknowledged. */
const FLOWING = 25;
/** The kill comes at a random moment this long after the writes are flowing. */
const KILL_WINDOW_MS = [200, 800] as const;

interface Ledger {
  created: Map<string, string>;
  claimed: Map<string, string>;
  attempts: Map<string, string>;
  completed: Set<string>;
  /** A task answered as claimed to two different agents. */
  claimedTwiceOverHttp: number;
  /** Answers no step of the workflow should give (statuses other than the ones below). */
  unexpected: string[];
}

test(`crash: ${ROUNDS} rounds of kill -9 under ${WRITERS} concurrent writers lose no acknowledged write`, { timeout: Math.max(600_000, ROUNDS * 30_000) }, async (t) => {
  const started = performance.now();
  const settings = testDatabaseSettings(t);
  // The child's sealer runs often, so kills land in the middle of sealing too.
  const config = testConfig(settings, { RINGFENCE_AUDIT_SEAL_INTERVAL_MS: '100' });

  const seed = await seedingApp(settings, config);
  const users = Object.fromEntries(Array.from({ length: WRITERS }, (_, i) => [`agent${i}`, ['agent', 'A'] as [string, string]]));
  const org = await createTestOrg(seed, { clients: ['A'], users });
  const clientId = org.clients.A!;
  const queueId = await insertTestQueue(seed, org.orgId, clientId, 'Callbacks');
  // A claim a killed server left with its agent must stay with that agent for the whole run:
  // with the default 10-minute claim timeout, the long form would see such claims lapse and be
  // handed out again, which is the product working, not a double claim.
  const client = await seed.tenant(org.orgId).selectFrom('clients').select('callback_policy').where('id', '=', clientId).executeTakeFirstOrThrow();
  const policy = { ...parsePolicy(client.callback_policy), claimTimeoutMinutes: 240 };
  await seed.tenant(org.orgId).updateTable('clients').set({ callback_policy: JSON.stringify(policy) }).where('id', '=', clientId).execute();
  const patients: string[] = [];
  for (let i = 0; i < PATIENTS; i += 1) patients.push((await insertTestPatient(seed, org.orgId, clientId)).id);
  const agents = await Promise.all(Object.values(org.users).map(async (u) => ({ id: u.id, headers: await sessionHeaders(seed, org.orgId, u.id) })));
  await seed.close();
  const seedSeconds = (performance.now() - started) / 1000;

  const ledger: Ledger = { created: new Map(), claimed: new Map(), attempts: new Map(), completed: new Set(), claimedTwiceOverHttp: 0, unexpected: [] };
  const killDelays: number[] = [];
  const restartMs: number[] = [];
  const flowMs: number[] = [];
  let acknowledged = 0;
  let unanswered = 0;

  /** One agent's loop: intake, claim the next callback, log a reached attempt, complete it; until the server dies. */
  const writer = async (base: string, agent: (typeof agents)[number], index: number, alive: () => boolean): Promise<void> => {
    const call = async (method: string, path: string, body: unknown): Promise<{ status: number; body: any } | null> => {
      try {
        const res = await fetch(base + path, { method, headers: { ...agent.headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
        const text = await res.text();
        return { status: res.status, body: text ? JSON.parse(text) : null };
      } catch {
        // The server died with the request in flight: its outcome is unknown, and nothing is owed.
        unanswered += 1;
        return null;
      }
    };
    const expect = (answer: { status: number; body: any }, step: string, ok: number[]): boolean => {
      if (ok.includes(answer.status)) return true;
      ledger.unexpected.push(`${step} ${answer.status} ${JSON.stringify(answer.body)}`);
      return false;
    };
    for (let n = 0; alive(); n += 1) {
      const intake = await call('POST', '/api/tasks', { clientId, queueId, patientId: patients[(index + n) % PATIENTS], reasonCode: 'refill', priority: 'routine', title: 'Refill request' });
      if (!intake || !expect(intake, 'intake', [201])) return;
      ledger.created.set(intake.body.id as string, agent.id);
      acknowledged += 1;

      const claim = await call('POST', '/api/tasks/claim-next', {});
      if (!claim || !expect(claim, 'claim-next', [200, 204])) return;
      // 204: every workable callback is with someone else this instant; take in the next one.
      if (claim.status === 204) continue;
      const taskId = claim.body.id as string;
      const holder = ledger.claimed.get(taskId);
      if (holder !== undefined && holder !== agent.id) ledger.claimedTwiceOverHttp += 1;
      ledger.claimed.set(taskId, agent.id);
      acknowledged += 1;

      const attempt = await call('POST', `/api/tasks/${taskId}/attempts`, { channel: 'phone', outcome: 'reached' });
      if (!attempt || !expect(attempt, 'attempt', [201])) return;
      ledger.attempts.set(attempt.body.attempt.id as string, taskId);
      acknowledged += 1;

      const done = await call('POST', `/api/tasks/${taskId}/complete`, { resolution: 'resolved' });
      if (!done || !expect(done, 'complete', [200])) return;
      ledger.completed.add(taskId);
      acknowledged += 1;
    }
  };

  /** With the server down: what the database holds against what was acknowledged. */
  const inspect = async (): Promise<{ lost: string[]; doubleClaims: number; integrity: string; chainOk: boolean; unsealed: number }> => {
    const database = openDatabase(settings);
    try {
      const db = database.unsafeKysely;
      // PostgreSQL replays its own log after a kill; the file-level check is SQLite's.
      let integrity = 'not applicable';
      if (database.engine === 'sqlite') {
        const rows = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
        integrity = rows.rows.map((r) => r.integrity_check).join('; ');
      }
      const tasks = new Map((await db.selectFrom('tasks').select(['id', 'status', 'assignee_id', 'claimed_at', 'resolution']).where('org_id', '=', org.orgId).execute()).map((r) => [r.id, r]));
      const attemptIds = new Set((await db.selectFrom('task_attempts').select('id').where('org_id', '=', org.orgId).execute()).map((r) => r.id));
      const events = await db
        .selectFrom('audit_events')
        .select(['action', 'resource_id', 'actor_id'])
        .where('org_id', '=', org.orgId)
        .where('action', 'in', ['task.created', 'task.claimed', 'task.attempt_logged', 'task.completed'])
        .execute();
      const seen = new Set(events.flatMap((e) => [`${e.action} ${e.resource_id}`, `${e.action} ${e.resource_id} ${e.actor_id}`]));
      const has = (action: string, id: string, actor?: string) => seen.has(actor === undefined ? `${action} ${id}` : `${action} ${id} ${actor}`);
      const byTask = new Map<string, Set<string>>();
      let claimEvents = 0;
      for (const e of events) {
        if (e.action !== 'task.claimed') continue;
        claimEvents += 1;
        byTask.set(e.resource_id!, (byTask.get(e.resource_id!) ?? new Set()).add(e.actor_id!));
      }
      // No callback is released or lapses here: a second claim of one task, by anyone, is a double claim.
      const doubleClaims = claimEvents - byTask.size + [...byTask.values()].filter((actors) => actors.size > 1).length;

      const lost: string[] = [];
      for (const [id, agent] of ledger.created) if (!tasks.has(id) || !has('task.created', id, agent)) lost.push(`created ${id}`);
      for (const [id, agent] of ledger.claimed) {
        const row = tasks.get(id);
        if (!row || row.assignee_id !== agent || row.claimed_at === null || !['claimed', 'completed'].includes(row.status) || !has('task.claimed', id, agent)) lost.push(`claimed ${id}`);
      }
      for (const [id, taskId] of ledger.attempts) if (!attemptIds.has(id) || !has('task.attempt_logged', taskId)) lost.push(`attempt ${id}`);
      for (const id of ledger.completed) {
        const row = tasks.get(id);
        if (row?.status !== 'completed' || row.resolution !== 'resolved' || !has('task.completed', id)) lost.push(`completed ${id}`);
      }
      const chain = await verifyOrganizationChain(database, org.orgId);
      return { lost, doubleClaims, integrity, chainOk: chain.ok, unsealed: chain.unsealed };
    } finally {
      await database.close();
    }
  };

  const syncs: Record<SqliteSynchronous, number> = { normal: 0, full: 0 };
  for (let round = 0; round < ROUNDS; round += 1) {
    // Every other round with FULL: the log synced at each commit changes the timing the kill meets.
    const synchronous: SqliteSynchronous = round % 2 === 1 ? 'full' : 'normal';
    syncs[synchronous] += 1;
    const t0 = performance.now();
    const server = await startServerProcess(serverEnv(settings, config, { RINGFENCE_AUDIT_SEAL_INTERVAL_MS: '100', RINGFENCE_SQLITE_SYNCHRONOUS: synchronous }));
    t.after(() => server.kill());
    restartMs.push(performance.now() - t0);

    let alive = true;
    const before = acknowledged;
    const flowFrom = performance.now();
    const loops = agents.map((agent, i) => writer(server.url, agent, i, () => alive));
    for (let waited = 0; acknowledged - before < FLOWING; waited += 10) {
      if (waited > 20_000) assert.fail(`round ${round}: writes never flowed (${ledger.unexpected.slice(0, 3).join(' | ')})\n${server.output()}`);
      if (ledger.unexpected.length > 0) break;
      await sleep(10);
    }
    flowMs.push(performance.now() - flowFrom);
    const delay = Math.round(KILL_WINDOW_MS[0] + Math.random() * (KILL_WINDOW_MS[1] - KILL_WINDOW_MS[0]));
    killDelays.push(delay);
    await sleep(delay);
    alive = false;
    await server.kill();
    await Promise.all(loops);
    assert.deepEqual(ledger.unexpected, [], `round ${round}: only the workflow's own answers\n${server.output()}`);

    const found = await inspect();
    assert.deepEqual(found.lost, [], `round ${round} (${synchronous}, killed ${delay} ms in): every acknowledged write is stored`);
    assert.equal(found.doubleClaims, 0, `round ${round}: no callback claimed twice`);
    assert.equal(ledger.claimedTwiceOverHttp, 0, `round ${round}: no callback answered as claimed to two agents`);
    if (settings.databaseUrl === null) assert.equal(found.integrity, 'ok', `round ${round}: PRAGMA integrity_check`);
    assert.ok(found.chainOk, `round ${round}: the sealed audit chain verifies`);
  }

  // One more start after the last kill: it must come up, and its sealer and graceful stop seal
  // what the killed ones left.
  const last = await startServerProcess(serverEnv(settings, config));
  t.after(() => last.kill());
  const health = await fetch(`${last.url}/api/health`);
  assert.equal(health.status, 200);
  assert.equal(await last.stop(), 0, last.output());
  const database = openDatabase(settings);
  try {
    await sealUntilSettled({ database }, org.orgId);
    const chain = await verifyOrganizationChain(database, org.orgId);
    assert.ok(chain.ok, JSON.stringify(chain.firstProblem));
    assert.equal(chain.unsealed, 0);
    const final = await inspect();
    assert.deepEqual(final.lost, []);

    report('crash', {
      rounds: ROUNDS,
      writers: WRITERS,
      ...(ENGINE === 'sqlite' ? { rounds_normal: syncs.normal, rounds_full: syncs.full } : {}),
      acknowledged_writes: acknowledged,
      tasks_created: ledger.created.size,
      tasks_completed: ledger.completed.size,
      unanswered_at_kill: unanswered,
      lost_writes: final.lost.length,
      double_claims: final.doubleClaims + ledger.claimedTwiceOverHttp,
      integrity: final.integrity,
      audit_events_sealed: chain.sealed,
      chain: chain.ok ? 'verified' : 'FAILED',
      kill_after_ms: `${Math.min(...killDelays)}-${Math.max(...killDelays)}`,
      seed_s: Math.round(seedSeconds * 10) / 10,
      restart_ms_max: Math.round(Math.max(...restartMs)),
      first_writes_ms_max: Math.round(Math.max(...flowMs)),
      seconds: Math.round((performance.now() - started) / 100) / 10,
    });
  } finally {
    await database.close();
  }
});
