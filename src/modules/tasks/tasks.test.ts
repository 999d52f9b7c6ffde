import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DateTime } from 'luxon';
import { PHI_GUARDED, VAULT_TEXT } from '../../platform/http/schemas.ts';
import { auditEvents, buildTestApp, createTestOrg, everythingStored, insertTestQueue, insertTestToken, signedInClient, type TestClient } from '../../../test/helpers.ts';

/** Synthetic PHI that exists only in this test. */
const PATIENT = { name: { given: 'Zephyrine', family: 'Quillfeather' }, phones: [{ number: '(555) 010-0466', type: 'mobile' as const }] };
const CLINICAL = 'Synthetic triage: wheezing since Tuesday, inhaler twice today';

async function setup(t: Parameters<typeof buildTestApp>[0], extraAgents = 0) {
  const app = await buildTestApp(t);
  const users: Record<string, [string, string | null] | []> = {
    agent: ['agent', 'A'],
    agent2: ['agent', 'A'],
    nurse: ['clinical_agent', 'A'],
    supervisor: ['supervisor', 'A'],
    agentB: ['agent', 'B'],
  };
  for (let i = 0; i < extraAgents; i += 1) users[`crowd${i}`] = ['agent', 'A'];
  const org = await createTestOrg(app, { clients: ['A', 'B'], users });
  const as = (key: string): Promise<TestClient> => signedInClient(app, org.orgId, key === 'admin' ? org.admin.id : org.users[key]!.id);
  const clientA = org.clients.A!;
  const queueA = await insertTestQueue(app, org.orgId, clientA, 'Refills');
  return { app, org, as, clientA, clientB: org.clients.B!, queueA };
}

test('intake: a task for a new patient, due per the client SLA, listed without PHI; PHI in the title is refused and nothing is stored', async (t) => {
  const { app, org, as, clientA, queueA } = await setup(t);
  const agent = await as('agent');
  const before = Date.now();
  const created = await agent.post('/api/tasks', { clientId: clientA, queueId: queueA, newPatient: PATIENT, reasonCode: 'refill', priority: 'urgent', title: 'Refill request, metformin' });
  assert.equal(created.status, 201, created.text);
  const task = created.body;
  assert.match(task.patientRef, /^P-[0-9A-Z]{6}$/);
  assert.equal(task.status, 'open');
  const due = Date.parse(task.dueAt) - Date.parse(task.createdAt);
  assert.equal(due, 15 * 60_000, 'urgent: due 15 minutes after intake by default');
  assert.ok(Date.parse(task.createdAt) >= before - 1000);

  const list = await agent.get(`/api/tasks?clientId=${clientA}`);
  assert.equal(list.status, 200);
  assert.equal(list.body.total, 1);
  for (const secret of ['Zephyrine', 'Quillfeather', '010-0466', '0100466']) assert.ok(!list.text.includes(secret), 'the task list carries no PHI');

  const refused = await agent.post('/api/tasks', { clientId: clientA, queueId: queueA, patientId: task.patientId, reasonCode: 'refill', priority: 'routine', title: 'Call back Zephyrine Quillfeather at 555-010-0466' });
  assert.equal(refused.status, 400);
  assert.equal(refused.body.type, 'urn:ringfence:problem:phi_detected');
  assert.deepEqual([...new Set(refused.body.spans.map((s: { type: string }) => s.type))].sort(), ['NAME', 'PHONE']);
  assert.ok(!refused.text.includes('Quillfeather'));
  assert.equal((await agent.get(`/api/tasks?clientId=${clientA}`)).body.total, 1, 'the refused task was not created');
  assert.ok(!(await everythingStored(app)).includes('Call back Zephyrine'));

  const unknownReason = await agent.post('/api/tasks', { clientId: clientA, queueId: queueA, patientId: task.patientId, reasonCode: 'gossip', priority: 'routine', title: 'Question' });
  assert.equal(unknownReason.status, 400);
  assert.equal(unknownReason.body.field, 'reasonCode');
  assert.equal(unknownReason.body.detail, 'The reason code is not one of the accepted values.');
  const otherClient = await agent.post('/api/tasks', { clientId: org.clients.B, queueId: queueA, patientId: task.patientId, reasonCode: 'refill', priority: 'routine', title: 'Question' });
  assert.equal(otherClient.status, 403);

  const events = await auditEvents(app, org.orgId);
  assert.ok(events.some((e) => e.action === 'task.created' && e.resource_id === task.id && e.patient_ref === task.patientRef));
});

