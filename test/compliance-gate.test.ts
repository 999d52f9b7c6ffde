import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PHI_CATEGORIES, SUBJECTS, type SubjectType } from '../src/platform/authz/catalogue.ts';
import type { RegisteredRoute } from '../src/platform/auth/authenticate.ts';
import { addMonths, today } from '../src/platform/calendar.ts';
import { createUrgentMessage } from '../src/modules/oncall/urgent.service.ts';
import { addTaskMessage } from '../src/modules/tasks/messages.service.ts';
import {
  assignTestRole,
  buildTestApp,
  clientToday,
  completeTestTraining,
  createTestOrg,
  insertTestBaa,
  insertTestPatient,
  insertTestQueue,
  insertTestTask,
  insertTestToken,
  insertTestUser,
  signedInClient,
  supervisorContext,
  type TestApp,
  type TestClient,
} from './helpers.ts';
import { Readable } from 'node:stream';
import { ingestRecording } from '../src/modules/recordings/recordings.service.ts';
import { recordingStore } from '../src/modules/recordings/storage.ts';

/**
 * The compliance gate on every PHI route, driven from the route table: each route whose
 * subject holds PHI fields is called for a client without an active BAA, and by a person
 * whose training is missing. Every one must refuse, or answer without any PHI and store
 * nothing. A PHI route added later without an entry below fails this test.
 */

/** Subjects with a field in a PHI category. */
const PHI_SUBJECTS = new Set(
  (Object.entries(SUBJECTS) as [SubjectType, { fields: Record<string, string> }][]).filter(([, d]) => Object.values(d.fields).some((c) => (PHI_CATEGORIES as readonly string[]).includes(c))).map(([s]) => s),
);

/** Synthetic PHI of the fixture's patient: none of it may appear in an answer while the gate is shut. */
const PHI = { given: 'Quillon', family: 'Vantwerp-Osei', phone: '555-010-0199', message: 'Synthetic note: dizzy since Tuesday', urgent: 'Synthetic page: fainted twice this evening' };
const PRACTICE_URL = 'http://127.0.0.1:9/fhir';

interface Fixture {
  clientId: string;
  patientId: string;
  duplicateId: string;
  taskId: string;
  /** An urgent message about the task, sent to the person the sweep acts as. */
  urgentId: string;
  /** A call recording of the task. */
  recordingId: string;
}

