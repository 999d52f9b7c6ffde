import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ENGINE, buildTestApp, createTestOrg, signedInClient } from './helpers.ts';

test('health reports the engine and version', async (t) => {
  const app = await buildTestApp(t);
  const res = await app.client().get('/api/health');
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, { status: 'ok', db: ENGINE, version: app.app.platform.version });
  assert.ok(res.headers.get('x-request-id'));
});

test('security headers are strict on every response', async (t) => {
  const app = await buildTestApp(t);
  const res = await app.client().get('/api/health');
  const csp = res.headers.get('content-security-policy') ?? '';
  assert.match(csp, /frame-ancestors 'none'/);
  assert.match(csp, /default-src 'self'/);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
  assert.equal(res.headers.get('x-frame-options'), 'DENY');
  assert.equal(res.headers.get('cache-control'), 'no-store');
  // No HSTS on plain http.
  assert.equal(res.headers.get('strict-transport-security'), null);
});

test('the OpenAPI document describes every API route, and the docs page is served', async (t) => {
  const app = await buildTestApp(t);
  const doc = await app.client().get('/api/openapi.json');
  assert.equal(doc.status, 200);
  assert.equal(doc.body.openapi, '3.1.0');
  const documented = new Set<string>();
  for (const [p, ops] of Object.entries(doc.body.paths as Record<string, Record<string, unknown>>)) {
    for (const m of Object.keys(ops)) documented.add(`${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`);
  }
  const apiRoutes = app.app.registeredRoutes.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json');
  for (const r of apiRoutes) assert.ok(documented.has(`${r.method} ${r.url}`), `${r.method} ${r.url} is missing from the OpenAPI document`);
  const docs = await app.client().get('/api/docs/');
  assert.equal(docs.status, 200);
  assert.match(docs.text, /swagger/i);
  // The documentation is served under the console's policy: never framed, scripts from this origin only.
  const appPolicy = (await app.client().get('/api/health')).headers.get('content-security-policy');
  for (const page of ['/api/docs/', '/api/docs/static/index.html', '/api/docs/static/swagger-initializer.js']) {
    const res = await app.client().get(page);
    assert.equal(res.headers.get('content-security-policy'), appPolicy, `${page} has the app's policy`);
  }
  assert.match(appPolicy ?? '', /frame-ancestors 'none'/);
});

test('bad input is a problem+json 400 naming the field, and changes nothing', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app);
  const admin = await signedInClient(app, org.orgId, org.admin.id);

  const missing = await admin.post('/api/clients', { timeZone: 'America/Chicago' });
  assert.equal(missing.status, 400);
  assert.match(missing.headers.get('content-type') ?? '', /application\/problem\+json/);
  assert.equal(missing.body.type, 'urn:ringfence:problem:validation');
  assert.equal(missing.body.field, 'name');
  assert.ok(missing.body.requestId);

  const unknown = await admin.post('/api/clients', { name: 'Lakeside Pediatrics', timeZone: 'America/Chicago', color: 'red' });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.field, 'color');

  const wrongType = await admin.post('/api/clients', { name: 42, timeZone: 'America/Chicago' });
  assert.equal(wrongType.status, 400);
  assert.equal(wrongType.body.field, 'name');

  const badZone = await admin.post('/api/clients', { name: 'Lakeside Pediatrics', timeZone: 'Mars/Olympus' });
  assert.equal(badZone.status, 400);
  assert.equal(badZone.body.field, 'timeZone');

  const badJson = await admin.request('POST', '/api/clients', '{"name": ', { 'content-type': 'application/json' });
  assert.equal(badJson.status, 400);
  assert.equal(badJson.body.status, 400);

  const form = await admin.request('POST', '/api/clients', 'name=x', { 'content-type': 'application/x-www-form-urlencoded' });
  assert.equal(form.status, 415);
  assert.equal(form.body.type, 'urn:ringfence:problem:unsupported_media_type');

  const badQuery = await admin.get('/api/users?limit=100000');
  assert.equal(badQuery.status, 400);
  assert.equal(badQuery.body.field, 'limit');

  const badId = await admin.get('/api/users/not-a-uuid');
  assert.equal(badId.status, 400);
  assert.equal(badId.body.field, 'id');

  const list = await admin.get('/api/clients');
  assert.equal(list.body.total, 0, 'no client was created by the refused requests');
});

test('unknown routes answer problem+json 404 without echoing the query string', async (t) => {
  const app = await buildTestApp(t);
  const res = await app.client().get('/api/nothing-here?name=Jane');
  assert.equal(res.status, 404);
  assert.equal(res.body.type, 'urn:ringfence:problem:not_found');
  assert.equal(res.body.instance, '/api/nothing-here');
  assert.doesNotMatch(res.text, /Jane/);
});

test('a route without a declared permission stops the app from booting', async (t) => {
  const app = await buildTestApp(t);
  // A second app with one undeclared route must refuse to become ready.
  const { default: Fastify } = await import('fastify');
  const { authenticatePlugin } = await import('../src/platform/auth/authenticate.ts');
  const bare = Fastify({ logger: false });
  await bare.register((await import('@fastify/cookie')).default);
  await bare.register(authenticatePlugin, { config: app.config, database: app.database, keyring: app.app.platform.keyring, cookieSecure: false });
  bare.get('/api/undeclared', async () => ({ ok: true }));
  await assert.rejects(async () => {
    await bare.ready();
  }, /Routes without a declared permission: GET \/api\/undeclared/);
});
