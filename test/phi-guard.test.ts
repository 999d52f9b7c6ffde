import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { detectPhi } from '../src/phi/detect.ts';
import { guardedPaths, redact } from '../src/platform/http/phi-guard.ts';
import { PhiGuarded, Strict } from '../src/platform/http/schemas.ts';
import { Type } from 'typebox';
import { reportIncident } from '../src/modules/incidents/incidents.service.ts';
import { generateNotice } from '../src/modules/incidents/notices.service.ts';
import { saveAssessment, signAssessment } from '../src/modules/incidents/assessment.service.ts';
import { unsafeSystemContext } from '../src/platform/system-context.ts';
import { auditEvents, buildTestApp, createTestOrg, everythingStored, insertTestAlert, insertTestBaa, insertTestPatient, insertTestQueue, insertTestTask, signedInClient, type TestApp, type TestClient, type TestOrg } from './helpers.ts';

/**
 * The PHI guard on every route that has PHI-guarded fields, found by walking the route table:
 * a guarded route missing from CASES fails, so new operational text cannot skip the guard's tests.
 */

interface GuardCase {
  /** The request, with the fields under test (dotted paths for nested ones) set to the text under test. */
  request(fx: { app: TestApp; org: TestOrg }, fields: Record<string, string>): Promise<GuardRequest> | GuardRequest;
  /** The client whose policy applies (null: a client that does not exist yet, so the default, refuse). */
  client(org: TestOrg): string | null;
  /** Who sends it (a user key of the test organization); default the administrator. */
  as?: string;
}

interface GuardRequest {
  method: 'POST' | 'PATCH' | 'PUT';
  url: string;
  /** A JSON body, or raw bytes with their content type (the guarded fields then go in the query string). */
  body: Record<string, unknown> | { raw: Uint8Array; type: string };
}

/** A task of client A claimed by nobody in particular: a supervisor may work it. */
const taskOfA = async ({ app, org }: { app: TestApp; org: TestOrg }) => insertTestTask(app, org.orgId, org.clients.A!);

