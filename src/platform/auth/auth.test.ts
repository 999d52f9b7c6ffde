import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TEST_PASSWORD, auditEvents, buildTestApp, createTestOrg, signedInClient, totpCode } from '../../../test/helpers.ts';

const STRONG = 'lantern orchard velvet 1987';

test('first-run setup creates the organization once, then enrolment completes sign-in with recovery codes', async (t) => {
  const app = await buildTestApp(t);
  const browser = app.client();
  assert.deepEqual((await browser.get('/api/setup')).body, { needed: true });

  const weak = await browser.post('/api/setup', { orgName: 'Northside Answering', email: 'owner@example.test', password: 'password1234' });
  assert.equal(weak.status, 400);
  assert.equal(weak.body.field, 'password');
  assert.deepEqual((await browser.get('/api/setup')).body, { needed: true }, 'a refused setup creates nothing');

  const setup = await browser.post('/api/setup', { orgName: 'Northside Answering', email: 'Owner@Example.test', password: STRONG });
  assert.equal(setup.status, 201);
  assert.match(setup.body.totpUri, /^otpauth:\/\/totp\/Ringfence:owner%40example\.test\?/);
  assert.deepEqual((await browser.get('/api/setup')).body, { needed: false });

  const again = await app.client().post('/api/setup', { orgName: 'Intruder', email: 'x@example.test', password: STRONG });
  assert.equal(again.status, 409);

  // The half-signed-in administrator can reach nothing but the MFA step.
  assert.equal((await browser.get('/api/users')).status, 401);
  const me = await browser.get('/api/auth/me');
  assert.equal(me.body.stage, 'mfa');
  assert.equal(me.body.user.mfaEnrolled, false);

  const wrong = await browser.post('/api/auth/mfa', { code: '000000' });
  assert.equal(wrong.status, 401);
  const cookieBefore = browser.cookie;
  const done = await browser.post('/api/auth/mfa', { code: await totpCode(setup.body.secret) });
  assert.equal(done.status, 200);
  assert.equal(done.body.recoveryCodes.length, 10);
  assert.notEqual(browser.cookie, cookieBefore, 'the session id changes when MFA completes');
  const full = await browser.get('/api/auth/me');
  assert.equal(full.body.stage, 'full');
  assert.deepEqual(
    full.body.roles.map((r: { role: string }) => r.role),
    ['admin'],
  );
  assert.equal((await browser.get('/api/users')).status, 200);

  const actions = (await auditEvents(app, setup.body.orgId)).map((e) => e.action);
  for (const a of ['setup.completed', 'user.created', 'role.assigned', 'auth.mfa.failed', 'auth.mfa.enrolled', 'auth.mfa.verified']) assert.ok(actions.includes(a), `${a} audited`);
  const stored = await app.tenant(setup.body.orgId).selectFrom('users').select(['mfa_secret_enc', 'password_hash']).executeTakeFirstOrThrow();
  assert.ok(stored.mfa_secret_enc && !stored.mfa_secret_enc.includes(setup.body.secret), 'the TOTP secret is stored encrypted');
  assert.match(stored.password_hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  const codes = await app.tenant(setup.body.orgId).selectFrom('recovery_codes').select('code_hash').execute();
  assert.equal(codes.length, 10);
  assert.ok(codes.every((c) => !done.body.recoveryCodes.some((rc: string) => c.code_hash.includes(rc))), 'recovery codes are stored hashed');
});

test('sign-in with password and TOTP; a code works once; wrong and unknown get the same answer', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { users: { agent: [] } });
  const user = org.users.agent!;

  const unknown = await app.client().post('/api/auth/login', { email: 'nobody@example.test', password: TEST_PASSWORD });
  const wrong = await app.client().post('/api/auth/login', { email: user.email, password: 'not the password at all' });
  assert.equal(unknown.status, 401);
  assert.equal(wrong.status, 401);
  assert.equal(unknown.body.detail, wrong.body.detail);

  const browser = app.client();
  const login = await browser.post('/api/auth/login', { email: user.email.toUpperCase(), password: TEST_PASSWORD });
  assert.equal(login.status, 200);
  assert.deepEqual(login.body, { mfaRequired: true, enrollmentRequired: false, csrfToken: login.body.csrfToken });
  const setCookie = login.headers.getSetCookie().join(';');
  assert.match(setCookie, /HttpOnly/i);
  assert.match(setCookie, /SameSite=Strict/i);
  const code = await totpCode(user.totpSecret);
  assert.equal((await browser.post('/api/auth/mfa', { code })).status, 200);
  assert.equal((await browser.get('/api/auth/me')).body.stage, 'full');

  // The same code again, in a new sign-in, is refused as a replay.
  const second = app.client();
  await second.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
  const replay = await second.post('/api/auth/mfa', { code });
  assert.equal(replay.status, 401);
  assert.match(replay.body.detail, /already used/);

  const events = await auditEvents(app, org.orgId);
  const failures = events.filter((e) => e.action === 'auth.login.failed');
  assert.equal(failures.length, 1, 'the wrong password is audited (the unknown email has no organization to audit in)');
  assert.equal(JSON.parse(failures[0]!.details!).reason, 'bad_password');
  assert.ok(events.some((e) => e.action === 'auth.mfa.failed' && JSON.parse(e.details!).reason === 'replayed'));
});

