import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TEST_PASSWORD, auditEvents, buildTestApp, createTestOrg, signedInClient, totpCode } from '../../../test/helpers.ts';

const PASSWORD = 'seashell copper window 55';

test('an admin adds a person with a client role; they enrol an authenticator at first sign-in', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A'] });
  const admin = await signedInClient(app, org.orgId, org.admin.id);
  const created = await admin.post('/api/users', { email: 'Rosa.Agent@example.test', displayName: 'Rosa Agent', password: PASSWORD, roles: [{ role: 'agent', clientId: org.clients.A }] });
  assert.equal(created.status, 201);
  assert.equal(created.body.email, 'rosa.agent@example.test');
  assert.equal(created.body.mfaEnrolled, false);
  assert.deepEqual(
    created.body.roles.map((r: { role: string; clientId: string }) => [r.role, r.clientId]),
    [['agent', org.clients.A]],
  );
  assert.ok(!('password_hash' in created.body) && !created.text.includes('argon2'), 'no hash leaves the server');

  const browser = app.client();
  const login = await browser.post('/api/auth/login', { email: 'rosa.agent@example.test', password: PASSWORD });
  assert.equal(login.body.enrollmentRequired, true);
  const enroll = await browser.post('/api/auth/mfa/enroll');
  assert.equal(enroll.status, 200);
  const again = await browser.post('/api/auth/mfa/enroll');
  assert.equal(again.body.secret, enroll.body.secret, 'the offered secret stays the same until confirmed');
  const done = await browser.post('/api/auth/mfa', { code: await totpCode(enroll.body.secret) });
  assert.equal(done.status, 200);
  assert.equal(done.body.recoveryCodes.length, 10);
  assert.equal((await browser.get('/api/clients')).body.total, 1);

  const actions = (await auditEvents(app, org.orgId)).map((e) => e.action);
  for (const a of ['user.created', 'role.assigned', 'auth.mfa.enrollment_started', 'auth.mfa.enrolled']) assert.ok(actions.includes(a), a);
});

test('email addresses are unique within the organization; refusals change nothing', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A'] });
  const other = await createTestOrg(app, { clients: ['C'] });
  const admin = await signedInClient(app, org.orgId, org.admin.id);
  const dup = await admin.post('/api/users', { email: org.admin.email, displayName: 'Someone', password: PASSWORD });
  assert.equal(dup.status, 409);
  assert.equal(dup.body.field, 'email');
  const foreignClient = await admin.post('/api/users', { email: 'new@example.test', displayName: 'New', password: PASSWORD, roles: [{ role: 'agent', clientId: other.clients.C }] });
  assert.equal(foreignClient.status, 400);
  assert.equal(foreignClient.body.field, 'clientId');
  const badRole = await admin.post('/api/users', { email: 'new@example.test', displayName: 'New', password: PASSWORD, roles: [{ role: 'superuser', clientId: null }] });
  assert.equal(badRole.status, 400);
  assert.equal(badRole.body.field, 'role');
  const list = await admin.get('/api/users');
  assert.equal(list.body.total, 1, 'no half-created person remains');
});

test('the last administrator cannot be deactivated or lose the role; nobody deactivates themselves', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { users: { second: ['admin', null] } });
  const admin = await signedInClient(app, org.orgId, org.admin.id);
  assert.equal((await admin.post(`/api/users/${org.admin.id}/deactivate`)).status, 409);
  assert.equal((await admin.post(`/api/users/${org.users.second!.id}/deactivate`)).status, 200);
  const me = await admin.get(`/api/users/${org.admin.id}`);
  const revoke = await admin.delete(`/api/users/${org.admin.id}/roles/${me.body.roles[0].id}`);
  assert.equal(revoke.status, 409);
  assert.match(revoke.body.detail, /last active administrator/);
  assert.equal((await admin.post(`/api/users/${org.users.second!.id}/reactivate`)).body.status, 'active');
  assert.equal((await admin.delete(`/api/users/${org.admin.id}/roles/${me.body.roles[0].id}`)).status, 200);
});