test('intake through an API token is idempotent by Idempotency-Key: a retry returns the first task; another body with the key is a 422', async (t) => {
  const { app, org, clientA, queueA } = await setup(t);
  const { secret } = await insertTestToken(app, org.orgId, ['tasks:create', 'tasks:read'], [clientA]);
  const integration = app.client();
  integration.bearer = secret;
  const body = { clientId: clientA, queueId: queueA, newPatient: PATIENT, reasonCode: 'appointment', priority: 'routine', title: 'Appointment request from the phone tree' };
  const first = await integration.request('POST', '/api/tasks', body, { 'idempotency-key': 'call-7781-a' });
  assert.equal(first.status, 201, first.text);
  const again = await integration.request('POST', '/api/tasks', body, { 'idempotency-key': 'call-7781-a' });
  assert.equal(again.status, 201);
  assert.equal(again.headers.get('idempotent-replayed'), 'true');
  assert.equal(again.body.id, first.body.id);
  const changed = await integration.request('POST', '/api/tasks', { ...body, priority: 'urgent' }, { 'idempotency-key': 'call-7781-a' });
  assert.equal(changed.status, 422);
  assert.equal(changed.body.field, 'Idempotency-Key');
  const concurrent = await Promise.all(Array.from({ length: 5 }, () => integration.request('POST', '/api/tasks', { ...body, title: 'Another call' }, { 'idempotency-key': 'call-7782' })));
  const ok = concurrent.filter((r) => r.status === 201);
  assert.ok(ok.length >= 1 && concurrent.every((r) => r.status === 201 || r.status === 409), concurrent.map((r) => r.status).join());
  assert.equal(new Set(ok.map((r) => r.body.id)).size, 1, 'one task for one key, however many retries race');
  const list = await integration.get(`/api/tasks?clientId=${clientA}`);
  assert.equal(list.body.total, 2);
  const bad = await integration.request('POST', '/api/tasks', body, { 'idempotency-key': 'has spaces in it' });
  assert.equal(bad.status, 400);
});

test('claim next: most urgent first; under 50 concurrent agents every task is handed out exactly once', async (t) => {
  const { app, org, as, clientA, queueA } = await setup(t, 50);
  const supervisor = await as('supervisor');
  const patient = (await supervisor.post('/api/patients', { clientId: clientA, ...PATIENT })).body.patient.id as string;
  const make = (priority: string, title: string) => supervisor.post('/api/tasks', { clientId: clientA, queueId: queueA, patientId: patient, reasonCode: 'refill', priority, title });
  assert.equal((await make('routine', 'Routine first in')).status, 201);
  const urgent = (await make('urgent', 'Urgent second in')).body;
  const emergent = (await make('emergent', 'Emergent last in')).body;
  const agent = await as('agent');
  assert.equal((await agent.post('/api/tasks/claim-next', {})).body.id, emergent.id);
  assert.equal((await agent.post('/api/tasks/claim-next', {})).body.id, urgent.id);
  const agentB = await as('agentB');
  assert.equal((await agentB.post('/api/tasks/claim-next', {})).status, 204, 'nothing of client A for an agent of client B');

  for (let i = 0; i < 30; i += 1) assert.equal((await make(i % 3 === 0 ? 'urgent' : 'routine', `Batch callback ${i}`)).status, 201);
  const crowd = await Promise.all(Array.from({ length: 50 }, (_, i) => as(`crowd${i}`)));
  const answers = await Promise.all(crowd.map((c) => c.post('/api/tasks/claim-next', {})));
  const claimed = answers.filter((r) => r.status === 200).map((r) => r.body.id as string);
  assert.ok(answers.every((r) => r.status === 200 || r.status === 204), answers.map((r) => `${r.status} ${r.body?.detail ?? ''}`).join());
  assert.equal(claimed.length, 31, 'the 30 new tasks and the routine one, each once');
  assert.equal(new Set(claimed).size, claimed.length, 'no task handed to two agents');
  const rows = await app.tenant(org.orgId).selectFrom('tasks').select(['id', 'assignee_id', 'status']).execute();
  assert.ok(rows.every((r) => r.status === 'claimed'));
  assert.equal(new Set(rows.map((r) => r.assignee_id)).size, rows.length - 1, 'each claimer holds one task (the first agent two)');
});