test('five failures lock the account for 15 minutes with a clear message; an admin can unlock', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { users: { agent: [] } });
  const user = org.users.agent!;
  for (let i = 0; i < 4; i++) assert.equal((await app.client().post('/api/auth/login', { email: user.email, password: 'wrong password number x' })).status, 401);
  const fifth = await app.client().post('/api/auth/login', { email: user.email, password: 'wrong password number x' });
  assert.equal(fifth.status, 423);
  assert.match(fifth.body.detail, /locked until/);
  const correct = await app.client().post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
  assert.equal(correct.status, 423, 'even the right password is refused while locked');

  const events = await auditEvents(app, org.orgId);
  assert.equal(events.filter((e) => e.action === 'auth.lockout').length, 1);

  const admin = await signedInClient(app, org.orgId, org.admin.id);
  const unlocked = await admin.post(`/api/users/${user.id}/unlock`);
  assert.equal(unlocked.status, 200);
  assert.equal(unlocked.body.lockedUntil, null);
  assert.equal((await app.client().post('/api/auth/login', { email: user.email, password: TEST_PASSWORD })).status, 200);
});

test('wrong TOTP codes count toward the lockout too', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { users: { agent: [] } });
  const browser = app.client();
  await browser.post('/api/auth/login', { email: org.users.agent!.email, password: TEST_PASSWORD });
  let last = null;
  for (let i = 0; i < 5; i++) last = await browser.post('/api/auth/mfa', { code: '123456' === (await totpCode(org.users.agent!.totpSecret)) ? '654321' : '123456' });
  assert.equal(last!.status, 423);
  // The half-finished session ended with the lockout.
  assert.equal((await browser.get('/api/auth/me')).status, 401);
});

test('wrong codes are counted across sign-ins: a correct password does not buy fresh guesses at the authenticator', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { users: { agent: [] } });
  const agent = org.users.agent!;
  const wrongCode = async () => ((await totpCode(agent.totpSecret)) === '123456' ? '654321' : '123456');
  const answers: number[] = [];
  for (let i = 0; i < 5; i++) {
    // Each try is a new sign-in: the right password, then one wrong code.
    const browser = app.client();
    assert.equal((await browser.post('/api/auth/login', { email: agent.email, password: TEST_PASSWORD })).status, 200);
    answers.push((await browser.post('/api/auth/mfa', i % 2 ? { recoveryCode: 'AAAA-BBBB-CCCC' } : { code: await wrongCode() })).status);
  }
  assert.deepEqual(answers, [401, 401, 401, 401, 423], 'the fifth wrong code in a row locks, whatever passwords came between');
  const locked = await app.client().post('/api/auth/login', { email: agent.email, password: TEST_PASSWORD });
  assert.equal(locked.status, 423);
  const lockouts = (await auditEvents(app, org.orgId)).filter((e) => e.action === 'auth.lockout');
  assert.equal(lockouts.length, 1);
  assert.equal(JSON.parse(lockouts[0]!.details!).factor, 'second_factor');
});

test('a correct code clears the count of wrong ones', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { users: { agent: [] } });
  const agent = org.users.agent!;
  const wrongCode = async () => ((await totpCode(agent.totpSecret)) === '123456' ? '654321' : '123456');
  for (let i = 0; i < 4; i++) {
    const browser = app.client();
    await browser.post('/api/auth/login', { email: agent.email, password: TEST_PASSWORD });
    assert.equal((await browser.post('/api/auth/mfa', { code: await wrongCode() })).status, 401);
  }
  const ok = app.client();
  await ok.post('/api/auth/login', { email: agent.email, password: TEST_PASSWORD });
  assert.equal((await ok.post('/api/auth/mfa', { code: await totpCode(agent.totpSecret) })).status, 200);
  const next = app.client();
  await next.post('/api/auth/login', { email: agent.email, password: TEST_PASSWORD });
  assert.equal((await next.post('/api/auth/mfa', { code: await wrongCode() })).status, 401, 'one wrong code after a good one does not lock');
});