test('roles: duplicates refused, listed with their permissions, reset MFA ends sessions', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A'], users: { agent: ['agent', 'A'] } });
  const admin = await signedInClient(app, org.orgId, org.admin.id);
  const dup = await admin.post(`/api/users/${org.users.agent!.id}/roles`, { role: 'agent', clientId: org.clients.A });
  assert.equal(dup.status, 409);
  const roles = await admin.get('/api/roles');
  const agent = roles.body.find((r: { key: string }) => r.key === 'agent');
  assert.ok(agent.permissions.some((p: { subject: string; categories: string[] }) => p.subject === 'Patient' && p.categories.includes('contact')));
  assert.ok(!agent.permissions.some((p: { categories: string[] }) => p.categories.includes('clinical') || p.categories.includes('billing')), 'agents never get clinical or billing data');
  const adminRole = roles.body.find((r: { key: string }) => r.key === 'admin');
  assert.ok(adminRole.permissions.every((p: { categories: string[] }) => p.categories.every((c) => c === 'operational')), 'administrators get no PHI by default');

  const agentSession = await signedInClient(app, org.orgId, org.users.agent!.id);
  const reset = await admin.post(`/api/users/${org.users.agent!.id}/reset-mfa`);
  assert.equal(reset.body.mfaEnrolled, false);
  assert.equal((await agentSession.get('/api/clients')).status, 401);
  const login = await app.client().post('/api/auth/login', { email: org.users.agent!.email, password: TEST_PASSWORD });
  assert.equal(login.body.enrollmentRequired, true);
});

test('people list: search, filter, sort and page', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { users: { ana: [], bo: [], cy: [], di: [] } });
  const admin = await signedInClient(app, org.orgId, org.admin.id);
  const page = await admin.get('/api/users?limit=2&offset=0&sort=-email');
  assert.equal(page.body.total, 5);
  assert.equal(page.body.items.length, 2);
  const emails = page.body.items.map((u: { email: string }) => u.email);
  assert.deepEqual(emails, [...emails].sort().reverse());
  const search = await admin.get('/api/users?q=CY-');
  assert.equal(search.body.total, 1);
  assert.equal(search.body.items[0].id, org.users.cy!.id);
  await admin.post(`/api/users/${org.users.di!.id}/deactivate`);
  assert.equal((await admin.get('/api/users?status=deactivated')).body.total, 1);
});

test('an administrator cannot open PHI to themselves: the self-grant is refused, audited, and an alert on the compliance dashboard', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A'], users: { officer: ['compliance', null], second: ['admin', null] } });
  const admin = await signedInClient(app, org.orgId, org.admin.id);
  const refused = await admin.post(`/api/users/${org.admin.id}/roles`, { role: 'compliance', clientId: null });
  assert.equal(refused.status, 403);
  assert.equal(refused.body.field, 'role');
  assert.match(refused.body.detail, /another administrator must grant it/);
  assert.equal((await admin.post(`/api/users/${org.admin.id}/roles`, { role: 'agent', clientId: org.clients.A })).status, 403, 'any role that reaches PHI');
  const me = await admin.get(`/api/users/${org.admin.id}`);
  assert.deepEqual(me.body.roles.map((r: { role: string }) => r.role), ['admin'], 'nothing was granted');
  // A role without patient information is fine; so is a second administrator granting the PHI role.
  const second = await signedInClient(app, org.orgId, org.users.second!.id);
  assert.equal((await second.post(`/api/users/${org.admin.id}/roles`, { role: 'compliance', clientId: null })).status, 201);

  const events = await auditEvents(app, org.orgId);
  assert.equal(events.filter((e) => e.action === 'role.self_grant_refused' && e.outcome === 'failure').length, 2);
  const officer = await signedInClient(app, org.orgId, org.users.officer!.id);
  const alerts = (await officer.get('/api/compliance/dashboard')).body.securityAlerts;
  assert.deepEqual(alerts.map((a: { role: string; action: string }) => [a.action, a.role]), [['role.self_grant_refused', 'agent'], ['role.self_grant_refused', 'compliance']]);
});