test('attempts follow the client policy: waits between tries, escalates after the last, reached then completed with a follow-up', async (t) => {
  const { app, org, as, clientA, queueA } = await setup(t);
  const admin = await as('admin');
  const policy = (await admin.get(`/api/clients/${clientA}`)).body.callbackPolicy;
  assert.equal((await admin.patch(`/api/clients/${clientA}`, { callbackPolicy: { ...policy, maxAttempts: 2, retryMinutes: 20 } })).status, 200);
  const badPolicy = await admin.patch(`/api/clients/${clientA}`, { callbackPolicy: { ...policy, businessHours: [{ day: 1, open: '17:00', close: '08:00' }] } });
  assert.equal(badPolicy.status, 400);
  const agent = await as('agent');
  const supervisor = await as('supervisor');
  const created = (await agent.post('/api/tasks', { clientId: clientA, queueId: queueA, newPatient: PATIENT, reasonCode: 'results', priority: 'routine', title: 'Lab results question' })).body;

  const notMine = await agent.post(`/api/tasks/${created.id}/attempts`, { channel: 'phone', outcome: 'no_answer' });
  assert.equal(notMine.status, 409, 'claim first');
  assert.equal((await agent.post('/api/tasks/claim-next', {})).body.id, created.id);
  const first = await agent.post(`/api/tasks/${created.id}/attempts`, { channel: 'phone', outcome: 'no_answer', note: 'No answer, no voicemail box' });
  assert.equal(first.status, 201, first.text);
  assert.equal(first.body.task.status, 'waiting');
  assert.equal(first.body.task.assigneeId, null);
  const wait = Date.parse(first.body.task.readyAt) - Date.parse(first.body.attempt.attemptedAt);
  assert.equal(wait, 20 * 60_000, 'next attempt after the policy wait');
  assert.equal((await agent.post('/api/tasks/claim-next', {})).status, 204, 'not workable before its next attempt time');

  // The wait passes; the second and last attempt escalates to a supervisor.
  await app.tenant(org.orgId).updateTable('tasks').set({ ready_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', created.id).execute();
  assert.equal((await agent.post('/api/tasks/claim-next', {})).body.id, created.id);
  const phi = await agent.post(`/api/tasks/${created.id}/attempts`, { channel: 'voicemail', outcome: 'voicemail_left', note: 'Left message for Zephyrine' });
  assert.equal(phi.status, 400, 'the attempt note is PHI-guarded');
  const last = await agent.post(`/api/tasks/${created.id}/attempts`, { channel: 'voicemail', outcome: 'voicemail_left', note: 'Left the standard script' });
  assert.equal(last.body.task.status, 'escalated');
  assert.equal(last.body.task.attemptCount, 2);

  // The supervisor hands it back; the agent reaches the patient and completes it with a follow-up.
  const agentId = org.users.agent!.id;
  const assigned = await supervisor.post(`/api/tasks/${created.id}/supervise`, { assigneeId: agentId });
  assert.equal(assigned.status, 200, assigned.text);
  assert.equal(assigned.body.status, 'claimed');
  assert.equal((await supervisor.post(`/api/tasks/${created.id}/supervise`, { assigneeId: org.users.agentB!.id })).status, 400, 'not a person of this client');
  const reached = await agent.post(`/api/tasks/${created.id}/attempts`, { channel: 'phone', outcome: 'reached' });
  assert.equal(reached.body.task.status, 'claimed');
  const done = await agent.post(`/api/tasks/${created.id}/complete`, {
    resolution: 'information_given',
    followUp: { reasonCode: 'appointment', priority: 'routine', title: 'Book follow-up visit in two weeks' },
  });
  assert.equal(done.status, 200, done.text);
  assert.equal(done.body.task.status, 'completed');
  assert.equal(done.body.followUp.parentTaskId, created.id);
  assert.equal(done.body.followUp.patientRef, created.patientRef);
  const detail = await agent.get(`/api/tasks/${created.id}`);
  assert.deepEqual(
    detail.body.attempts.map((a: { outcome: string }) => a.outcome),
    ['no_answer', 'voicemail_left', 'reached'],
  );
  assert.equal((await agent.post(`/api/tasks/${created.id}/attempts`, { channel: 'phone', outcome: 'reached' })).status, 409, 'a completed task takes no attempts');

  const actions = (await auditEvents(app, org.orgId)).filter((e) => e.resource_id === created.id).map((e) => e.action);
  for (const a of ['task.created', 'task.claimed', 'task.attempt_logged', 'task.escalated', 'task.assigned', 'task.completed']) assert.ok(actions.includes(a), a);
});

test('a wrong number after details were given escalates and flags an incident review; after the last attempt a client may close as unreachable', async (t) => {
  const { as, clientA, queueA } = await setup(t);
  const agent = await as('agent');
  const created = (await agent.post('/api/tasks', { clientId: clientA, queueId: queueA, newPatient: PATIENT, reasonCode: 'billing', priority: 'routine', title: 'Billing question' })).body;
  await agent.post('/api/tasks/claim-next', {});
  const bad = await agent.post(`/api/tasks/${created.id}/attempts`, { channel: 'phone', outcome: 'busy', disclosure: 'details_given' });
  assert.equal(bad.status, 400, 'disclosure applies to a wrong number only');
  const wrong = await agent.post(`/api/tasks/${created.id}/attempts`, { channel: 'phone', outcome: 'wrong_number', disclosure: 'details_given' });
  assert.equal(wrong.body.task.status, 'escalated');
  assert.equal(wrong.body.task.incidentFlag, 'wrong_number_after_details');

  const admin = await as('admin');
  const policy = (await admin.get(`/api/clients/${clientA}`)).body.callbackPolicy;
  await admin.patch(`/api/clients/${clientA}`, { callbackPolicy: { ...policy, maxAttempts: 1, afterLastAttempt: 'close' } });
  const second = (await agent.post('/api/tasks', { clientId: clientA, queueId: queueA, patientId: created.patientId, reasonCode: 'billing', priority: 'routine', title: 'Billing question again' })).body;
  assert.equal((await agent.post('/api/tasks/claim-next', {})).body.id, second.id);
  const once = await agent.post(`/api/tasks/${second.id}/attempts`, { channel: 'phone', outcome: 'no_answer' });
  assert.equal(once.body.task.status, 'completed');
  assert.equal(once.body.task.resolution, 'unreachable');
});

test('routine tasks are due by the close of the client’s business day in its time zone', async (t) => {
  const { as, clientA, queueA } = await setup(t);
  const admin = await as('admin');
  await admin.patch(`/api/clients/${clientA}`, { timeZone: 'Pacific/Honolulu' });
  const agent = await as('agent');
  const created = (await agent.post('/api/tasks', { clientId: clientA, queueId: queueA, newPatient: PATIENT, reasonCode: 'refill', priority: 'routine', title: 'Routine refill' })).body;
  const due = DateTime.fromISO(created.dueAt, { zone: 'Pacific/Honolulu' });
  assert.equal(due.toFormat('HH:mm'), '17:00');
  assert.ok(due.weekday <= 5);
  assert.ok(due > DateTime.fromISO(created.createdAt));
});

test('clinical messages: encrypted at rest, readable only with the clinical category, each read a phi.read event', async (t) => {
  const { app, org, as, clientA, queueA } = await setup(t);
  const agent = await as('agent');
  const nurse = await as('nurse');
  const created = (await agent.post('/api/tasks', { clientId: clientA, queueId: queueA, newPatient: PATIENT, reasonCode: 'clinical', priority: 'urgent', title: 'Breathing question for triage' })).body;
  assert.equal((await agent.post(`/api/tasks/${created.id}/messages`, { body: CLINICAL })).status, 403, 'an agent may not write clinical detail');
  const added = await nurse.post(`/api/tasks/${created.id}/messages`, { body: CLINICAL });
  assert.equal(added.status, 201, added.text);
  assert.ok(!(await everythingStored(app)).includes('wheezing'), 'stored as ciphertext only');
  assert.equal((await agent.get(`/api/tasks/${created.id}/messages`)).status, 403);
  const read = await nurse.get(`/api/tasks/${created.id}/messages`);
  assert.deepEqual(
    read.body.items.map((m: { body: string }) => m.body),
    [CLINICAL],
  );
  assert.equal((await agent.get(`/api/tasks/${created.id}`)).body.messages, 1);
  const reads = (await auditEvents(app, org.orgId)).filter((e) => e.action === 'phi.read' && e.resource_id === created.id);
  assert.equal(reads.length, 1);
  assert.equal(reads[0]!.actor_id, org.users.nurse!.id);

  // The contract says what the text is: clinical PHI for the vault, not operational text for the PHI guard.
  const openapi = (await app.client().get('/api/docs/json')).body;
  const body = openapi.paths['/api/tasks/{id}/messages'].post.requestBody.content['application/json'].schema.properties.body;
  assert.equal(body[VAULT_TEXT], 'clinical');
  assert.equal(body[PHI_GUARDED], undefined);
  assert.equal(body.maxLength, 4000);
});

test('supervisor board: counts by status and SLA breaches per queue', async (t) => {
  const { app, org, as, clientA, queueA } = await setup(t);
  const agent = await as('agent');
  const mk = (priority: string) => agent.post('/api/tasks', { clientId: clientA, queueId: queueA, newPatient: PATIENT, reasonCode: 'refill', priority, title: 'Board task' });
  const late = (await mk('urgent')).body;
  await mk('routine');
  await app.tenant(org.orgId).updateTable('tasks').set({ due_at: new Date(Date.now() - 60_000).toISOString() }).where('id', '=', late.id).execute();
  await agent.post('/api/tasks/claim-next', {});
  const supervisor = await as('supervisor');
  const board = await supervisor.get(`/api/board?clientId=${clientA}`);
  assert.equal(board.status, 200);
  const row = board.body.items.find((r: { queueId: string }) => r.queueId === queueA);
  assert.deepEqual(row.counts, { open: 1, claimed: 1, waiting: 0, escalated: 0 });
  assert.equal(row.breached, 1);
  const overdue = await supervisor.get(`/api/tasks?clientId=${clientA}&overdue=true`);
  assert.deepEqual(
    overdue.body.items.map((x: { id: string }) => x.id),
    [late.id],
  );
});

test('live updates: a task change is pushed to the screens of people working that client, as ids and statuses only', async (t) => {
  const { app, as, clientA, queueA } = await setup(t);
  const agent = await as('agent');
  const agentB = await as('agentB');
  const listen = async (client: TestClient) => {
    const controller = new AbortController();
    t.after(() => controller.abort());
    const res = await fetch(`${app.url}/api/events?wait=10`, { headers: { cookie: client.cookie! }, signal: controller.signal });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
    const reader = res.body!.getReader();
    let text = '';
    return {
      /** Reads until an event arrives (or `ms` pass); the text received so far. */
      async next(ms: number): Promise<string> {
        const deadline = Date.now() + ms;
        while (!text.includes('event: task') && Date.now() < deadline) {
          const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), Math.max(1, deadline - Date.now())))]);
          if (chunk === null || chunk.done) break;
          text += new TextDecoder().decode(chunk.value);
        }
        return text;
      },
    };
  };
  const mine = await listen(agent);
  const other = await listen(agentB);
  const created = (await agent.post('/api/tasks', { clientId: clientA, queueId: queueA, newPatient: PATIENT, reasonCode: 'refill', priority: 'urgent', title: 'Live refill question' })).body;
  const seen = await mine.next(5000);
  const data = JSON.parse(/data: (.*)\n/.exec(seen)![1]!);
  assert.deepEqual(data, { taskId: created.id, clientId: clientA, queueId: queueA, status: 'open', action: 'task.created' });
  assert.ok(!seen.includes('Zephyrine') && !seen.includes('Live refill'), 'no PHI and no text in the stream');
  assert.ok(!(await other.next(300)).includes('event: task'), 'nothing for a person of another client');
});