const REQUESTS: Record<string, (fx: Fixture) => { url: string; body?: unknown; type?: string }> = {
  'GET /api/patients': (fx) => ({ url: `/api/patients?clientId=${fx.clientId}` }),
  'POST /api/patients/search': (fx) => ({ url: '/api/patients/search', body: { clientId: fx.clientId, phone: PHI.phone } }),
  'POST /api/patients': (fx) => ({ url: '/api/patients', body: { clientId: fx.clientId, name: { given: 'Ysolde', family: 'Marchetti-Voss' } } }),
  'GET /api/patients/:id': (fx) => ({ url: `/api/patients/${fx.patientId}` }),
  'PATCH /api/patients/:id': (fx) => ({ url: `/api/patients/${fx.patientId}`, body: { callbackWindow: 'Weekdays after five' } }),
  'POST /api/patients/:id/reveal': (fx) => ({ url: `/api/patients/${fx.patientId}/reveal`, body: { fields: ['name', 'phones'], purpose: 'callback' } }),
  'POST /api/patients/:id/merge': (fx) => ({ url: `/api/patients/${fx.patientId}/merge`, body: { duplicateId: fx.duplicateId } }),
  'POST /api/patients/practice-search': (fx) => ({ url: '/api/patients/practice-search', body: { clientId: fx.clientId, purpose: 'callback', phone: PHI.phone } }),
  'POST /api/patients/practice-import': (fx) => ({ url: '/api/patients/practice-import', body: { clientId: fx.clientId, fhirId: 'synth-0001' } }),
  // Opening a grant reads no PHI (the reads through it meet the gate like any other); the person is assigned to the client already.
  'POST /api/break-glass': (fx) => ({ url: '/api/break-glass', body: { clientId: fx.clientId, patientRef: 'P-ZZZZZZ', reason: 'Caller transferred from the other practice line.' } }),
  'GET /api/break-glass': () => ({ url: '/api/break-glass' }),
  'GET /api/tasks/:id/messages': (fx) => ({ url: `/api/tasks/${fx.taskId}/messages` }),
  'POST /api/tasks/:id/messages': (fx) => ({ url: `/api/tasks/${fx.taskId}/messages`, body: { body: 'Synthetic note: fever since Monday' } }),
  'POST /api/recordings': (fx) => ({ url: `/api/recordings?clientId=${fx.clientId}&taskId=${fx.taskId}`, body: new TextEncoder().encode(`RIFF synthetic call: ${PHI.family}`), type: 'audio/wav' }),
  'GET /api/recordings': (fx) => ({ url: `/api/recordings?taskId=${fx.taskId}` }),
  'GET /api/recordings/:id': (fx) => ({ url: `/api/recordings/${fx.recordingId}` }),
  'GET /api/recordings/:id/audio': (fx) => ({ url: `/api/recordings/${fx.recordingId}/audio` }),
  'GET /api/recordings/:id/audio/reveal': (fx) => ({ url: `/api/recordings/${fx.recordingId}/audio/reveal?purpose=compliance_review` }),
  'GET /api/patients/:id/timeline': (fx) => ({ url: `/api/patients/${fx.patientId}/timeline` }),
  'POST /api/urgent-messages': (fx) => ({ url: '/api/urgent-messages', body: { taskId: fx.taskId, body: 'Synthetic page: short of breath' } }),
  'GET /api/urgent-messages': (fx) => ({ url: `/api/urgent-messages?taskId=${fx.taskId}` }),
  'GET /api/urgent-messages/:id': (fx) => ({ url: `/api/urgent-messages/${fx.urgentId}` }),
  'GET /api/urgent-messages/:id/content': (fx) => ({ url: `/api/urgent-messages/${fx.urgentId}/content` }),
  'GET /api/urgent-messages/:id/timeline': (fx) => ({ url: `/api/urgent-messages/${fx.urgentId}/timeline` }),
  'POST /api/urgent-messages/:id/opened': (fx) => ({ url: `/api/urgent-messages/${fx.urgentId}/opened` }),
  'POST /api/urgent-messages/:id/acknowledge': (fx) => ({ url: `/api/urgent-messages/${fx.urgentId}/acknowledge` }),
  'POST /api/urgent-messages/:id/replies': (fx) => ({ url: `/api/urgent-messages/${fx.urgentId}/replies`, body: { body: 'Synthetic reply: go to the emergency department' } }),
  'POST /api/urgent-messages/:id/cancel': (fx) => ({ url: `/api/urgent-messages/${fx.urgentId}/cancel` }),
};

async function setup(t: Parameters<typeof buildTestApp>[0]) {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A'], users: { supervisor: ['supervisor', 'A'] } });
  const clientId = org.clients.A!;
  const patient = await insertTestPatient(app, org.orgId, clientId, { name: { given: PHI.given, family: PHI.family }, phones: [{ number: PHI.phone, type: 'mobile' }] });
  const duplicate = await insertTestPatient(app, org.orgId, clientId, { name: { given: PHI.given, family: PHI.family } });
  const queueId = await insertTestQueue(app, org.orgId, clientId);
  const task = await insertTestTask(app, org.orgId, clientId, { queueId, patientId: patient.id });
  await addTaskMessage(supervisorContext(app, org.orgId), task.id, PHI.message);
  await app.tenant(org.orgId).insertInto('practice_links', { client_id: clientId, base_url: PRACTICE_URL, auth_type: 'none', credentials_enc: null, updated_by: null, updated_at: new Date().toISOString() }).execute();
  const urgent = await createUrgentMessage(supervisorContext(app, org.orgId), app.app.platform.jobs, { taskId: task.id, body: PHI.urgent });
  const recording = await ingestRecording(supervisorContext(app, org.orgId), recordingStore(app.app.platform.config), { clientId, taskId: task.id, direction: 'inbound', contentType: 'audio/wav' }, Readable.from([Buffer.from(`RIFF synthetic call: ${PHI.given} ${PHI.family}`)]), 1_000_000);
  const fx: Fixture = { clientId, patientId: patient.id, duplicateId: duplicate.id, taskId: task.id, urgentId: urgent.id, recordingId: recording.id };
  return { app, org, fx };
}

/** Makes the person a recipient of the fixture's urgent message, so the sweep reaches what a provider does with it. */
async function paged(app: TestApp, orgId: string, fx: Fixture, userId: string): Promise<void> {
  const tenant = app.tenant(orgId);
  await tenant.insertInto('urgent_message_recipients', { message_id: fx.urgentId, user_id: userId, role: 'primary', first_notified_at: new Date().toISOString(), opened_at: null, read_at: null, acknowledged_at: null }).execute();
  await tenant.updateTable('urgent_messages').set({ status: 'paging', next_step: 1, closed_at: null, fallback_task_id: null }).where('id', '=', fx.urgentId).execute();
}

