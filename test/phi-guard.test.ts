import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { detectPhi } from '../src/phi/detect.ts';
import { guardedPaths, redact } from '../src/platform/http/phi-guard.ts';
import { PhiGuarded, Strict } from '../src/platform/http/schemas.ts';
import { Type } from 'typebox';
import { auditEvents, buildTestApp, createTestOrg, everythingStored, signedInClient, type TestClient, type TestOrg } from './helpers.ts';

/**
 * The PHI guard on every route that has PHI-guarded fields, found by walking the route table:
 * a guarded route missing from CASES fails, so new operational text cannot skip the guard's tests.
 */

interface GuardCase {
  /** The request, with `fields` set to the text under test. */
  request(org: TestOrg, fields: Record<string, string>): { method: 'POST' | 'PATCH' | 'PUT'; url: string; body: Record<string, unknown> };
  /** The client whose policy applies (null: a client that does not exist yet, so the default, refuse). */
  client(org: TestOrg): string | null;
}

const CASES: Record<string, GuardCase> = {
  'POST /api/clients': {
    request: (_org, fields) => ({ method: 'POST', url: '/api/clients', body: { name: `Clinic ${randomBytes(3).toString('hex')}`, timeZone: 'America/Chicago', ...fields } }),
    client: () => null,
  },
  'PATCH /api/clients/:id': {
    request: (org, fields) => ({ method: 'PATCH', url: `/api/clients/${org.clients.A}`, body: fields }),
    client: (org) => org.clients.A!,
  },
};

/** Synthetic PHI an agent might type: a name, a phone number and a birth date. */
const PHI_TEXT = 'Call back Jane Testperson at 555-201-3344, DOB 4/12/61';
const PHI_PARTS = ['Testperson', '555-201-3344', '4/12/61'];
/** Operational text the detector flags although it is the practice's own (an override's reason). */
const FLAGGED_OPERATIONAL = 'If urgent, press 2 or call 555-014-2233';

async function send(client: TestClient, c: GuardCase, org: TestOrg, fields: Record<string, string>, extra: Record<string, unknown> = {}) {
  const r = c.request(org, fields);
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
  const org = await createTestOrg(app, { clients: ['A'], users: { officer: ['compliance', null] } });
  const admin = await signedInClient(app, org.orgId, org.admin.id);

  const routes = app.app.phiGuardedRoutes;
  assert.ok(routes.length > 0, 'the app has PHI-guarded routes');
  for (const route of routes) {
    const key = `${route.method} ${route.url}`;
    const c = CASES[key];
    assert.ok(c, `${key} has PHI-guarded fields (${route.paths.join(', ')}) but no case in the PHI-guard test`);
    // The OpenAPI document tells integrators which fields are guarded and that overrides exist.
    const doc = (await admin.get('/api/openapi.json')).body;
    const operation = doc.paths[route.url.replace(/:(\w+)/g, '{$1}')][route.method.toLowerCase()];
    const bodySchema = operation.requestBody.content['application/json'].schema;
    assert.ok(bodySchema.properties.phiOverrides, `${key} documents phiOverrides`);

    for (const field of route.paths) {
      assert.ok(!field.includes('*'), 'array fields need a case that fills them');
      const clientId = c.client(org);
      if (clientId) assert.equal((await admin.patch(`/api/clients/${clientId}`, { phiGuardMode: 'refuse' })).status, 200);

      // Refuse: 400 naming each span's field, type and offsets, never the text; nothing stored.
      const refused = await send(admin, c, org, { [field]: PHI_TEXT });
      assert.equal(refused.status, 400, `${key} ${field} refuses PHI`);
      assert.equal(refused.body.type, 'urn:ringfence:problem:phi_detected');
      assert.equal(refused.body.field, field);
      const expected = detectPhi(PHI_TEXT).map((s) => ({ field, start: s.start, end: s.end, type: s.type }));
      assert.deepEqual(refused.body.spans, expected);
      assert.deepEqual(new Set(expected.map((s) => s.type)), new Set(['NAME', 'PHONE', 'DATE']));
      for (const part of PHI_PARTS) {
        assert.ok(!refused.text.includes(part), `the refusal does not echo ${part}`);
        assert.ok(!(await everythingStored(app)).includes(part), `${part} was not stored`);
      }

      // An override must match a detected span, and its reason must be PHI-free.
      const spans = detectPhi(FLAGGED_OPERATIONAL);
      assert.ok(spans.length > 0);
      const overrides = spans.map((s) => ({ field, start: s.start, end: s.end, type: s.type, reason: "the practice's own after-hours line" }));
      const shifted = await send(admin, c, org, { [field]: FLAGGED_OPERATIONAL }, { phiOverrides: [{ ...overrides[0], start: overrides[0]!.start + 1 }] });
      assert.equal(shifted.status, 400);
      assert.equal(shifted.body.field, 'phiOverrides.0');
      const phiReason = await send(admin, c, org, { [field]: FLAGGED_OPERATIONAL }, { phiOverrides: [{ ...overrides[0], reason: 'it is Jane Testperson 555-201-3344' }] });
      assert.equal(phiReason.status, 400);
      assert.equal(phiReason.body.field, 'phiOverrides.0.reason');
      const elsewhere = await send(admin, c, org, { [field]: FLAGGED_OPERATIONAL }, { phiOverrides: [{ ...overrides[0], field: 'name' }] });
      assert.equal(elsewhere.status, 400);
      assert.equal(elsewhere.body.field, 'phiOverrides.0.field');
      const overridden = await send(admin, c, org, { [field]: FLAGGED_OPERATIONAL }, { phiOverrides: overrides });
      assert.ok(overridden.status < 300, `${key} accepts a span marked not PHI (${overridden.status} ${overridden.text})`);
      assert.ok((await everythingStored(app)).includes(FLAGGED_OPERATIONAL), 'the overridden text is stored as typed');

      // Redact: where the client's policy says so, the spans are replaced and the original never stored.
      if (clientId) {
        assert.equal((await admin.patch(`/api/clients/${clientId}`, { phiGuardMode: 'redact' })).status, 200);
        const redacted = await send(admin, c, org, { [field]: PHI_TEXT });
        assert.ok(redacted.status < 300, `${key} ${field} redacts (${redacted.status})`);
        const stored = await everythingStored(app);
        for (const part of PHI_PARTS) assert.ok(!stored.includes(part), `${part} was not stored`);
        assert.ok(stored.includes('Call back [NAME] at [PHONE], DOB [DATE]'), 'the redacted text is stored');
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
  assert.equal(stats.body.refused, 1);
  assert.equal(stats.body.redacted, 1);
  assert.equal(stats.body.overridden, detectPhi(FLAGGED_OPERATIONAL).length);
  assert.ok(stats.body.lastOverrideAt);
});