const CASES: Record<string, GuardCase> = {
  'POST /api/clients': {
    request: (_fx, fields) => ({ method: 'POST', url: '/api/clients', body: { name: `Clinic ${randomBytes(3).toString('hex')}`, timeZone: 'America/Chicago', ...fields } }),
    client: () => null,
  },
  'PATCH /api/clients/:id': {
    request: ({ org }, fields) => ({ method: 'PATCH', url: `/api/clients/${org.clients.A}`, body: fields }),
    client: (org) => org.clients.A!,
  },
  'POST /api/tasks': {
    as: 'supervisor',
    request: async (fx, fields) => {
      const { queueId, patientId } = await taskOfA(fx);
      return { method: 'POST', url: '/api/tasks', body: { clientId: fx.org.clients.A, queueId, patientId, reasonCode: 'refill', priority: 'routine', title: 'Refill request', ...fields } };
    },
    client: (org) => org.clients.A!,
  },
  'POST /api/tasks/:id/attempts': {
    as: 'supervisor',
    request: async (fx, fields) => ({ method: 'POST', url: `/api/tasks/${(await taskOfA(fx)).id}/attempts`, body: { channel: 'phone', outcome: 'no_answer', ...fields } }),
    client: (org) => org.clients.A!,
  },
  'POST /api/tasks/:id/complete': {
    as: 'supervisor',
    request: async (fx, fields) => ({
      method: 'POST',
      url: `/api/tasks/${(await taskOfA(fx)).id}/complete`,
      body: { resolution: 'resolved', followUp: { reasonCode: 'appointment', priority: 'routine', title: fields['followUp.title'] ?? 'Follow-up visit', ...(fields['followUp.note'] ? { note: fields['followUp.note'] } : {}) } },
    }),
    client: (org) => org.clients.A!,
  },
  // Queue names are read all day by every agent of the client.
  'POST /api/queues': {
    request: async (fx, fields) => {
      await freeQueueName(fx, fields.name);
      return { method: 'POST', url: '/api/queues', body: { clientId: fx.org.clients.A, ...fields } };
    },
    client: (org) => org.clients.A!,
  },
  'PATCH /api/queues/:id': {
    request: async (fx, fields) => {
      await freeQueueName(fx, fields.name);
      return { method: 'PATCH', url: `/api/queues/${await insertTestQueue(fx.app, fx.org.orgId, fx.org.clients.A!)}`, body: fields };
    },
    client: (org) => org.clients.A!,
  },
  // A supervisor's reason for cancelling goes into the append-only audit trail.
  'POST /api/tasks/:id/supervise': {
    as: 'supervisor',
    request: async (fx, fields) => ({ method: 'POST', url: `/api/tasks/${(await taskOfA(fx)).id}/supervise`, body: fields }),
    client: (org) => org.clients.A!,
  },
  // The organization's own records: the default policy, refuse.
  'POST /api/tokens': { request: (_fx, fields) => ({ method: 'POST', url: '/api/tokens', body: { scopes: ['clients:read'], ...fields } }), client: () => null },
  'POST /api/vendors': {
    as: 'officer',
    request: (_fx, fields) => ({ method: 'POST', url: '/api/vendors', body: { name: `Vendor ${randomBytes(3).toString('hex')}`, services: ['telephony'], handlesPhi: true, ...fields } }),
    client: () => null,
  },
  'PATCH /api/vendors/:id': { as: 'officer', request: async (fx, fields) => ({ method: 'PATCH', url: `/api/vendors/${await vendorOf(fx)}`, body: fields }), client: () => null },
  'POST /api/baas': { as: 'officer', request: ({ org }, fields) => ({ method: 'POST', url: '/api/baas', body: { clientId: org.clients.A, status: 'draft', ...fields } }), client: () => null },
  'PATCH /api/baas/:id': { as: 'officer', request: async (fx, fields) => ({ method: 'PATCH', url: `/api/baas/${await baaOf(fx)}`, body: fields }), client: () => null },
  'PUT /api/baas/:id/document': { as: 'officer', request: async (fx) => ({ method: 'PUT', url: `/api/baas/${await baaOf(fx)}/document`, body: { raw: PDF, type: 'application/pdf' } }), client: () => null },
  'POST /api/training/completions': {
    as: 'officer',
    request: async ({ app, org }, fields) => {
      const course = await app.tenant(org.orgId).selectFrom('courses').select('id').executeTakeFirstOrThrow();
      return { method: 'POST', url: '/api/training/completions', body: { userId: org.users.supervisor!.id, courseId: course.id, completedOn: new Date().toISOString().slice(0, 10), ...fields } };
    },
    client: () => null,
  },
  'POST /api/access-reviews': { as: 'officer', request: (_fx, fields) => ({ method: 'POST', url: '/api/access-reviews', body: fields }), client: () => null },
  'POST /api/access-reviews/:id/items/:itemId': {
    as: 'officer',
    request: async (fx, fields) => {
      const { id, itemId } = await reviewItemOf(fx);
      return { method: 'POST', url: `/api/access-reviews/${id}/items/${itemId}`, body: { decision: 'certify', ...fields } };
    },
    client: () => null,
  },
  // Why someone broke the glass: kept with the grant, the organization's record.
  'POST /api/break-glass': {
    as: 'supervisor',
    request: async (fx, fields) => {
      const admin = await signedInClient(fx.app, fx.org.orgId, fx.org.admin.id);
      const other = await admin.post('/api/clients', { name: `Clinic ${randomBytes(3).toString('hex')}`, timeZone: 'America/Chicago' });
      const patient = await insertTestPatient(fx.app, fx.org.orgId, other.body.id);
      return { method: 'POST', url: '/api/break-glass', body: { clientId: other.body.id, patientRef: patient.ref, reason: 'Caller transferred from the other practice line.', ...fields } };
    },
    client: () => null,
  },
  // Incidents: the organization's records, the default policy (refuse).
  'POST /api/incidents': { request: (_fx, fields) => ({ method: 'POST', url: '/api/incidents', body: { type: 'other', description: 'A fax went to the wrong office.', ...fields } }), client: () => null },
  'PATCH /api/incidents/:id': { as: 'officer', request: async (fx, fields) => ({ method: 'PATCH', url: `/api/incidents/${await incidentOf(fx)}`, body: fields }), client: () => null },
  'POST /api/incidents/:id/scope': { as: 'officer', request: async (fx, fields) => ({ method: 'POST', url: `/api/incidents/${await incidentOf(fx)}/scope`, body: { reason: 'Checked with the practice.', ...fields } }), client: () => null },
  'PUT /api/incidents/:id/assessment': { as: 'officer', request: async (fx, fields) => ({ method: 'PUT', url: `/api/incidents/${await incidentOf(fx)}/assessment`, body: nest(fields) }), client: () => null },
  'POST /api/incidents/:id/close': { as: 'officer', request: async (fx, fields) => ({ method: 'POST', url: `/api/incidents/${await closableIncidentOf(fx)}/close`, body: { reason: 'Nothing more to do.', ...fields } }), client: () => null },
  'POST /api/incidents/:id/notices/:noticeId/sent': {
    as: 'officer',
    request: async (fx, fields) => {
      const id = await incidentOf(fx);
      const ctx = unsafeSystemContext(fx.app.database, fx.app.app.platform.keyring, fx.org.orgId, 'compliance', 'test');
      const notice = await generateNotice(ctx, id, fx.org.clients.A!);
      return { method: 'POST', url: `/api/incidents/${id}/notices/${notice.id}/sent`, body: { via: 'email', to: 'The practice’s privacy officer', ...fields } };
    },
    client: () => null,
  },
  'POST /api/audit/alerts/:id/resolve': {
    as: 'officer',
    request: async ({ app, org }, fields) => {
      const id = await insertTestAlert(app, org.orgId);
      return { method: 'POST', url: `/api/audit/alerts/${id}/resolve`, body: { outcome: 'benign', reason: 'Covering a colleague’s callback.', ...fields } };
    },
    client: () => null,
  },
};