function phiRoutes(app: TestApp): RegisteredRoute[] {
  return app.app.registeredRoutes.filter((r) => typeof r.config.permission === 'object' && PHI_SUBJECTS.has(r.config.permission.subject));
}

async function stored(app: TestApp, orgId: string): Promise<string> {
  const t = app.tenant(orgId);
  const [patients, messages, urgent, replies] = await Promise.all([
    t.selectFrom('patients').selectAll().orderBy('id').execute(),
    t.selectFrom('task_messages').selectAll().orderBy('id').execute(),
    t.selectFrom('urgent_messages').select(['id', 'body_enc']).orderBy('id').execute(),
    t.selectFrom('urgent_message_replies').select(['id', 'body_enc']).orderBy('id').execute(),
  ]);
  return JSON.stringify({ patients, messages, urgent, replies });
}

/** Calls every PHI route; returns the problems found and how many routes refused with `code`. */
async function sweep(app: TestApp, orgId: string, http: TestClient, fx: Fixture, code: 'baa_required' | 'training_required'): Promise<{ failures: string[]; refused: string[] }> {
  const failures: string[] = [];
  const refused: string[] = [];
  for (const route of phiRoutes(app)) {
    const key = `${route.method} ${route.url}`;
    const build = REQUESTS[key];
    if (!build) {
      failures.push(`${key}: a PHI route with no entry in this test`);
      continue;
    }
    const { url, body, type } = build(fx);
    const before = await stored(app, orgId);
    const res = await http.request(route.method, url, body ?? (route.method === 'GET' ? undefined : {}), type ? { 'content-type': type } : {});
    if (res.status === 403 && res.body?.type === `urn:ringfence:problem:${code}`) {
      refused.push(key);
      if ((await stored(app, orgId)) !== before) failures.push(`${key}: refused but changed stored PHI`);
      continue;
    }
    const leaked = Object.values(PHI).find((value) => res.text.includes(value));
    if (leaked) failures.push(`${key}: answered ${res.status} with PHI while the gate is shut`);
    if (route.method !== 'GET' && (await stored(app, orgId)) !== before) failures.push(`${key}: answered ${res.status} and changed stored PHI`);
    if (res.status >= 500) failures.push(`${key}: ${res.status}`);
  }
  return { failures, refused };
}

/** Routes that must touch PHI to do their job, and so must be refused outright. */
const MUST_REFUSE = [
  'POST /api/patients/search',
  'POST /api/patients',
  'PATCH /api/patients/:id',
  'POST /api/patients/:id/reveal',
  'POST /api/patients/:id/merge',
  'POST /api/patients/practice-search',
  'POST /api/patients/practice-import',
  'GET /api/tasks/:id/messages',
  'POST /api/tasks/:id/messages',
  'POST /api/urgent-messages',
  'GET /api/urgent-messages/:id/content',
  'POST /api/urgent-messages/:id/replies',
  'POST /api/recordings',
  'GET /api/recordings/:id/audio',
];

test('BAA gate: with no active BAA every PHI route of the client refuses (problem+json naming the client) or answers without PHI; access resumes once a BAA is recorded', async (t) => {
  const { app, org, fx } = await setup(t);
  const supervisor = await signedInClient(app, org.orgId, org.users.supervisor!.id);
  await paged(app, org.orgId, fx, org.users.supervisor!.id);
  assert.equal((await supervisor.post(`/api/patients/${fx.patientId}/reveal`, { fields: ['name'], purpose: 'callback' })).status, 200, 'open while the BAA is active');

  // The BAA ends; nothing is deleted.
  await app.tenant(org.orgId).updateTable('baas').set({ status: 'terminated' }).where('client_id', '=', fx.clientId).execute();
  const { failures, refused } = await sweep(app, org.orgId, supervisor, fx, 'baa_required');
  assert.deepEqual(failures, []);
  for (const key of MUST_REFUSE) assert.ok(refused.includes(key), `${key} refused (refused: ${refused.join(', ')})`);

  const reveal = await supervisor.post(`/api/patients/${fx.patientId}/reveal`, { fields: ['name'], purpose: 'callback' });
  assert.equal(reveal.status, 403);
  assert.match(reveal.headers.get('content-type') ?? '', /application\/problem\+json/);
  assert.equal(reveal.body.title, 'No active business associate agreement');
  assert.match(reveal.body.detail, /Client A .* has no active signed business associate agreement/);
  assert.equal(reveal.body.field, 'clientId');

  // An agreement that has not started yet, or has ended, does not open the gate either.
  await insertTestBaa(app, org.orgId, fx.clientId, { effective_on: addMonths(today(), 1) });
  await insertTestBaa(app, org.orgId, fx.clientId, { effective_on: addMonths(today(), -24), ends_on: addMonths(today(), -12) });
  assert.equal((await supervisor.post(`/api/patients/${fx.patientId}/reveal`, { fields: ['name'], purpose: 'callback' })).status, 403);

  // Recording a signed BAA in effect today lifts the gate; the data was kept all along.
  const compliance = await insertTestUser(app, org.orgId, `compliance-${Date.now()}@example.test`);
  await assignTestRole(app, org.orgId, compliance.id, 'compliance', null);
  const officer = await signedInClient(app, org.orgId, compliance.id);
  const baa = await officer.post('/api/baas', { clientId: fx.clientId, status: 'signed', effectiveOn: clientToday(), counterpartySigner: 'Practice administrator' });
  assert.equal(baa.status, 201, baa.text);
  assert.equal(baa.body.active, true);
  const open = await supervisor.post(`/api/patients/${fx.patientId}/reveal`, { fields: ['name'], purpose: 'callback' });
  assert.equal(open.status, 200);
  assert.equal(open.body.fields.name.family, PHI.family);
});

