import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test, type TestContext } from 'node:test';
import { buildApp } from '../../app.ts';
import { addMonths, today } from '../../platform/calendar.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { tenantDb } from '../../platform/db/tenant-db.ts';
import {
  auditEvents,
  createTestOrg,
  eventually,
  ENGINE,
  insertTestPatient,
  insertTestQueue,
  signedInClient,
  testConfig,
  type TestApp,
  TestClient,
  testDatabaseSettings,
  type TestDatabase,
  type TestOrg,
} from '../../../test/helpers.ts';
import { startSmsApiServer } from '../../../test/sms-api-server.ts';
import { startSmtpServer, type SmtpProcess } from '../../../test/smtp.ts';
import { startWebhookReceiver } from '../../../test/webhook-receiver.ts';
import { serverEnv, startServerProcess } from '../../../test/suites/server-process.ts';
import { sweepCoverage } from './background.ts';
import { buildPlan } from './plan.ts';
import { DEFAULT_ONCALL_SETTINGS } from './settings.ts';

/** Synthetic PHI a page must never carry: the test puts it in the message body and the patient record. */
const PHI = { given: 'Marisol', family: 'Quintanilla-Vey', phone: '+1 312 555 0148', dob: '1961-04-17', symptom: 'crushing chest pain radiating to the left arm since 01:40' };
const SMTP_USER = 'relay-user';
const SMTP_PASS = 'synthetic-relay-password-7Q2';
/** Short windows so a test sees a whole chain: 3 s to acknowledge, paged again after 1 s. */
const FAST = { ...DEFAULT_ONCALL_SETTINGS, ackWindowSeconds: { emergent: 3, urgent: 3 }, renotifyEverySeconds: 1, renotifyTimes: 1 };

/** A database that outlives the apps started on it: closed after every app of the test has closed. */
function outlivingDatabase(t: TestContext): TestDatabase & { apps: { close(): Promise<void> }[] } {
  const settings = testDatabaseSettings(t);
  const db = { database: openDatabase(settings), settings, apps: [] as { close(): Promise<void> }[] };
  t.after(async () => {
    for (const app of db.apps) await app.close();
    await db.database.close();
  });
  return db;
}