/** Queue names are unique per client: a name an earlier try stored is moved aside first. */
const freeQueueName = async ({ app, org }: { app: TestApp; org: TestOrg }, name: string | undefined) => {
  if (!name) return;
  const tenant = app.tenant(org.orgId);
  for (const taken of [name, REDACTED_PHI_TEXT]) await tenant.updateTable('queues').set({ name: `Earlier ${randomBytes(3).toString('hex')}` }).where('name', '=', taken).execute();
};
/** A compliance record the officer keeps, for the routes that edit one. */
const vendorOf = async ({ app, org }: { app: TestApp; org: TestOrg }) => {
  const officer = await signedInClient(app, org.orgId, org.users.officer!.id);
  return (await officer.post('/api/vendors', { name: `Vendor ${randomBytes(3).toString('hex')}`, services: ['telephony'], handlesPhi: true })).body.id as string;
};
const baaOf = ({ app, org }: { app: TestApp; org: TestOrg }) => insertTestBaa(app, org.orgId, org.clients.A!, { status: 'draft' });
const reviewItemOf = async ({ app, org }: { app: TestApp; org: TestOrg }) => {
  const tenant = app.tenant(org.orgId);
  const id = randomUUID();
  const itemId = randomUUID();
  const now = new Date().toISOString();
  await tenant.insertInto('access_reviews', { id, name: 'Quarterly review', status: 'open', due_on: null, created_by: null, created_at: now, closed_by: null, closed_at: null }).execute();
  await tenant
    .insertInto('access_review_items', { id: itemId, review_id: id, assignment_id: randomUUID(), user_id: org.users.supervisor!.id, role_key: 'supervisor', client_id: org.clients.A!, reviewer_id: org.users.officer!.id, decision: null, decided_by: null, decided_at: null, note: null })
    .execute();
  return { id, itemId };
};
/** An incident the officer works, for the routes that edit one. */
const incidentOf = async ({ app, org }: { app: TestApp; org: TestOrg }) =>
  (await reportIncident(unsafeSystemContext(app.database, app.app.platform.keyring, org.orgId, 'compliance', 'test'), { type: 'other', description: 'A fax went to the wrong office.', clientIds: [org.clients.A!] })).id;