test('a callback window: ready when it opens, due from its start and by its end; an impossible window is a 400 naming callbackBefore; a follow-up takes its own time and priority', async (t) => {
  const { app, org, as, clientA, queueA } = await setup(t);
  const agent = await as('agent');
  const hour = 3_600_000;
  const after = new Date(Date.now() + 2 * hour);
  const before = new Date(Date.now() + 3 * hour);
  // The start is sent with an offset; it is stored and answered in UTC.
  const offset = DateTime.fromJSDate(after, { zone: 'America/Chicago' }).toISO()!;
  const created = await agent.post('/api/tasks', { clientId: clientA, queueId: queueA, newPatient: PATIENT, reasonCode: 'refill', priority: 'urgent', title: 'Refill, call after work', callbackAfter: offset, callbackBefore: before.toISOString() });
  assert.equal(created.status, 201, created.text);
  assert.equal(created.body.callbackAfter, after.toISOString());
  assert.equal(created.body.readyAt, after.toISOString());
  assert.equal(created.body.dueAt, new Date(after.getTime() + 15 * 60_000).toISOString(), 'urgent: 15 minutes from the window’s start');
  assert.equal((await agent.post('/api/tasks/claim-next', {})).status, 204, 'not workable before its window opens');
  const row = await app.tenant(org.orgId).selectFrom('tasks').select(['ready_at', 'due_at']).where('id', '=', created.body.id).executeTakeFirstOrThrow();
  assert.equal(new Date(row.ready_at).toISOString(), after.toISOString());

  const short = await agent.post('/api/tasks', { clientId: clientA, queueId: queueA, patientId: created.body.patientId, reasonCode: 'refill', priority: 'routine', title: 'Before lunch', callbackBefore: new Date(Date.now() + 10 * 60_000).toISOString() });
  assert.equal(short.status, 201, short.text);
  assert.ok(Date.parse(short.body.dueAt) <= Date.now() + 10 * 60_000, 'due by the window’s end, not the close of business');

  const backwards = await agent.post('/api/tasks', { clientId: clientA, queueId: queueA, patientId: created.body.patientId, reasonCode: 'refill', priority: 'routine', title: 'Backwards', callbackAfter: before.toISOString(), callbackBefore: after.toISOString() });
  assert.equal(backwards.status, 400);
  assert.equal(backwards.body.field, 'callbackBefore');
  assert.equal(backwards.body.detail, 'The callback window must end later than it starts.');
  const past = await agent.post('/api/tasks', { clientId: clientA, queueId: queueA, patientId: created.body.patientId, reasonCode: 'refill', priority: 'routine', title: 'Too late', callbackBefore: new Date(Date.now() - 60_000).toISOString() });
  assert.equal(past.status, 400);
  assert.match(past.body.detail, /^The callback window has already ended: its end must be in the future\.$/);

  // Completion chains a follow-up at a chosen time and priority.
  await app.tenant(org.orgId).updateTable('tasks').set({ ready_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', short.body.id).execute();
  assert.equal((await agent.post('/api/tasks/claim-next', {})).body.id, short.body.id);
  const tomorrow = new Date(Date.now() + 24 * hour);
  const done = await agent.post(`/api/tasks/${short.body.id}/complete`, { resolution: 'refill_sent', followUp: { reasonCode: 'results', priority: 'urgent', callbackAfter: tomorrow.toISOString(), title: 'Check the refill worked' } });
  assert.equal(done.status, 200, done.text);
  assert.equal(done.body.followUp.priority, 'urgent');
  assert.equal(done.body.followUp.reasonCode, 'results');
  assert.equal(done.body.followUp.readyAt, tomorrow.toISOString());
  assert.equal(done.body.followUp.dueAt, new Date(tomorrow.getTime() + 15 * 60_000).toISOString());
  await app.tenant(org.orgId).updateTable('tasks').set({ ready_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', created.body.id).execute();
  assert.equal((await agent.post('/api/tasks/claim-next', {})).body.id, created.body.id);
  const refused = await agent.post(`/api/tasks/${created.body.id}/complete`, { resolution: 'resolved', followUp: { reasonCode: 'refill', priority: 'routine', callbackBefore: new Date(Date.now() - 1000).toISOString(), title: 'Never' } });
  assert.equal(refused.status, 400);
  assert.equal(refused.body.field, 'callbackBefore');
  assert.equal((await agent.get(`/api/tasks/${created.body.id}`)).body.task.status, 'claimed', 'the refused completion changed nothing');
});

test('changes of one task at once take turns: simultaneous attempts get numbers 1…n, and an attempt racing a completion leaves one of them refused', async (t) => {
  const { app, org, as, clientA, queueA } = await setup(t);
  const agent = await as('agent');
  const intake = await agent.post('/api/tasks', { clientId: clientA, queueId: queueA, newPatient: PATIENT, reasonCode: 'refill', priority: 'routine', title: 'Refill request' });
  assert.equal(intake.status, 201, intake.text);
  assert.equal((await agent.post('/api/tasks/claim-next', {})).body.id, intake.body.id);
  const id = intake.body.id as string;

  const attempts = await Promise.all(Array.from({ length: 6 }, () => agent.post(`/api/tasks/${id}/attempts`, { channel: 'phone', outcome: 'reached' })));
  assert.deepEqual(attempts.map((a) => a.status), [201, 201, 201, 201, 201, 201], attempts.map((a) => a.text).join('\n'));
  assert.deepEqual(attempts.map((a) => a.body.attempt.number as number).sort((a, b) => a - b), [1, 2, 3, 4, 5, 6]);

  // No answer moves the task on (to wait, or past the last attempt); a completion sent at the same moment must not undo that, nor the reverse.
  const [attempt, complete] = await Promise.all([agent.post(`/api/tasks/${id}/attempts`, { channel: 'phone', outcome: 'no_answer' }), agent.post(`/api/tasks/${id}/complete`, { resolution: 'resolved' })]);
  const outcome = [attempt.status, complete.status];
  assert.ok(outcome.join() === '201,409' || outcome.join() === '409,200', `one goes through, the other is refused: ${attempt.text}\n${complete.text}`);
  const stored = await app.tenant(org.orgId).selectFrom('tasks').select(['status', 'attempt_count']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual(stored, attempt.status === 201 ? { status: attempt.body.task.status, attempt_count: 7 } : { status: 'completed', attempt_count: 6 });
  assert.notEqual(stored.status, attempt.status === 201 ? 'completed' : 'waiting');
});