test('a recovery code signs in once', async (t) => {
  const app = await buildTestApp(t);
  const browser = app.client();
  const setup = await browser.post('/api/setup', { orgName: 'Recovery Test Service', email: 'owner@example.test', password: STRONG });
  const enrolled = await browser.post('/api/auth/mfa', { code: await totpCode(setup.body.secret) });
  const [code] = enrolled.body.recoveryCodes as string[];

  const phoneLost = app.client();
  await phoneLost.post('/api/auth/login', { email: 'owner@example.test', password: STRONG });
  const used = await phoneLost.post('/api/auth/mfa', { recoveryCode: code!.toUpperCase() });
  assert.equal(used.status, 200);
  assert.equal((await phoneLost.get('/api/auth/me')).body.stage, 'full');

  const again = app.client();
  await again.post('/api/auth/login', { email: 'owner@example.test', password: STRONG });
  assert.equal((await again.post('/api/auth/mfa', { recoveryCode: code })).status, 401);
});

test('idle sessions expire and are audited; the absolute limit holds too', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app);
  const admin = await signedInClient(app, org.orgId, org.admin.id);
  assert.equal((await admin.get('/api/users')).status, 200);
  const tenant = app.tenant(org.orgId);
  const longAgo = new Date(Date.now() - 16 * 60_000).toISOString();
  await tenant.updateTable('sessions').set({ last_seen_at: longAgo }).where('user_id', '=', org.admin.id).execute();
  const expired = await admin.get('/api/users');
  assert.equal(expired.status, 401);
  assert.equal(expired.body.type, 'urn:ringfence:problem:session_expired');
  assert.match(expired.body.detail, /inactivity/);
  assert.equal((await admin.get('/api/users')).status, 401, 'an expired session stays ended');

  const second = await signedInClient(app, org.orgId, org.admin.id);
  await tenant.updateTable('sessions').set({ absolute_expires_at: new Date(Date.now() - 1000).toISOString() }).where('ended_at', 'is', null).execute();
  const capped = await second.get('/api/users');
  assert.equal(capped.status, 401);
  assert.match(capped.body.detail, /time limit/);

  const events = (await auditEvents(app, org.orgId)).filter((e) => e.action === 'auth.session.expired');
  assert.deepEqual(
    events.map((e) => JSON.parse(e.details!).reason),
    ['idle', 'absolute'],
  );
});

test('automatic logoff: background requests and the live stream never extend a session; what the person does does', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A'], users: { agent: ['agent', 'A'] } });
  const agent = org.users.agent!;
  const admin = await signedInClient(app, org.orgId, agent.id);
  const tenant = app.tenant(org.orgId);
  const lastSeen = async () => (await tenant.selectFrom('sessions').select('last_seen_at').where('user_id', '=', agent.id).executeTakeFirstOrThrow()).last_seen_at;
  const setLastSeen = (minutesAgo: number) => tenant.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - minutesAgo * 60_000).toISOString() }).where('user_id', '=', agent.id).execute();
  const background = { 'x-ringfence-background': '1' };

  await setLastSeen(14);
  const before = await lastSeen();
  // A screen polling for minutes, and the live stream, leave the idle clock where it was.
  for (let i = 0; i < 3; i++) assert.equal((await admin.request('GET', '/api/tasks', undefined, background)).status, 200);
  assert.equal((await admin.request('GET', '/api/events?wait=0', undefined, background)).status, 200);
  assert.equal((await admin.get('/api/events?wait=0')).status, 200, 'the stream is background even unmarked');
  assert.equal(await lastSeen(), before);

  // Typing reported by the console counts at once, whatever the 15-second write throttle would say.
  const reported = await admin.post('/api/auth/activity');
  assert.equal(reported.status, 200);
  assert.ok(Date.now() - Date.parse(await lastSeen()) < 5_000);
  assert.ok(Date.parse(reported.body.expiresAt) > Date.now() + 14 * 60_000);
  assert.equal(reported.body.expiryReason, 'idle');

  // Past the idle limit, even a background request finds the session ended: logoff happens.
  await setLastSeen(16);
  const lapsed = await admin.request('GET', '/api/tasks', undefined, background);
  assert.equal(lapsed.status, 401);
  assert.equal(lapsed.body.type, 'urn:ringfence:problem:session_expired');
  assert.equal((await admin.post('/api/auth/activity')).status, 401, 'an activity report cannot revive an ended session');
  const events = (await auditEvents(app, org.orgId)).filter((e) => e.action === 'auth.session.expired');
  assert.equal(events.length, 1);
});