/** An incident ready to close: assessed as excluded, so client A (breaches only) is owed nothing. */
const closableIncidentOf = async (fx: { app: TestApp; org: TestOrg }) => {
  const id = await incidentOf(fx);
  const ctx = unsafeSystemContext(fx.app.database, fx.app.app.platform.keyring, fx.org.orgId, 'compliance', 'test');
  await saveAssessment(ctx, id, { exclusions: { unableToRetain: { applies: true, reasoning: 'The fax machine belongs to a covered entity that destroyed it.' } }, determination: 'excluded', reasoning: 'The recipient could not retain it.' });
  await signAssessment(ctx, id);
  return id;
};
/** Dotted field paths (`factors.nature.extent`) as the nested body they name. */
const nest = (fields: Record<string, string>): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(fields)) {
    const keys = path.split('.');
    let at = out;
    for (const k of keys.slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>;
    at[keys[keys.length - 1]!] = value;
  }
  // An exclusion's reasoning travels with whether it applies.
  for (const exclusion of Object.values((out.exclusions ?? {}) as Record<string, Record<string, unknown>>)) exclusion.applies ??= false;
  return out;
};
const PDF = new TextEncoder().encode('%PDF-1.4\n% synthetic signed agreement\n%%EOF\n');

/** Synthetic PHI an agent might type: a name, a phone number and a birth date. */
const PHI_TEXT = 'Call back Jane Testperson at 555-201-3344, DOB 4/12/61';
const PHI_PARTS = ['Testperson', '555-201-3344', '4/12/61'];
const REDACTED_PHI_TEXT = 'Call back [NAME] at [PHONE], DOB [DATE]';
/** Operational text the detector flags although it is the practice's own (an override's reason). */
const FLAGGED_OPERATIONAL = 'If urgent, press 2 or call 555-014-2233';

async function send(client: TestClient, c: GuardCase, fx: { app: TestApp; org: TestOrg }, fields: Record<string, string>, extra: Record<string, unknown> = {}) {
  const r = await c.request(fx, fields);
  if ('raw' in r.body) return client.request(r.method, `${r.url}?${new URLSearchParams(fields)}`, r.body.raw, { 'content-type': r.body.type as string });
  return client.request(r.method, r.url, { ...r.body, ...extra });
}

test('PHI guard: the schema walk finds guarded fields in nested objects, arrays and nullable unions; redaction keeps the rest', () => {
  const schema = Strict({
    title: PhiGuarded(100),
    ref: Type.String(),
    attempts: Type.Array(Strict({ note: Type.Optional(Type.Union([PhiGuarded(200), Type.Null()])), outcome: Type.String() })),
  });
  assert.deepEqual(guardedPaths(schema).map((p) => p.join('.')), ['title', 'attempts.*.note']);
  const text = 'cb Jane Testperson 555-201-3344 re refill';
  assert.equal(redact(text, detectPhi(text)), 'cb [NAME] [PHONE] re refill');
});

