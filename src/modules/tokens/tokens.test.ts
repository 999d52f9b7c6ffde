import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditEvents, buildTestApp, createTestOrg, signedInClient } from '../../../test/helpers.ts';

test('an API token is shown once, stored hashed, limited to its scopes and clients, and dies when revoked', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A', 'B'] });
  const admin = await signedInClient(app, org.orgId, org.admin.id);
  const created = await admin.post('/api/tokens', { name: 'Telephony intake', scopes: ['clients:read'], clientIds: [org.clients.A] });
  assert.equal(created.status, 201);
  const secret = created.body.token as string;
  assert.match(secret, /^rf_[A-Za-z0-9_-]{43}$/);
  const stored = await app.tenant(org.orgId).selectFrom('api_tokens').selectAll().executeTakeFirstOrThrow();
  assert.ok(!JSON.stringify(stored).includes(secret.slice(3)), 'only a hash of the token is stored');
  const listed = await admin.get('/api/tokens');
  assert.ok(!listed.text.includes(secret), 'the list never shows the secret again');
  assert.equal(listed.body[0].prefix, secret.slice(0, 10));

  const integration = app.client();
  integration.bearer = secret;
  const clients = await integration.get('/api/clients');
  assert.equal(clients.status, 200);
  assert.deepEqual(
    clients.body.items.map((c: { id: string }) => c.id),
    [org.clients.A],
  );
  assert.equal((await integration.get(`/api/clients/${org.clients.B}`)).status, 404);
  assert.equal((await integration.get('/api/users')).status, 403, 'outside its scopes');
  assert.equal((await integration.get('/api/auth/me')).status, 403, 'tokens cannot act as a person');

  const revoked = await admin.delete(`/api/tokens/${created.body.id}`);
  assert.ok(revoked.body.revokedAt);
  const after = await integration.get('/api/clients');
  assert.equal(after.status, 401);
  const actions = (await auditEvents(app, org.orgId)).map((e) => e.action);
  assert.ok(actions.includes('token.created') && actions.includes('token.revoked'));
});

test('unknown scopes, past expiry and foreign clients are refused', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A'] });
  const other = await createTestOrg(app, { clients: ['C'] });
  const admin = await signedInClient(app, org.orgId, org.admin.id);
  assert.equal((await admin.post('/api/tokens', { name: 'x', scopes: ['everything'] })).body.field, 'scopes');
  assert.equal((await admin.post('/api/tokens', { name: 'x', scopes: ['tasks:create'], expiresAt: '2020-01-01T00:00:00Z' })).body.field, 'expiresAt');
  assert.equal((await admin.post('/api/tokens', { name: 'x', scopes: ['tasks:create'], clientIds: [other.clients.C] })).body.field, 'clientIds');
  assert.equal((await admin.get('/api/tokens')).body.length, 0);
});

test('an expired token is refused', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A'] });
  const admin = await signedInClient(app, org.orgId, org.admin.id);
  const created = await admin.post('/api/tokens', { name: 'short-lived', scopes: ['clients:read'], expiresAt: new Date(Date.now() + 60_000).toISOString() });
  await app.tenant(org.orgId).updateTable('api_tokens').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).execute();
  const integration = app.client();
  integration.bearer = created.body.token;
  assert.equal((await integration.get('/api/clients')).status, 401);
});