test('training gate: a person with missing or expired training is refused PHI on every PHI route, can still sign in and see what to complete; recording the training opens it', async (t) => {
  const { app, org, fx } = await setup(t);
  const newcomer = await insertTestUser(app, org.orgId, `newcomer-${Date.now()}@example.test`, { trained: false });
  await assignTestRole(app, org.orgId, newcomer.id, 'supervisor', fx.clientId);
  await paged(app, org.orgId, fx, newcomer.id);
  const http = await signedInClient(app, org.orgId, newcomer.id);

  const { failures, refused } = await sweep(app, org.orgId, http, fx, 'training_required');
  assert.deepEqual(failures, []);
  for (const key of MUST_REFUSE) assert.ok(refused.includes(key), `${key} refused (refused: ${refused.join(', ')})`);

  const reveal = await http.post(`/api/patients/${fx.patientId}/reveal`, { fields: ['name'], purpose: 'callback' });
  assert.equal(reveal.body.title, 'Training missing or expired');
  assert.match(reveal.body.detail, /HIPAA basics \(not completed\)/);

  // They can still work with what is not PHI, and see what to complete.
  assert.equal((await http.get('/api/tasks')).status, 200);
  const mine = await http.get('/api/training/me');
  assert.equal(mine.status, 200);
  assert.equal(mine.body.phiAccess, false);
  assert.deepEqual(new Set(mine.body.courses.map((c: { state: string }) => c.state)), new Set(['missing']));

  // Training thirteen months old has lapsed (validity twelve months).
  await completeTestTraining(app, org.orgId, newcomer.id, addMonths(today(), -13));
  const stale = await http.post(`/api/patients/${fx.patientId}/reveal`, { fields: ['name'], purpose: 'callback' });
  assert.equal(stale.status, 403);
  assert.match(stale.body.detail, /HIPAA basics \(expired \d{4}-\d{2}-\d{2}\)/);

  await completeTestTraining(app, org.orgId, newcomer.id, addMonths(today(), -1));
  assert.equal((await http.post(`/api/patients/${fx.patientId}/reveal`, { fields: ['name'], purpose: 'callback' })).status, 200);
  assert.equal((await http.get('/api/training/me')).body.phiAccess, true);
});

test('API tokens need the client’s BAA but no training: intake with a new patient is refused without one', async (t) => {
  const { app, org, fx } = await setup(t);
  const { secret } = await insertTestToken(app, org.orgId, ['tasks:create', 'tasks:read'], [fx.clientId]);
  const integration = app.client();
  integration.bearer = secret;
  const queueId = await insertTestQueue(app, org.orgId, fx.clientId);
  const body = { clientId: fx.clientId, queueId, newPatient: { name: { given: 'Ysolde', family: 'Marchetti-Voss' } }, reasonCode: 'refill', priority: 'routine', title: 'Refill request from the phone tree' };
  assert.equal((await integration.post('/api/tasks', body)).status, 201, 'the token is no person: no training needed');
  await app.tenant(org.orgId).updateTable('baas').set({ status: 'terminated' }).where('client_id', '=', fx.clientId).execute();
  const refused = await integration.post('/api/tasks', body);
  assert.equal(refused.status, 403);
  assert.equal(refused.body.type, 'urn:ringfence:problem:baa_required');
  assert.equal((await app.tenant(org.orgId).selectFrom('tasks').select('id').execute()).length, 2, 'the fixture task and the first intake; nothing from the refused one');
});