test('PHI guard: every guarded field of every route refuses or redacts per client policy, and overrides are checked and audited', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A'], users: { officer: ['compliance', null], supervisor: ['supervisor', 'A'] } });
  const admin = await signedInClient(app, org.orgId, org.admin.id);
  const fx = { app, org };
  const senders: Record<string, TestClient> = { admin, supervisor: await signedInClient(app, org.orgId, org.users.supervisor!.id), officer: await signedInClient(app, org.orgId, org.users.officer!.id) };
  /** Refusals and redactions expected in client A's counts. */
  const countsA = { refused: 0, redacted: 0 };

  const routes = app.app.phiGuardedRoutes;
  assert.ok(routes.length > 0, 'the app has PHI-guarded routes');
  for (const route of routes) {
    const key = `${route.method} ${route.url}`;
    const c = CASES[key];
    assert.ok(c, `${key} has PHI-guarded fields (${route.paths.join(', ')}) but no case in the PHI-guard test`);
    const sender = senders[c.as ?? 'admin']!;
    // The OpenAPI document tells integrators which fields are guarded and that overrides exist.
    const doc = (await admin.get('/api/openapi.json')).body;
    const operation = doc.paths[route.url.replace(/:(\w+)/g, '{$1}')][route.method.toLowerCase()];
    const inQuery = route.in === 'query';
    if (!inQuery) {
      const bodySchema = operation.requestBody.content['application/json'].schema;
      const holders = bodySchema.anyOf ?? [bodySchema];
      assert.ok(holders.some((h: { properties?: Record<string, unknown> }) => h.properties?.phiOverrides), `${key} documents phiOverrides`);
    }

    for (const field of route.paths) {
      assert.ok(!field.includes('*'), 'array fields need a case that fills them');
      const clientId = c.client(org);
      if (clientId) assert.equal((await admin.patch(`/api/clients/${clientId}`, { phiGuardMode: 'refuse' })).status, 200);

      // Refuse: 400 naming each span's field, type and offsets, never the text; nothing stored.
      const refused = await send(sender, c, fx, { [field]: PHI_TEXT });
      assert.equal(refused.status, 400, `${key} ${field} refuses PHI`);
      if (clientId === org.clients.A) countsA.refused += 1;
      assert.equal(refused.body.type, 'urn:ringfence:problem:phi_detected');
      assert.equal(refused.body.field, field);
      const expected = detectPhi(PHI_TEXT).map((s) => ({ field, start: s.start, end: s.end, type: s.type }));
      assert.deepEqual(refused.body.spans, expected);
      assert.deepEqual(new Set(expected.map((s) => s.type)), new Set(['NAME', 'PHONE', 'DATE']));
      for (const part of PHI_PARTS) {
        assert.ok(!refused.text.includes(part), `the refusal does not echo ${part}`);
        assert.ok(!(await everythingStored(app)).includes(part), `${part} was not stored`);
      }

      // Overrides travel in a JSON body; a guarded query parameter is refused or redacted only.
      if (!inQuery) {
        // An override must match a detected span, and its reason must be PHI-free.
        const spans = detectPhi(FLAGGED_OPERATIONAL);
        assert.ok(spans.length > 0);
        const overrides = spans.map((s) => ({ field, start: s.start, end: s.end, type: s.type, reason: "the practice's own after-hours line" }));
        const shifted = await send(sender, c, fx, { [field]: FLAGGED_OPERATIONAL }, { phiOverrides: [{ ...overrides[0], start: overrides[0]!.start + 1 }] });
        assert.equal(shifted.status, 400);
        assert.equal(shifted.body.field, 'phiOverrides.0');
        const phiReason = await send(sender, c, fx, { [field]: FLAGGED_OPERATIONAL }, { phiOverrides: [{ ...overrides[0], reason: 'it is Jane Testperson 555-201-3344' }] });
        assert.equal(phiReason.status, 400);
        assert.equal(phiReason.body.field, 'phiOverrides.0.reason');
        const elsewhere = await send(sender, c, fx, { [field]: FLAGGED_OPERATIONAL }, { phiOverrides: [{ ...overrides[0], field: 'noSuchField' }] });
        assert.equal(elsewhere.status, 400);
        assert.equal(elsewhere.body.field, 'phiOverrides.0.field');
        const overridden = await send(sender, c, fx, { [field]: FLAGGED_OPERATIONAL }, { phiOverrides: overrides });
        assert.ok(overridden.status < 300, `${key} accepts a span marked not PHI (${overridden.status} ${overridden.text})`);
        assert.ok((await everythingStored(app)).includes(FLAGGED_OPERATIONAL), 'the overridden text is stored as typed');
      }

      // Redact: where the client's policy says so, the spans are replaced and the original never stored.
      if (clientId) {
        assert.equal((await admin.patch(`/api/clients/${clientId}`, { phiGuardMode: 'redact' })).status, 200);
        const redacted = await send(sender, c, fx, { [field]: PHI_TEXT });
        assert.ok(redacted.status < 300, `${key} ${field} redacts (${redacted.status} ${redacted.text})`);
        if (clientId === org.clients.A) countsA.redacted += 1;
        const stored = await everythingStored(app);
        for (const part of PHI_PARTS) assert.ok(!stored.includes(part), `${part} was not stored`);
        assert.ok(stored.includes(REDACTED_PHI_TEXT), 'the redacted text is stored');
      }
    }
  }

  // Every refusal, redaction and override is in the audit trail, without the text, and counted per client.
  const events = await auditEvents(app, org.orgId);
  const guardEvents = events.filter((e) => e.action.startsWith('phi_guard.'));
  for (const part of PHI_PARTS) assert.ok(!JSON.stringify(guardEvents).includes(part));
  const overrideEvent = guardEvents.find((e) => e.action === 'phi_guard.overridden' && e.client_id === org.clients.A);
  assert.equal(JSON.parse(overrideEvent!.details!).reason, "the practice's own after-hours line");
  const officer = await signedInClient(app, org.orgId, org.users.officer!.id);
  const stats = await officer.get(`/api/clients/${org.clients.A}/phi-guard`);
  assert.equal(stats.status, 200);
  assert.equal(stats.body.mode, 'redact');
  assert.equal(stats.body.refused, countsA.refused);
  assert.equal(stats.body.redacted, countsA.redacted);
  assert.ok(countsA.refused >= 5, 'every guarded field of client A was tried');
  assert.equal(stats.body.overridden, detectPhi(FLAGGED_OPERATIONAL).length * countsA.refused);
  assert.ok(stats.body.lastOverrideAt);
});