test('state-changing requests need the CSRF token', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app);
  const admin = await signedInClient(app, org.orgId, org.admin.id);
  const csrf = admin.csrf;
  admin.csrf = null;
  const refused = await admin.post('/api/clients', { name: 'Forged Client', timeZone: 'America/New_York' });
  assert.equal(refused.status, 403);
  assert.equal(refused.body.type, 'urn:ringfence:problem:csrf');
  admin.csrf = 'x'.repeat(43);
  assert.equal((await admin.post('/api/clients', { name: 'Forged Client', timeZone: 'America/New_York' })).status, 403);
  admin.csrf = csrf;
  assert.equal((await admin.post('/api/clients', { name: 'Real Client', timeZone: 'America/New_York' })).status, 201);
  assert.equal((await admin.get('/api/clients')).body.total, 1);
});

test('deactivating a person ends all their sessions at once; logout ends one', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A'], users: { agent: ['agent', 'A'] } });
  const first = await signedInClient(app, org.orgId, org.users.agent!.id);
  const second = await signedInClient(app, org.orgId, org.users.agent!.id);
  assert.equal((await first.get('/api/clients')).status, 200);
  assert.equal((await second.get('/api/clients')).status, 200);

  const admin = await signedInClient(app, org.orgId, org.admin.id);
  const res = await admin.post(`/api/users/${org.users.agent!.id}/deactivate`);
  assert.equal(res.status, 200);
  assert.equal(res.body.status, 'deactivated');
  assert.equal((await first.get('/api/clients')).status, 401);
  assert.equal((await second.get('/api/clients')).status, 401);
  assert.equal((await app.client().post('/api/auth/login', { email: org.users.agent!.email, password: TEST_PASSWORD })).status, 401);
  const deactivated = (await auditEvents(app, org.orgId)).find((e) => e.action === 'user.deactivated');
  assert.equal(JSON.parse(deactivated!.details!).sessionsEnded, 2);

  const logout = await admin.post('/api/auth/logout');
  assert.equal(logout.status, 204);
  assert.equal((await admin.get('/api/users')).status, 401);
});

test('the per-IP rate limit on sign-in answers 429 problem+json', async (t) => {
  const app = await buildTestApp(t, { RINGFENCE_AUTH_RATE_LIMIT: '3' });
  for (let i = 0; i < 3; i++) await app.client().post('/api/auth/login', { email: 'someone@example.test', password: 'whatever password' });
  const limited = await app.client().post('/api/auth/login', { email: 'someone@example.test', password: 'whatever password' });
  assert.equal(limited.status, 429);
  assert.equal(limited.body.type, 'urn:ringfence:problem:rate_limited');
  assert.ok(Number(limited.headers.get('retry-after')) > 0);
});

test('changing the password checks the old one and the rules, and ends other sessions', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app);
  const me = await signedInClient(app, org.orgId, org.admin.id);
  const other = await signedInClient(app, org.orgId, org.admin.id);
  assert.equal((await me.post('/api/account/password', { currentPassword: 'nope nope nope', newPassword: STRONG })).body.field, 'currentPassword');
  assert.equal((await me.post('/api/account/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' })).body.field, 'newPassword');
  assert.equal((await me.post('/api/account/password', { currentPassword: TEST_PASSWORD, newPassword: 'qwertyuiop123!' })).body.field, 'newPassword');
  assert.equal((await me.post('/api/account/password', { currentPassword: TEST_PASSWORD, newPassword: STRONG })).status, 204);
  assert.equal((await me.get('/api/auth/me')).status, 200);
  assert.equal((await other.get('/api/auth/me')).status, 401);
  assert.equal((await app.client().post('/api/auth/login', { email: org.admin.email, password: STRONG })).status, 200);
});

