import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { SMTPServer } from 'smtp-server';
import type { ScheduleDocument } from '../../src/modules/oncall/schedule.ts';
import { createUrgentMessage } from '../../src/modules/oncall/urgent.service.ts';
import { createTask } from '../../src/modules/tasks/intake.service.ts';
import { createQueue } from '../../src/modules/tasks/queues.service.ts';
import { createPatient } from '../../src/modules/patients/patients.service.ts';
import { unsafeSystemContext } from '../../src/platform/system-context.ts';
import { assignBenchRole, benchSession, createBenchClient, createBenchOrg, jsonClient, listen, sessionCookie, type BenchApp, type Benchmark } from '../harness.ts';
import { LatencyRecorder, round } from '../stats.ts';

const CLIENTS = 200;
const CONNECTIONS = 10;

/** A client's week: nights and weekends by two rotations, daytime by a third, a few overrides. */
function schedule(people: string[], i: number): ScheduleDocument {
  const [a, b, c] = [people[i % people.length]!, people[(i + 1) % people.length]!, people[(i + 2) % people.length]!];
  const shift = (rrule: string, start: string, end: string, primary: string, backups: string[], startDate = '2025-01-06') => ({ id: randomUUID(), rrule, startDate, untilDate: null, start, end, primary, backups });
  return {
    rotations: [
      { id: randomUUID(), name: 'Days', shifts: [shift('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', '08:00', '17:00', a, [b])] },
      { id: randomUUID(), name: 'Nights', shifts: [shift('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR', '17:00', '08:00', b, [c]), shift('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR', '17:00', '08:00', c, [a], '2025-01-13')] },
      { id: randomUUID(), name: 'Weekend', shifts: [shift('FREQ=WEEKLY;BYDAY=SA,SU', '00:00', '00:00', c, [a, b])] },
    ],
    overrides: Array.from({ length: 10 }, (_, k) => ({ id: randomUUID(), start: `2026-12-${String(10 + k).padStart(2, '0')}T18:00`, end: `2026-12-${String(11 + k).padStart(2, '0')}T07:00`, primary: a, backups: null, kind: 'cover' as const })),
  };
}