test('PHI guard: a task of a client the caller cannot reach gets the answer a non-existent task gets, and counts in no client', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A', 'B'], users: { agentA: ['agent', 'A'], officer: ['compliance', null] } });
  const admin = await signedInClient(app, org.orgId, org.admin.id);
  // Client B redacts; client A's agent must not learn that from the answer.
  assert.equal((await admin.patch(`/api/clients/${org.clients.B}`, { phiGuardMode: 'redact' })).status, 200);
  const taskOfB = await insertTestTask(app, org.orgId, org.clients.B!);
  const agent = await signedInClient(app, org.orgId, org.users.agentA!.id);
  const body = { channel: 'phone', outcome: 'no_answer', note: PHI_TEXT };
  const normalise = (r: { status: number; body: Record<string, unknown> }) => ({ status: r.status, body: { ...r.body, instance: undefined, requestId: undefined } });
  const foreign = normalise(await agent.post(`/api/tasks/${taskOfB.id}/attempts`, body));
  const missing = normalise(await agent.post(`/api/tasks/${randomUUID()}/attempts`, body));
  assert.deepEqual(foreign, missing);
  assert.equal(foreign.status, 400);
  const officer = await signedInClient(app, org.orgId, org.users.officer!.id);
  const statsB = (await officer.get(`/api/clients/${org.clients.B}/phi-guard`)).body;
  assert.equal(statsB.refused + statsB.redacted, 0, "the request is not counted in client B's statistics");
});