/** A test app with its background services (the job engine, automatic paging) on a database that can outlive it. */
async function startApp(t: TestContext, db: ReturnType<typeof outlivingDatabase>, config: ReturnType<typeof testConfig>): Promise<TestApp & { close(): Promise<void> }> {
  const app = await buildApp(config, { database: db.database, background: true, web: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  let closed = false;
  db.apps.push({
    close: async () => {
      if (!closed) await app.close();
      closed = true;
    },
  });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const testApp: TestApp & { close(): Promise<void> } = {
    app,
    database: db.database,
    config,
    url,
    client: () => new TestClient(url),
    tenant: (orgId) => tenantDb(db.database.unsafeKysely, db.database.engine, orgId),
    close: async () => {
      if (!closed) await app.close();
      closed = true;
    },
  };
  return testApp;
}

interface Setup {
  db: ReturnType<typeof outlivingDatabase>;
  config: ReturnType<typeof testConfig>;
  app: TestApp & { close(): Promise<void> };
  org: TestOrg;
  smtp: SmtpProcess;
  admin: TestClient;
  agent: TestClient;
  supervisor: TestClient;
  queueA: string;
  patient: { id: string; ref: string };
  addresses: Record<string, string>;
}

async function setup(t: TestContext, options: { reject?: string; settings?: typeof FAST } = {}): Promise<Setup> {
  const db = outlivingDatabase(t);
  const config = testConfig(db.settings);
  const app = (await startApp(t, db, config)) as Setup['app'];
  const org = await createTestOrg(app, {
    clients: ['A', 'B'],
    users: {
      agent: ['clinical_agent', 'A'],
      supervisor: ['supervisor', 'A'],
      drLee: ['provider', 'A'],
      drPark: ['provider', 'A'],
      drOther: ['provider', 'B'],
      compliance: ['compliance', null],
    },
  });
  // Practice names as pages show them (the fixtures' names carry a random tag).
  await app.tenant(org.orgId).updateTable('clients').set({ name: 'Lakeside Family Practice' }).where('id', '=', org.clients.A!).execute();
  await app.tenant(org.orgId).updateTable('clients').set({ name: 'Northgate Pediatrics' }).where('id', '=', org.clients.B!).execute();
  const smtp = await startSmtpServer(t, { user: SMTP_USER, pass: SMTP_PASS, ...(options.reject ? { reject: options.reject } : {}) });
  const admin = await signedInClient(app, org.orgId, org.admin.id);
  const officer = await signedInClient(app, org.orgId, org.users.compliance!.id);
  const vendor = await officer.post('/api/vendors', { name: 'Synthetic Mail Relay', services: ['email'], handlesPhi: true });
  assert.equal(vendor.status, 201, vendor.text);
  const baa = await officer.post('/api/baas', { vendorId: vendor.body.id, status: 'signed', effectiveOn: addMonths(today(), -6) });
  assert.equal(baa.status, 201, baa.text);
  const channel = await admin.post('/api/notification-channels', { kind: 'email', vendorId: vendor.body.id, host: '127.0.0.1', port: smtp.port, secure: false, fromAddress: 'pages@ringfence.example.test', credentials: { username: SMTP_USER, password: SMTP_PASS } });
  assert.equal(channel.status, 201, channel.text);
  assert.equal((await admin.post(`/api/notification-channels/${channel.body.id}/enable`)).status, 200);

  // Each provider's verified work address (the verification itself is walked through in its own test).
  const addresses: Record<string, string> = {};
  for (const key of ['drLee', 'drPark', 'drOther']) {
    addresses[key] = `${key.toLowerCase()}.pager@example.test`;
    await app
      .tenant(org.orgId)
      .insertInto('oncall_contact_points', { id: randomUUID(), user_id: org.users[key]!.id, kind: 'email', address: addresses[key]!, position: 0, verified_at: new Date().toISOString(), code_hash: null, code_expires_at: null, code_attempts: 0, created_at: new Date().toISOString() })
      .execute();
  }
  const supervisor = await signedInClient(app, org.orgId, org.users.supervisor!.id);
  const settings = await supervisor.put(`/api/clients/${org.clients.A}/on-call/settings`, options.settings ?? FAST);
  assert.equal(settings.status, 200, settings.text);
  const queueA = await insertTestQueue(app, org.orgId, org.clients.A!);
  const patient = await insertTestPatient(app, org.orgId, org.clients.A!, { name: { given: PHI.given, family: PHI.family }, phones: [{ number: PHI.phone, type: 'mobile' }], dateOfBirth: PHI.dob });
  return { db, config, app, org, smtp, admin, agent: await signedInClient(app, org.orgId, org.users.agent!.id), supervisor, queueA, patient, addresses };
}

/** Around the clock: Dr Lee primary, Dr Park backup, every day from yesterday. */
function allDay(s: Setup, primary = 'drLee', backups = ['drPark']) {
  return {
    rotations: [
      {
        id: randomUUID(),
        name: 'Around the clock',
        shifts: [{ id: randomUUID(), rrule: 'FREQ=DAILY', startDate: addDays(today(), -1), untilDate: null, start: '00:00', end: '00:00', primary: s.org.users[primary]!.id, backups: backups.map((b) => s.org.users[b]!.id) }],
      },
    ],
    overrides: [],
  };
}
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function saveSchedule(s: Setup, doc: unknown, clientKey = 'A') {
  const res = await s.supervisor.put(`/api/clients/${s.org.clients[clientKey]}/on-call/schedule`, doc);
  assert.equal(res.status, 200, res.text);
  return res.body as { version: number; effectiveFrom: string; check: { gaps: { reason: string; personId: string | null }[]; overlaps: unknown[] } };
}


const mailsTo = (s: Setup, key: string) => s.smtp.received.filter((m) => m.to.includes(s.addresses[key]!));

async function emergentTask(s: Setup): Promise<string> {
  const res = await s.agent.post('/api/tasks', { clientId: s.org.clients.A, queueId: s.queueA, patientId: s.patient.id, reasonCode: 'clinical', priority: 'emergent', title: 'Emergent callback' });
  assert.equal(res.status, 201, res.text);
  return res.body.id as string;
}

const provider = (s: Setup, key: string) => signedInClient(s.app, s.org.orgId, s.org.users[key]!.id);

test('escalation plan: the primary paged and paged again within the window, then each backup, then the supervisors; nobody on call falls back at once', () => {
  const plan = buildPlan(FAST, { primary: 'p', backups: ['b1', 'b2'], supervisors: ['s'], escalation: ['e', 's'] }, 'emergent');
  assert.deepEqual(
    plan.map((st) => [st.at, st.kind, st.recipients.map((r) => `${r.userId}:${r.role}`).join(',')]),
    [
      [0, 'page', 'p:primary'],
      [1, 'page', 'p:primary'],
      [3, 'page', 'b1:backup'],
      [4, 'page', 'b1:backup'],
      [6, 'page', 'b2:backup'],
      [7, 'page', 'b2:backup'],
      [9, 'page', 's:supervisor,e:escalation'],
      [10, 'page', 's:supervisor,e:escalation'],
      [12, 'exhausted', 's:supervisor,e:escalation'],
    ],
  );
  // The defaults: 10 minutes, paged again every 2 minutes, 3 times.
  const defaults = buildPlan(DEFAULT_ONCALL_SETTINGS, { primary: 'p', backups: [], supervisors: [], escalation: [] }, 'urgent');
  assert.deepEqual(
    defaults.map((st) => st.at),
    [0, 120, 240, 360, 600],
  );
  assert.deepEqual(
    buildPlan(FAST, { primary: null, backups: [], supervisors: ['s'], escalation: [] }, 'emergent').map((st) => [st.at, st.kind]),
    [[0, 'exhausted']],
  );
});

test('schedules: versions in force from their save, who was on call at a past instant stays answerable, refusals name the field', async (t) => {
  const s = await setup(t);
  const A = s.org.clients.A!;
  const before = await s.supervisor.get(`/api/clients/${A}/on-call`);
  assert.equal(before.status, 200, before.text);
  assert.deepEqual([before.body.version, before.body.primary], [0, null]);

  const v1 = await saveSchedule(s, allDay(s));
  assert.equal(v1.version, 1);
  const between = new Date(Date.now() + 5).toISOString();
  await new Promise((r) => setTimeout(r, 20));
  const v2 = await saveSchedule(s, allDay(s, 'drPark', ['drLee']));
  assert.equal(v2.version, 2);

  const now = await s.agent.get(`/api/clients/${A}/on-call`);
  assert.equal(now.body.primary, s.org.users.drPark!.id);
  assert.equal(now.body.source.kind, 'rule');
  assert.equal(now.body.source.rotationName, 'Around the clock');
  assert.equal(now.body.names[s.org.users.drPark!.id], s.org.users.drPark!.email.split('@')[0]);
  const past = await s.agent.get(`/api/clients/${A}/on-call?at=${encodeURIComponent(between)}`);
  assert.deepEqual([past.body.version, past.body.primary], [1, s.org.users.drLee!.id], 'the version in force then answers for then');

  const bad = await s.supervisor.put(`/api/clients/${A}/on-call/schedule`, { ...allDay(s), rotations: [{ ...allDay(s).rotations[0]!, shifts: [{ ...allDay(s).rotations[0]!.shifts[0]!, rrule: 'FREQ=HOURLY' }] }] });
  assert.equal(bad.status, 400, bad.text);
  assert.equal(bad.body.errors[0].field, 'rotations[0].shifts[0].rrule');
  const stranger = await s.supervisor.put(`/api/clients/${A}/on-call/schedule`, allDay(s, 'drOther', []));
  assert.equal(stranger.status, 400);
  assert.equal(stranger.body.errors[0].field, 'rotations[0].shifts[0].primary');
  assert.match(stranger.body.detail, /not an active on-call provider of this client/);
  assert.equal((await s.supervisor.get(`/api/clients/${A}/on-call`)).body.version, 2, 'a refused save changes nothing');

  // Client B is not the supervisor's: the same answer as a client that does not exist.
  const foreign = await s.supervisor.get(`/api/clients/${s.org.clients.B}/on-call`);
  const missing = await s.supervisor.get(`/api/clients/${randomUUID()}/on-call`);
  assert.equal(foreign.status, missing.status);
  assert.equal(foreign.body.detail, missing.body.detail);
});

test('gaps: a provider who cannot be paged is an empty shift, saving reports it, and the sweep warns the supervisors', async (t) => {
  const s = await setup(t);
  await s.app.tenant(s.org.orgId).deleteFrom('oncall_contact_points').where('user_id', '=', s.org.users.drPark!.id).execute();
  const saved = await saveSchedule(s, allDay(s, 'drPark', []));
  assert.ok(saved.check.gaps.length > 0, 'the whole 30 days are a gap');
  assert.ok(saved.check.gaps.every((g) => g.reason === 'unreachable' && g.personId === s.org.users.drPark!.id));

  assert.ok((await sweepCoverage(s.app.tenant(s.org.orgId))) >= 1);
  assert.equal(await sweepCoverage(s.app.tenant(s.org.orgId)), 0, 'once per gap, however often the sweep runs');
  const reminders = await s.supervisor.get('/api/reminders');
  const gap = reminders.body.items.find((r: { kind: string }) => r.kind === 'oncall_gap');
  assert.ok(gap, reminders.text);
  assert.match(gap.message, /On-call coverage for Lakeside Family Practice has a gap starting today/);

  const covered = await saveSchedule(s, allDay(s));
  assert.deepEqual(covered.check.gaps, [], 'Dr Lee can be paged: no gap');
});

test('contact points: a code is sent through the contact point and must be typed back; wrong codes are refused by field', async (t) => {
  const s = await setup(t);
  const lee = await provider(s, 'drLee');
  const id = s.org.users.drLee!.id;
  const added = await lee.post(`/api/people/${id}/contact-points`, { kind: 'email', address: 'Lee.Second@Example.test' });
  assert.equal(added.status, 201, added.text);
  assert.equal(added.body.address, 'lee.second@example.test');
  assert.equal(added.body.verified, false);
  assert.equal(added.body.codeSent, true);
  const mail = await eventually('the code', async () => s.smtp.received.find((m) => m.to.includes('lee.second@example.test')));
  const code = /\b(\d{6})\b/.exec(mail.text)![1]!;
  const wrong = await lee.post(`/api/people/${id}/contact-points/${added.body.id}/verify`, { code: code === '000000' ? '111111' : '000000' });
  assert.equal(wrong.status, 400);
  assert.equal(wrong.body.errors[0].field, 'code');
  const right = await lee.post(`/api/people/${id}/contact-points/${added.body.id}/verify`, { code });
  assert.equal(right.status, 200, right.text);
  assert.equal(right.body.verified, true);
  const badPhone = await lee.post(`/api/people/${id}/contact-points`, { kind: 'sms', address: 'not a number' });
  assert.equal(badPhone.status, 400);
  assert.equal(badPhone.body.errors[0].field, 'address');
  // Another provider's contact points are not theirs to see.
  const other = await provider(s, 'drOther');
  assert.equal((await other.get(`/api/people/${id}/contact-points`)).status, 404);
});

test('an emergent callback pages the on-call provider: the page carries no PHI; reading is logged; acknowledging stops the chain and the task shows it', async (t) => {
  const s = await setup(t);
  await saveSchedule(s, allDay(s));
  const taskId = await emergentTask(s);
  const page = await eventually('the page', async () => mailsTo(s, 'drLee')[0]);
  const all = JSON.stringify(s.smtp.received);
  for (const value of [PHI.given, PHI.family, PHI.phone, PHI.dob, '0148', s.patient.ref]) assert.ok(!all.includes(value), `no page carries ${value}`);
  assert.match(page.subject, /^Urgent message for Lakeside Family Practice$/);
  const link = /(http:\/\/127\.0\.0\.1:\d+\/pages\/[0-9a-f-]{36})/.exec(page.text)![1]!;

  const lee = await provider(s, 'drLee');
  const inbox = await lee.get('/api/urgent-messages?view=inbox');
  assert.equal(inbox.body.items.length, 1);
  const message = inbox.body.items[0];
  assert.equal(link.endsWith(message.id), true);
  assert.equal(message.taskId, taskId);
  assert.equal((await lee.post(`/api/urgent-messages/${message.id}/opened`)).body.mine.openedAt !== null, true);
  const content = await lee.get(`/api/urgent-messages/${message.id}/content`);
  assert.equal(content.status, 200, content.text);
  assert.match(content.body.body, /emergent callback/);
  const ack = await lee.post(`/api/urgent-messages/${message.id}/acknowledge`);
  assert.equal(ack.body.status, 'acknowledged');
  assert.equal(ack.body.next, null);

  // Past the window: no step is taken after the acknowledgement, and every page that reached a
  // mailbox is one the timeline records. (A re-page decided before the acknowledgement may still
  // be on its way when Dr Lee acknowledges: the 1-second re-page is shorter than signing in.)
  await new Promise((r) => setTimeout(r, 4000));
  const timeline = (await s.supervisor.get(`/api/urgent-messages/${message.id}/timeline`)).body.items as { at: string; kind: string; userId: string | null }[];
  const acknowledgedAt = timeline.find((e) => e.kind === 'acknowledged')!.at;
  const pages = timeline.filter((e) => e.kind === 'paged');
  assert.ok(pages.length >= 1);
  assert.ok(pages.every((e) => e.at <= acknowledgedAt), `the acknowledgement stopped the chain: ${timeline.map((e) => `${e.at} ${e.kind}`).join(', ')}`);
  assert.ok(!timeline.some((e) => e.kind === 'escalated' && e.at > acknowledgedAt));
  assert.equal(mailsTo(s, 'drLee').length, pages.filter((e) => e.userId === s.org.users.drLee!.id).length, 'each page to Dr Lee is on the timeline');
  assert.equal(mailsTo(s, 'drPark').length, pages.filter((e) => e.userId === s.org.users.drPark!.id).length, 'each page to the backup is on the timeline');
  const onTask = await s.agent.get(`/api/urgent-messages?taskId=${taskId}`);
  assert.equal(onTask.body.items[0].status, 'acknowledged');
  assert.equal(onTask.body.items[0].acknowledgedBy.id, s.org.users.drLee!.id);

  const events = await auditEvents(s.app, s.org.orgId);
  const read = events.find((e) => e.action === 'phi.read' && e.resource_type === 'UrgentMessage');
  assert.ok(read, 'the reading is a phi.read event');
  assert.equal(read.patient_ref, s.patient.ref);
  assert.ok(events.some((e) => e.action === 'urgent.acknowledged'));
  const stored = JSON.stringify(await s.app.tenant(s.org.orgId).selectFrom('urgent_messages').selectAll().execute());
  assert.ok(!stored.includes('emergent callback was taken'), 'the message is stored encrypted');
});

test('nobody acknowledges: the primary is paged again, then the backup; the backup acknowledges, a late acknowledgement is recorded, and the timeline shows every step', async (t) => {
  const s = await setup(t);
  await saveSchedule(s, allDay(s));
  const task = await s.agent.post('/api/tasks', { clientId: s.org.clients.A, queueId: s.queueA, patientId: s.patient.id, reasonCode: 'clinical', priority: 'urgent', title: 'Urgent callback' });
  const created = await s.agent.post('/api/urgent-messages', { taskId: task.body.id, body: PHI.symptom });
  assert.equal(created.status, 201, created.text);
  assert.equal(created.body.priority, 'urgent');
  const id = created.body.id as string;
  await eventually('the backup page', async () => mailsTo(s, 'drPark')[0], 20_000);
  assert.equal(mailsTo(s, 'drLee').length, 2, 'the primary was paged, then paged again, before the backup');
  assert.ok(!JSON.stringify(s.smtp.received).includes('chest'), 'the message text is in no page');

  const park = await provider(s, 'drPark');
  const ack = await park.post(`/api/urgent-messages/${id}/acknowledge`);
  assert.equal(ack.status, 200, ack.text);
  assert.equal(ack.body.acknowledgedBy.id, s.org.users.drPark!.id);
  const reply = await park.post(`/api/urgent-messages/${id}/replies`, { body: 'Send the patient to the emergency department now.' });
  assert.equal(reply.status, 201, reply.text);
  const lee = await provider(s, 'drLee');
  const late = await lee.post(`/api/urgent-messages/${id}/acknowledge`);
  assert.equal(late.status, 200);
  assert.equal(late.body.acknowledgedBy.id, s.org.users.drPark!.id, 'the first acknowledgement stands');

  // The agent sees the reply on the task and marks it handled.
  const view = (await s.agent.get(`/api/urgent-messages?taskId=${task.body.id}`)).body.items[0];
  assert.deepEqual(view.replies, { total: 1, unhandled: 1 });
  const content = await s.agent.get(`/api/urgent-messages/${id}/content`);
  assert.equal(content.body.replies[0].body, 'Send the patient to the emergency department now.');
  const handled = await s.agent.post(`/api/urgent-messages/${id}/replies/${content.body.replies[0].id}/handled`);
  assert.deepEqual(handled.body.replies, { total: 1, unhandled: 0 });

  const timeline = await s.supervisor.get(`/api/urgent-messages/${id}/timeline`);
  const steps = timeline.body.items.map((e: { kind: string; userId: string | null; detail: Record<string, unknown> | null }) => `${e.kind}${e.userId === s.org.users.drLee!.id ? ':lee' : e.userId === s.org.users.drPark!.id ? ':park' : ''}`);
  for (const expected of ['created', 'paged:lee', 'sent:lee', 'escalated', 'paged:park', 'acknowledged:park', 'replied:park', 'acknowledged:lee', 'reply_handled']) assert.ok(steps.includes(expected), `${expected} in ${steps.join(' ')}`);
  assert.equal(steps.filter((k: string) => k === 'paged:lee').length, 2);
  const lateEvent = timeline.body.items.find((e: { kind: string; userId: string; detail: { late?: boolean } }) => e.kind === 'acknowledged' && e.userId === s.org.users.drLee!.id);
  assert.equal(lateEvent.detail.late, true);

  // The patient's timeline tells the whole story in order, with operational words only.
  const patient = await s.supervisor.get(`/api/patients/${s.patient.id}/timeline`);
  assert.equal(patient.status, 200, patient.text);
  const summaries = patient.body.entries.map((e: { summary: string }) => e.summary).join('\n');
  assert.match(summaries, /Urgent callback \(clinical\)/);
  assert.match(summaries, /paged \(primary\) by e-mail/);
  assert.match(summaries, /acknowledged \(late\)/);
  assert.ok(!summaries.includes('emergency department') && !summaries.includes('chest'));
});

test('a channel that refuses the page moves the chain on at once, and a page that reaches nobody becomes an emergent callback with the supervisors told', async (t) => {
  const s = await setup(t, { reject: 'drlee.pager', settings: { ...FAST, ackWindowSeconds: { emergent: 60, urgent: 60 } } });
  await saveSchedule(s, allDay(s));
  const task = await s.agent.post('/api/tasks', { clientId: s.org.clients.A, queueId: s.queueA, patientId: s.patient.id, reasonCode: 'clinical', priority: 'urgent', title: 'Urgent callback' });
  const started = Date.now();
  const created = await s.agent.post('/api/urgent-messages', { taskId: task.body.id, body: 'Synthetic: call back about a medication question.' });
  await eventually('the backup page', async () => mailsTo(s, 'drPark')[0]);
  assert.ok(Date.now() - started < 30_000, 'the backup was paged long before the 60-second window');
  const timeline = (await s.supervisor.get(`/api/urgent-messages/${created.body.id}/timeline`)).body.items;
  assert.ok(timeline.some((e: { kind: string }) => e.kind === 'channel_failed'));

  // Client B: nobody on call. The page becomes a callback at once and the supervisors hear of it.
  const supervisorB = await signedInClient(s.app, s.org.orgId, s.org.users.supervisor!.id);
  await s.app.tenant(s.org.orgId).insertInto('role_assignments', { id: randomUUID(), user_id: s.org.users.supervisor!.id, role_id: (await s.app.tenant(s.org.orgId).selectFrom('roles').select('id').where('key', '=', 'supervisor').executeTakeFirstOrThrow()).id, client_id: s.org.clients.B!, created_at: new Date().toISOString(), created_by: null }).execute();
  const queueB = await insertTestQueue(s.app, s.org.orgId, s.org.clients.B!);
  const patientB = await insertTestPatient(s.app, s.org.orgId, s.org.clients.B!);
  const taskB = await supervisorB.post('/api/tasks', { clientId: s.org.clients.B, queueId: queueB, patientId: patientB.id, reasonCode: 'clinical', priority: 'urgent', title: 'Urgent callback' });
  assert.equal(taskB.status, 201, taskB.text);
  const pageB = await supervisorB.post('/api/urgent-messages', { taskId: taskB.body.id, body: 'Synthetic: nobody covers tonight.' });
  const exhausted = await eventually('the fallback', async () => {
    const m = (await supervisorB.get(`/api/urgent-messages/${pageB.body.id}`)).body;
    return m.status === 'exhausted' ? m : null;
  });
  assert.ok(exhausted.fallbackTaskId);
  const fallback = await supervisorB.get(`/api/tasks/${exhausted.fallbackTaskId}`);
  assert.equal(fallback.body.task.priority, 'emergent');
  assert.equal(fallback.body.task.patientId, patientB.id);
  const supervisorAddress = s.org.users.supervisor!.email;
  await eventually('the supervisor alert', async () => s.smtp.received.find((m) => m.to.includes(supervisorAddress)));
  // The fallback callback does not page again by itself.
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal((await supervisorB.get(`/api/urgent-messages?taskId=${exhausted.fallbackTaskId}`)).body.items.length, 0);
});

test('a provider sees only the messages sent to them: any other answers as an id of nothing', async (t) => {
  const s = await setup(t);
  await saveSchedule(s, allDay(s));
  const task = await s.agent.post('/api/tasks', { clientId: s.org.clients.A, queueId: s.queueA, patientId: s.patient.id, reasonCode: 'clinical', priority: 'urgent', title: 'Urgent callback' });
  const created = await s.agent.post('/api/urgent-messages', { taskId: task.body.id, body: 'Synthetic question.' });
  await eventually('the page', async () => mailsTo(s, 'drLee')[0]);
  const missing = await (await provider(s, 'drOther')).get(`/api/urgent-messages/${randomUUID()}`);
  for (const key of ['drOther', 'drPark']) {
    const client = await provider(s, key);
    const res = await client.get(`/api/urgent-messages/${created.body.id}`);
    assert.equal(res.status, 404, `${key} was not paged`);
    assert.equal(res.body.detail, missing.body.detail);
    assert.equal((await client.get(`/api/urgent-messages/${created.body.id}/content`)).status, 404);
    assert.equal((await client.post(`/api/urgent-messages/${created.body.id}/acknowledge`)).status, 404);
    assert.equal((await client.get('/api/urgent-messages?view=inbox')).body.items.length, 0);
  }
  // A plain agent may page and follow the page, never read its clinical content.
  const other = await createTestOrg(s.app, { clients: ['Z'], users: { plain: ['agent', 'Z'] } });
  const plain = await signedInClient(s.app, other.orgId, other.users.plain!.id);
  assert.equal((await plain.get(`/api/urgent-messages/${created.body.id}`)).status, 404, 'another organization answers as nothing');
});

test('a restart in the middle of an escalation: the chain goes on where it was, every step sent once', async (t) => {
  const s = await setup(t);
  await saveSchedule(s, allDay(s));
  const task = await s.agent.post('/api/tasks', { clientId: s.org.clients.A, queueId: s.queueA, patientId: s.patient.id, reasonCode: 'clinical', priority: 'urgent', title: 'Urgent callback' });
  const created = await s.agent.post('/api/urgent-messages', { taskId: task.body.id, body: 'Synthetic question.' });
  await eventually('the first page', async () => mailsTo(s, 'drLee')[0]);
  await s.app.close();
  const again = await startApp(t, s.db, s.config);
  await eventually('the backup page after the restart', async () => mailsTo(s, 'drPark')[0], 20_000);
  const supervisor = await signedInClient(again, s.org.orgId, s.org.users.supervisor!.id);
  const timeline = (await supervisor.get(`/api/urgent-messages/${created.body.id}/timeline`)).body.items as { kind: string; step: number | null }[];
  const paged = timeline.filter((e) => e.kind === 'paged').map((e) => e.step);
  assert.deepEqual(paged, [...new Set(paged)], 'no step was paged twice');
  assert.deepEqual(
    paged.slice(0, 3),
    [0, 1, 2],
  );
  assert.equal(mailsTo(s, 'drLee').length, 2);
});

test('two instances on PostgreSQL, one a real `ringfence serve` killed (SIGKILL) mid-chain: every step is carried out exactly once', { skip: ENGINE !== 'postgres' && 'several instances run on PostgreSQL only' }, async (t) => {
  const s = await setup(t);
  await saveSchedule(s, allDay(s));
  const other = await startServerProcess(serverEnv(s.db.settings, s.config));
  t.after(() => other.kill());
  const ids: string[] = [];
  for (let i = 0; i < 6; i += 1) {
    const task = await s.agent.post('/api/tasks', { clientId: s.org.clients.A, queueId: s.queueA, patientId: s.patient.id, reasonCode: 'clinical', priority: 'urgent', title: 'Urgent callback' });
    ids.push((await s.agent.post('/api/urgent-messages', { taskId: task.body.id, body: 'Synthetic question.' })).body.id);
  }
  await eventually('the first pages', async () => mailsTo(s, 'drLee').length >= 6);
  // Mid-chain: pages again and escalations are due in the next seconds, some of them claimed by the process killed.
  await other.kill();
  // A step the killed process held is run again once its 30-second lease has run out.
  await eventually('every backup page', async () => new Set(ids.filter((id) => s.smtp.received.some((m) => m.to.includes(s.addresses.drPark!) && m.text.includes(id)))).size === ids.length, 90_000);
  for (const id of ids) {
    const steps = ((await s.supervisor.get(`/api/urgent-messages/${id}/timeline`)).body.items as { kind: string; step: number; userId: string }[]).filter((e) => e.kind === 'paged').map((e) => `${e.step}:${e.userId}`);
    assert.deepEqual(steps, [...new Set(steps)], `message ${id}: no step carried out twice (${steps.join(' ')})`);
    assert.ok(steps.length >= 3, `message ${id}: the primary twice, then the backup (${steps.join(' ')})`);
  }
  // A relay that accepted a message from the killed process before it recorded the send may get that one again: never fewer.
  // The timeline records a page when its message is queued; the killed process may have held the message's
  // delivery, which another instance takes over once its lease (120 s) has run out.
  await eventually(`12 pages to the primary (${mailsTo(s, 'drLee').length} so far)`, async () => mailsTo(s, 'drLee').length >= 12, 150_000);
});

test('pages by SMS and by webhook carry no PHI either: the SMS text and the signed webhook payload name the practice, a reference and a link only; a delivered SMS is on the timeline', async (t) => {
  const s = await setup(t);
  const account = { accountSid: `AC${'1'.repeat(32)}`, authToken: 'synthetic-sms-auth-token-5Kq' };
  const sms = await startSmsApiServer(t, account);
  const hooks = await startWebhookReceiver(t);
  const officer = await signedInClient(s.app, s.org.orgId, s.org.users.compliance!.id);
  const vendorOf = async (services: string[], name: string) => {
    const v = await officer.post('/api/vendors', { name, services, handlesPhi: true });
    assert.equal((await officer.post('/api/baas', { vendorId: v.body.id, status: 'signed', effectiveOn: addMonths(today(), -6) })).status, 201);
    return v.body.id as string;
  };
  const smsChannel = await s.admin.post('/api/notification-channels', { kind: 'sms', vendorId: await vendorOf(['sms'], 'Synthetic Texting Co'), baseUrl: sms.url, accountSid: account.accountSid, fromNumber: '+15005550006', authToken: account.authToken });
  assert.equal(smsChannel.status, 201, smsChannel.text);
  assert.equal((await s.admin.post(`/api/notification-channels/${smsChannel.body.id}/enable`)).status, 200);
  const hookChannel = await s.admin.post('/api/notification-channels', { kind: 'webhook', vendorId: await vendorOf(['other'], 'Synthetic Paging Bridge') });
  hooks.setSecret(hookChannel.body.signingSecret);
  assert.equal((await s.admin.post(`/api/notification-channels/${hookChannel.body.id}/enable`)).status, 200);

  // Dr Lee takes pages by text first, Dr Park through the service's paging system.
  const tenant = s.app.tenant(s.org.orgId);
  await tenant.updateTable('oncall_contact_points').set({ position: 1 }).where('user_id', '=', s.org.users.drLee!.id).execute();
  const now = new Date().toISOString();
  await tenant.insertInto('oncall_contact_points', { id: randomUUID(), user_id: s.org.users.drLee!.id, kind: 'sms', address: '+13125550171', position: 0, verified_at: now, code_hash: null, code_expires_at: null, code_attempts: 0, created_at: now }).execute();
  await tenant.deleteFrom('oncall_contact_points').where('user_id', '=', s.org.users.drPark!.id).execute();
  await tenant.insertInto('oncall_contact_points', { id: randomUUID(), user_id: s.org.users.drPark!.id, kind: 'webhook', address: `${hooks.url}/pages`, position: 0, verified_at: now, code_hash: null, code_expires_at: null, code_attempts: 0, created_at: now }).execute();
  await saveSchedule(s, allDay(s));

  const task = await s.agent.post('/api/tasks', { clientId: s.org.clients.A, queueId: s.queueA, patientId: s.patient.id, reasonCode: 'clinical', priority: 'urgent', title: 'Urgent callback' });
  const created = await s.agent.post('/api/urgent-messages', { taskId: task.body.id, body: `${PHI.given} ${PHI.family}, born ${PHI.dob}, ${PHI.phone}: ${PHI.symptom}` });
  assert.equal(created.status, 201, created.text);
  const [text] = await sms.waitFor(1);
  assert.equal(text!.to, '+13125550171');
  assert.match(text!.body, /Lakeside Family Practice/);
  assert.equal(await sms.deliver(text!.sid, 'delivered'), 204);
  const [hook] = await hooks.waitFor(1);
  assert.equal(hook!.verified, true, 'the webhook is signed with the channel secret');
  assert.equal((hook!.json as { type: string }).type, 'urgent.page');
  const everything = JSON.stringify({ sms: sms.received, hooks: hooks.received, mail: s.smtp.received });
  for (const value of [PHI.given, PHI.family, PHI.dob, PHI.phone, '0148', 'chest', s.patient.ref]) assert.ok(!everything.includes(value), `no page carries ${value}`);

  const timeline = (await s.supervisor.get(`/api/urgent-messages/${created.body.id}/timeline`)).body.items as { kind: string; channel: string | null }[];
  assert.ok(timeline.some((e) => e.kind === 'paged' && e.channel === 'sms'));
  await eventually('the delivery on the timeline', async () => ((await s.supervisor.get(`/api/urgent-messages/${created.body.id}/timeline`)).body.items as { kind: string }[]).some((e) => e.kind === 'delivered'));
  assert.ok(timeline.some((e) => e.kind === 'paged' && e.channel === 'webhook'));
});

test('calendar feed: a provider’s shifts as iCalendar behind a private address, client names and times only; a new address stops the old one', async (t) => {
  const s = await setup(t);
  await saveSchedule(s, allDay(s));
  const lee = await provider(s, 'drLee');
  const issued = await lee.post('/api/account/calendar-feed');
  assert.equal(issued.status, 201, issued.text);
  const path = new URL(issued.body.url).pathname;
  const feed = await s.app.client().get(path);
  assert.equal(feed.status, 200);
  assert.match(feed.headers.get('content-type') ?? '', /text\/calendar/);
  assert.match(feed.text, /BEGIN:VCALENDAR/);
  assert.match(feed.text, /SUMMARY:On call: Lakeside Family Practice \(primary\)/);
  for (const value of [PHI.given, PHI.family, s.patient.ref]) assert.ok(!feed.text.includes(value));
  const park = await (await provider(s, 'drPark')).post('/api/account/calendar-feed');
  assert.match((await s.app.client().get(new URL(park.body.url).pathname)).text, /\(backup\)/);
  const again = await lee.post('/api/account/calendar-feed');
  assert.equal((await s.app.client().get(path)).status, 404, 'the old address stopped working');
  assert.equal((await s.app.client().get(new URL(again.body.url).pathname)).status, 200);
  assert.equal((await lee.delete('/api/account/calendar-feed')).status, 204);
  assert.equal((await s.app.client().get(new URL(again.body.url).pathname)).status, 404);
});