/** A relay on a loopback port that accepts every message, noting when each arrived and to whom. */
async function startRelay(env: Parameters<Benchmark['run']>[0]): Promise<{ port: number; arrivals: { to: string; at: number; text: string }[] }> {
  const arrivals: { to: string; at: number; text: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const at = performance.now();
        for (const r of session.envelope.rcptTo) arrivals.push({ to: r.address, at, text: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  env.defer(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const address = server.server.address();
  return { port: typeof address === 'object' && address ? address.port : 0, arrivals };
}

/** An organization whose e-mail channel goes to the loopback relay, a client with a supervisor, and providers with verified addresses. */
async function pagingOrg(bench: BenchApp, env: Parameters<Benchmark['run']>[0], providers: number) {
  const relay = await startRelay(env);
  const org = await createBenchOrg(bench, providers + 2);
  const tenant = bench.tenant(org.orgId);
  const now = new Date().toISOString();
  const vendorId = randomUUID();
  await tenant.insertInto('vendors', { id: vendorId, name: 'Bench Relay', services: '["email"]', handles_phi: 1, status: 'active', notes: null, created_at: now, updated_at: now }).execute();
  await tenant
    .insertInto('baas', { id: randomUUID(), client_id: null, vendor_id: vendorId, status: 'signed', effective_on: '2020-01-01', ends_on: null, counterparty_signer: null, breach_notice_days: 30, termination_disposition: 'destroy', notes: null, document_enc: null, document_name: null, document_bytes: null, document_sha256: null, created_by: null, created_at: now, updated_at: now })
    .execute();
  await tenant
    .insertInto('notification_channels', { id: randomUUID(), kind: 'email', vendor_id: vendorId, settings: JSON.stringify({ host: '127.0.0.1', port: relay.port, secure: false, fromAddress: 'pages@bench.example.test' }), credentials_enc: null, status: 'enabled', created_by: null, created_at: now, updated_at: now })
    .execute();
  const clientId = await createBenchClient(bench, org.orgId, 'Bench Family Practice');
  await tenant
    .insertInto('baas', { id: randomUUID(), client_id: clientId, vendor_id: null, status: 'signed', effective_on: '2020-01-01', ends_on: null, counterparty_signer: null, breach_notice_days: 30, termination_disposition: 'destroy', notes: null, document_enc: null, document_name: null, document_bytes: null, document_sha256: null, created_by: null, created_at: now, updated_at: now })
    .execute();
  const [agentId, supervisorId, ...providerIds] = org.userIds.slice(1);
  await assignBenchRole(bench, org.orgId, agentId!, 'clinical_agent', clientId);
  await assignBenchRole(bench, org.orgId, supervisorId!, 'supervisor', clientId);
  for (const [i, id] of providerIds.entries()) {
    await assignBenchRole(bench, org.orgId, id, 'provider', clientId);
    await tenant
      .insertInto('oncall_contact_points', { id: randomUUID(), user_id: id, kind: 'email', address: `provider${i}@bench.example.test`, position: 0, verified_at: now, code_hash: null, code_expires_at: null, code_attempts: 0, created_at: now })
      .execute();
  }
  const doc: ScheduleDocument = {
    rotations: [{ id: randomUUID(), name: 'Around the clock', shifts: [{ id: randomUUID(), rrule: 'FREQ=DAILY', startDate: '2025-01-01', untilDate: null, start: '00:00', end: '00:00', primary: providerIds[0]!, backups: providerIds.slice(1, 3) }] }],
    overrides: [],
  };
  await tenant.insertInto('oncall_schedule_versions', { id: randomUUID(), client_id: clientId, version: 1, effective_from: '2020-01-01T00:00:00.000Z', document: JSON.stringify(doc), created_by: null, created_at: now }).execute();
  return { org, relay, clientId, agentId: agentId!, supervisorId: supervisorId!, providerIds };
}

/** "Who is on call at T" over HTTP, 200 clients each with its own schedule, instants spread over a year. */
export const onCallAt: Benchmark = {
  name: 'oncall.at',
  description: `GET /api/clients/{id}/on-call?at= over ${CLIENTS} clients' schedules (3 rotations, 10 overrides each): one at a time (p50/p99; target p99 < 5 ms), then ${CONNECTIONS} connections (autocannon)`,
  async run(env) {
    const bench = await env.startApp();
    const org = await createBenchOrg(bench, 6);
    const tenant = bench.tenant(org.orgId);
    const providers = org.userIds.slice(1);
    const clients: string[] = [];
    const now = new Date().toISOString();
    for (let i = 0; i < CLIENTS; i += 1) {
      const id = await createBenchClient(bench, org.orgId);
      clients.push(id);
      await tenant.insertInto('oncall_schedule_versions', { id: randomUUID(), client_id: id, version: 1, effective_from: '2024-01-01T00:00:00.000Z', document: JSON.stringify(schedule(providers, i)), created_by: null, created_at: now }).execute();
    }
    for (const id of providers) await assignBenchRole(bench, org.orgId, id, 'provider', null);
    const cookie = await sessionCookie(bench, org.orgId, org.adminId);
    const base = await listen(bench.app);
    const probe = await fetch(`${base}/api/clients/${clients[0]}/on-call?at=2027-03-14T08:30:00.000Z`, { headers: { cookie } });
    if (probe.status !== 200) throw new Error(`on-call answered ${probe.status}: ${await probe.text()}`);
    const urls = Array.from({ length: 1000 }, (_, i) => `/api/clients/${clients[i % CLIENTS]}/on-call?at=${new Date(Date.UTC(2026, 0, 1) + i * 31_536_000).toISOString()}`);
    // One at a time first (the latency a screen or a paging decision waits), then 10 connections for throughput.
    const http = jsonClient(base, { cookie });
    env.defer(() => http.close());
    const latency = new LatencyRecorder();
    const until = performance.now() + env.settings.warmupMs + env.settings.durationMs;
    const measureFrom = performance.now() + env.settings.warmupMs;
    for (let n = 0; performance.now() < until; n += 1) {
      const t0 = performance.now();
      const res = await http.request('GET', urls[n % urls.length]!);
      if (res.status !== 200) throw new Error(`on-call answered ${res.status}: ${res.text}`);
      if (t0 >= measureFrom) latency.record(performance.now() - t0);
    }
    // Each connection walks the list of requests in turn: 1,000 client-and-instant pairs.
    const options = { url: base, connections: CONNECTIONS, workers: 1, headers: { cookie }, requests: urls.map((path) => ({ method: 'GET', path })) };
    const result = await autocannon({ ...options, duration: env.settings.durationMs / 1000 });
    const failed = result.non2xx + result.errors;
    const s = latency.summary();
    return {
      ops_per_s: s.count / (env.settings.durationMs / 1000),
      p50_ms: s.p50,
      p99_ms: s.p99,
      figures: { clients: CLIENTS, target_p99_ms: 5, [`rps_${CONNECTIONS}conn`]: round(result.requests.average), [`p99_ms_${CONNECTIONS}conn`]: result.latency.p99 },
      ...(failed > 0 ? { failure: `${result.non2xx} non-2xx answers and ${result.errors} connection errors` } : {}),
    };
  },
};

/** An emergent intake over HTTP to the page accepted by the loopback SMTP server, one at a time (automatic paging, the job engine, the channel). */
export const onCallPage: Benchmark = {
  name: 'oncall.page',
  description: 'emergent intake (POST /api/tasks) to the page accepted by a loopback SMTP server, one at a time; target p99 < 2 s',
  async run(env) {
    const bench = await env.startApp({}, { background: true });
    const { org, relay, clientId, agentId } = await pagingOrg(bench, env, 3);
    const ctx = unsafeSystemContext(bench.database, bench.app.platform.keyring, org.orgId, 'supervisor');
    const queueId = (await createQueue(ctx, { clientId, name: 'Triage' })).id;
    const patients = [];
    for (let i = 0; i < 20; i += 1) patients.push((await createPatient(ctx, { clientId, name: { given: 'Bench', family: `Caller${i}` } })).patient.id);
    const session = await benchSession(bench, org.orgId, agentId);
    const http = jsonClient(await listen(bench.app), { cookie: session.cookie, 'x-csrf-token': session.csrfToken });
    env.defer(() => http.close());
    const primary = 'provider0@bench.example.test';
    const latency = new LatencyRecorder();
    const end = performance.now() + env.settings.warmupMs + env.settings.durationMs;
    let i = 0;
    while (performance.now() < end && i < 500) {
      const before = relay.arrivals.filter((a) => a.to === primary).length;
      const started = performance.now();
      const res = await http.request('POST', '/api/tasks', { clientId, queueId, patientId: patients[i % patients.length], reasonCode: 'clinical', priority: 'emergent', title: 'Emergent callback' });
      if (res.status !== 201) throw new Error(`intake answered ${res.status}: ${res.text}`);
      for (let waited = 0; relay.arrivals.filter((a) => a.to === primary).length === before; waited += 1) {
        if (waited > 1000) throw new Error('no page arrived within 10 s of an emergent intake');
        await new Promise((r) => setTimeout(r, 10));
      }
      // The first two warm the job engine's queues and the relay's connection: not counted.
      if (i >= 2) latency.record(relay.arrivals.filter((a) => a.to === primary).at(-1)!.at - started);
      i += 1;
    }
    const s = latency.summary();
    // The chains still running stop here: nothing more is paged while the app closes.
    await bench.tenant(org.orgId).updateTable('urgent_messages').set({ next_step: -1 }).execute();
    return { ops_per_s: s.count / (env.settings.durationMs / 1000), p50_ms: s.p50, p99_ms: s.p99, figures: { pages: s.count, max_ms: round(s.max), target_p99_ms: 2000 } };
  },
};

/**
 * 1,000 open pages with running escalation clocks: pages are opened over the first 30 s (as
 * calls come in), each paged again after 20 s and escalated to the backup after 40 s, e-mailed
 * through a loopback SMTP server. Measured: how late each timed step (every step after the
 * first) ran after its planned time.
 */
export const onCallTimers: Benchmark = {
  name: 'oncall.timers',
  description: '1,000 open pages opened over 30 s, each paged again after 20 s and escalated after 40 s, e-mailed through a loopback SMTP server: lateness of each timed step; target p99 < 1 s (about 75 s a run)',
  async run(env) {
    const bench = await env.startApp({}, { background: true });
    const { org, clientId } = await pagingOrg(bench, env, 3);
    const tenant = bench.tenant(org.orgId);
    await tenant
      .insertInto('oncall_settings', {
        client_id: clientId,
        settings: JSON.stringify({ coverage: 'always', ackWindowSeconds: { emergent: 40, urgent: 40 }, renotifyEverySeconds: 20, renotifyTimes: 1, stopOn: 'acknowledged', autoPageEmergent: false, escalationUserIds: [] }),
        updated_by: null,
        updated_at: new Date().toISOString(),
      })
      .execute();
    const ctx = unsafeSystemContext(bench.database, bench.app.platform.keyring, org.orgId, 'supervisor');
    const queueId = (await createQueue(ctx, { clientId, name: 'Triage' })).id;
    const patientId = (await createPatient(ctx, { clientId, name: { given: 'Bench', family: 'Caller' } })).patient.id;
    const PAGES = 1000;
    const OPEN_OVER_MS = 30_000;
    const started = performance.now();
    for (let i = 0; i < PAGES; i += 1) {
      const due = started + (i * OPEN_OVER_MS) / PAGES;
      if (performance.now() < due) await new Promise((r) => setTimeout(r, due - performance.now()));
      const task = await createTask(ctx, { clientId, queueId, patientId, reasonCode: 'clinical', priority: 'urgent', title: 'Urgent callback' });
      await createUrgentMessage(ctx, bench.app.platform.jobs, { taskId: task.id, body: 'Bench: a question for the provider.' });
    }
    const createdIn = performance.now() - started;
    // Until the last page's escalation to the backup (40 s after it opened) has run.
    await new Promise((r) => setTimeout(r, 45_000));
    await tenant.updateTable('urgent_messages').set({ next_step: -1 }).execute();
    const messages = await tenant.selectFrom('urgent_messages').select(['id', 'created_at', 'plan']).execute();
    const created = new Map(messages.map((m) => [m.id, { at: Date.parse(new Date(m.created_at).toISOString()), plan: JSON.parse(m.plan) as { at: number }[] }]));
    const events = await tenant.selectFrom('urgent_message_events').select(['message_id', 'step', 'at']).where('kind', '=', 'paged').execute();
    const lateness = new LatencyRecorder();
    const seen = new Set<string>();
    for (const e of events) {
      const key = `${e.message_id}/${e.step}`;
      if (seen.has(key) || e.step === null || Number(e.step) === 0 || Number(e.step) > 2) continue;
      seen.add(key);
      const m = created.get(e.message_id)!;
      lateness.record(Math.max(0, Date.parse(new Date(e.at).toISOString()) - (m.at + m.plan[Number(e.step)]!.at * 1000)));
    }
    const s = lateness.summary();
    const expected = PAGES * 2;
    return {
      ops_per_s: s.count / ((createdIn + 45_000) / 1000),
      p50_ms: s.p50,
      p99_ms: s.p99,
      figures: { pages: PAGES, timed_steps: s.count, expected_steps: expected, opened_s: round(createdIn / 1000, 1), max_ms: round(s.max), target_p99_ms: 1000 },
      ...(s.count < expected ? { failure: `${expected - s.count} timed steps did not run` } : {}),
    };
  },
};
