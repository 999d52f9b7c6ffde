import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TEST_PASSWORD, auditEvents, buildTestApp, createTestOrg, signedInClient, totpCode } from '../helpers.ts';
import { report } from './scale.ts';

/**
 * Sessions as an auditor would test them: idle expiry and the absolute limit against a clock
 * the test moves, logout and deactivation on the very next request, a TOTP code accepted once,
 * the second-factor lockout, and the CSRF check on every state-changing route of the route table.
 */

const IDLE_MINUTES = 15;
const ABSOLUTE_HOURS = 12;
const config = { RINGFENCE_SESSION_IDLE_MINUTES: String(IDLE_MINUTES), RINGFENCE_SESSION_ABSOLUTE_HOURS: String(ABSOLUTE_HOURS) };

test('idle expiry and the absolute limit hold against a moving clock', async (t) => {
  const app = await buildTestApp(t, config);
  const org = await createTestOrg(app, { users: { agent: [] } });
  const idle = await signedInClient(app, org.orgId, org.users.agent!.id);
  const busy = await signedInClient(app, org.orgId, org.users.agent!.id);
  t.mock.timers.enable({ apis: ['Date'], now: Date.now() });

  // Idle: a minute short of the limit the session lives (and the request restarts the timer); past it, it is gone.
  t.mock.timers.tick((IDLE_MINUTES - 1) * 60_000);
  assert.equal((await idle.post('/api/auth/activity')).status, 200);
  assert.equal((await busy.post('/api/auth/activity')).status, 200);
  t.mock.timers.tick((IDLE_MINUTES - 1) * 60_000);
  assert.equal((await busy.post('/api/auth/activity')).status, 200);
  t.mock.timers.tick(2 * 60_000 + 1_000);
  const expired = await idle.get('/api/auth/me');
  assert.equal(expired.status, 401);
  assert.equal(expired.body.type, 'urn:ringfence:problem:session_expired');
  assert.match(expired.body.detail, /inactivity/);

  // Absolute: a session kept busy still ends at its limit.
  let last = 200;
  // 30 minutes have passed since sign-in.
  let hours = 0.5;
  while (last === 200 && hours < ABSOLUTE_HOURS + 1) {
    t.mock.timers.tick(10 * 60_000);
    hours += 1 / 6;
    last = (await busy.post('/api/auth/activity')).status;
  }
  assert.equal(last, 401);
  assert.ok(hours >= ABSOLUTE_HOURS - 0.2 && hours <= ABSOLUTE_HOURS + 0.2, `ended at the absolute limit (${hours.toFixed(2)} h)`);
  const reasons = (await auditEvents(app, org.orgId)).filter((e) => e.action === 'auth.session.expired').map((e) => JSON.parse(e.details!).reason);
  assert.deepEqual(reasons.sort(), ['absolute', 'idle']);
  report('sessions', { idleMinutes: IDLE_MINUTES, absoluteHours: hours.toFixed(2) });
});

test('logout and deactivation take effect on the next request; a TOTP code is accepted once; wrong codes lock', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { users: { agent: [], other: [], guessed: [] } });
  const agent = await signedInClient(app, org.orgId, org.users.agent!.id);
  const second = await signedInClient(app, org.orgId, org.users.agent!.id);
  assert.equal((await agent.post('/api/auth/logout')).status, 204);
  assert.equal((await agent.get('/api/auth/me')).status, 401, 'the ended session answers nothing');
  assert.equal((await second.get('/api/auth/me')).status, 200, 'logout ends only its own session');
  const admin = await signedInClient(app, org.orgId, org.admin.id);
  assert.equal((await admin.post(`/api/users/${org.users.agent!.id}/deactivate`)).status, 200);
  assert.equal((await second.get('/api/auth/me')).status, 401, 'deactivation ends every session at once');

  // Replay: the same code twice, even from two sign-ins in flight.
  const other = org.users.other!;
  const a = app.client();
  const b = app.client();
  await a.post('/api/auth/login', { email: other.email, password: TEST_PASSWORD });
  await b.post('/api/auth/login', { email: other.email, password: TEST_PASSWORD });
  const code = await totpCode(other.totpSecret);
  const answers = await Promise.all([a.post('/api/auth/mfa', { code }), b.post('/api/auth/mfa', { code })]);
  assert.deepEqual(answers.map((r) => r.status).sort(), [200, 401], 'one of the two is refused');

  // Second factor: five wrong codes across five sign-ins lock the account.
  const guessed = org.users.guessed!;
  const wrong = async () => ((await totpCode(guessed.totpSecret)) === '123456' ? '654321' : '123456');
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) {
    const c = app.client();
    await c.post('/api/auth/login', { email: guessed.email, password: TEST_PASSWORD });
    statuses.push((await c.post('/api/auth/mfa', { code: await wrong() })).status);
  }
  assert.deepEqual(statuses, [401, 401, 401, 401, 423]);
  report('sessions', { logout: 'next request', deactivation: 'next request', totpReplay: 'refused', secondFactorLockoutAfter: 5 });
});

test('every state-changing route refuses a signed-in request without the CSRF token, and changes nothing', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A'] });
  const admin = await signedInClient(app, org.orgId, org.admin.id);
  const routes = app.app.registeredRoutes.filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method) && r.config.permission !== 'public');
  assert.ok(routes.length > 40, `state-changing routes: ${routes.length}`);
  const failures: string[] = [];
  const before = await auditEvents(app, org.orgId);
  for (const route of routes) {
    const url = route.url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
    for (const token of [undefined, 'not-the-token']) {
      const res = await fetch(app.url + url, { method: route.method, headers: { cookie: admin.cookie!, 'content-type': 'application/json', ...(token ? { 'x-csrf-token': token } : {}) }, body: '{}' });
      const body = (await res.json()) as { type?: string };
      if (res.status !== 403 || body.type !== 'urn:ringfence:problem:csrf') failures.push(`${route.method} ${route.url} (${token ?? 'no token'}): ${res.status} ${body.type}`);
    }
  }
  assert.deepEqual(failures, []);
  const after = await auditEvents(app, org.orgId);
  assert.equal(after.length, before.length, 'a refused request leaves no trace but the refusal');
  assert.equal((await admin.get('/api/auth/me')).status, 200, 'the session itself is untouched');
  report('sessions', { csrfRoutes: routes.length, csrfRequests: routes.length * 2, accepted: 0 });
});