test('re-enrolling an authenticator: password first, the old one works until the new one is confirmed', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app);
  const me = await signedInClient(app, org.orgId, org.admin.id);
  assert.equal((await me.post('/api/account/mfa/enroll', { password: 'not my password' })).body.field, 'password');
  const offer = await me.post('/api/account/mfa/enroll', { password: TEST_PASSWORD });
  assert.equal(offer.status, 200);
  assert.notEqual(offer.body.secret, org.admin.totpSecret);
  // Not yet confirmed: the old authenticator still signs in.
  const old = app.client();
  assert.equal((await old.signIn(org.admin.email, TEST_PASSWORD, org.admin.totpSecret)).status, 200);
  const wrong = await me.post('/api/account/mfa/confirm', { code: '000000' });
  assert.equal(wrong.status, 400);
  assert.equal(wrong.body.field, 'code');
  const confirmed = await me.post('/api/account/mfa/confirm', { code: await totpCode(offer.body.secret) });
  assert.equal(confirmed.status, 200);
  assert.equal(confirmed.body.recoveryCodes.length, 10);
  const stored = await app.tenant(org.orgId).selectFrom('users').select(['mfa_pending_secret_enc']).where('id', '=', org.admin.id).executeTakeFirstOrThrow();
  assert.equal(stored.mfa_pending_secret_enc, null);
  const events = (await auditEvents(app, org.orgId)).filter((e) => e.action === 'auth.mfa.enrolled');
  assert.equal(events.length, 1);
});

test('an address is unique per organization: another organization cannot tell it is registered, and sign-in handles an address in several', async (t) => {
  const app = await buildTestApp(t);
  const first = await createTestOrg(app, { name: 'Northside Answering', clients: ['A'] });
  const second = await createTestOrg(app, { name: 'Southside Answering', clients: ['A'] });
  const adminOf = async (o: typeof first) => signedInClient(app, o.orgId, o.admin.id);
  const person = (password: string) => ({ email: 'shared.agent@example.test', displayName: 'Shared Agent', password, roles: [] });

  // The same answer whether or not another organization holds the address.
  const inFirst = await (await adminOf(first)).post('/api/users', person(STRONG));
  assert.equal(inFirst.status, 201);
  const inSecond = await (await adminOf(second)).post('/api/users', person(STRONG));
  assert.equal(inSecond.status, 201, 'an address held elsewhere is no different from a new one');
  const again = await (await adminOf(first)).post('/api/users', person(STRONG));
  assert.equal(again.status, 409, 'within one organization it is unique');
  assert.equal(again.body.field, 'email');

  // One password opening both: the person is asked which organization, and nothing is charged.
  const browser = app.client();
  const choose = await browser.post('/api/auth/login', { email: 'shared.agent@example.test', password: STRONG });
  assert.equal(choose.status, 200);
  assert.deepEqual(choose.body, {
    organizationRequired: true,
    organizations: [
      { id: first.orgId, name: 'Northside Answering' },
      { id: second.orgId, name: 'Southside Answering' },
    ],
  });
  assert.equal(browser.cookie, null, 'no session until an organization is chosen');
  const chosen = await browser.post('/api/auth/login', { email: 'shared.agent@example.test', password: STRONG, organizationId: second.orgId });
  assert.equal(chosen.status, 200);
  assert.equal(chosen.body.enrollmentRequired, true);
  assert.equal((await browser.get('/api/auth/me')).body.user.id, inSecond.body.id);

  // Different passwords: each opens its own account, and signing in to one never locks the other.
  assert.equal((await (await adminOf(second)).patch(`/api/users/${inSecond.body.id}`, { displayName: 'Shared Agent (South)' })).status, 200);
  await app.tenant(second.orgId).updateTable('users').set({ password_hash: await (await import('./passwords.ts')).hashPassword('another phrase entirely 88') }).where('id', '=', inSecond.body.id).execute();
  for (let i = 0; i < 6; i++) {
    const r = await app.client().post('/api/auth/login', { email: 'shared.agent@example.test', password: STRONG });
    assert.equal(r.status, 200);
    assert.equal(r.body.mfaRequired, true);
  }
  const south = await app.tenant(second.orgId).selectFrom('users').select(['failed_attempts', 'locked_until']).where('id', '=', inSecond.body.id).executeTakeFirstOrThrow();
  assert.deepEqual(south, { failed_attempts: 0, locked_until: null });
  // A wrong password counts against every account of the address, as it would against one.
  assert.equal((await app.client().post('/api/auth/login', { email: 'shared.agent@example.test', password: 'not the password 123' })).status, 401);
  const counts = await Promise.all([first, second].map((o) => app.tenant(o.orgId).selectFrom('users').select('failed_attempts').where('email', '=', 'shared.agent@example.test').executeTakeFirstOrThrow()));
  assert.deepEqual(counts.map((c) => c.failed_attempts), [1, 1]);
});
