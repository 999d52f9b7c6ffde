import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TEST_PASSWORD, createTestOrg, totpCode, type TestUser } from '../test/helpers.ts';
import { assertAccessible, launchBrowser, nextCode, screenshot, signIn, startConsole, trackRequests } from './harness.ts';

test('first-run setup: organization, administrator, authenticator with QR code, recovery codes, then the console', async (t) => {
  const app = await startConsole(t);
  const { page } = await launchBrowser(t);
  await page.goto(`${app.url}/`);
  await page.waitForURL('**/setup');
  await page.getByRole('heading', { name: 'Set up Ringfence' }).waitFor();
  await assertAccessible(page, 'setup');
  await screenshot(page, '01-setup');

  await page.getByLabel('Organization name').fill('Northside Answering');
  await page.getByLabel('Your name').fill('Dana Admin');
  await page.getByLabel('Work email').fill('dana@example.test');
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByLabel('Confirm password').fill('short');
  await page.getByRole('button', { name: 'Create organization' }).click();
  // The server's problem+json names the field; the form shows it inline.
  await page.getByText('must be at least 12 characters').waitFor();
  assert.equal(await page.getByLabel('Password', { exact: true }).getAttribute('aria-invalid'), 'true');
  await screenshot(page, '01b-setup-error');

  await page.getByLabel('Password', { exact: true }).fill('lantern orchard velvet 1987');
  await page.getByLabel('Confirm password').fill('lantern orchard velvet 1987');
  await page.getByRole('button', { name: 'Create organization' }).click();
  await page.getByRole('img', { name: /QR code/ }).waitFor();
  await page.getByText('Can’t scan?').click();
  const secret = (await page.getByLabel('Authenticator key').textContent())!.replace(/\s/g, '');
  await assertAccessible(page, 'setup authenticator');
  await screenshot(page, '02-setup-authenticator');

  await page.getByLabel('Authenticator code').fill('000000');
  await page.getByRole('button', { name: 'Confirm and continue' }).click();
  await page.getByText('The code is not correct').waitFor();
  await page.getByLabel('Authenticator code').fill(await nextCode(secret));
  await page.getByRole('button', { name: 'Confirm and continue' }).click();
  const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
  await codes.first().waitFor();
  assert.equal(await codes.count(), 10);
  assert.ok(await page.getByRole('button', { name: 'Continue to Ringfence' }).isDisabled(), 'continuing needs the codes confirmed as stored');
  await assertAccessible(page, 'recovery codes');
  await screenshot(page, '03-setup-recovery-codes');
  await page.getByLabel('I have stored my recovery codes').check();
  await page.getByRole('button', { name: 'Continue to Ringfence' }).click();
  await page.getByRole('heading', { name: 'Welcome, Dana Admin' }).waitFor();
  await assertAccessible(page, 'home');
  await screenshot(page, '04-home-admin');

  // Setup is done: the setup screen now sends people to sign in.
  const other = await launchBrowser(t);
  await other.page.goto(`${app.url}/setup`);
  await other.page.waitForURL('**/sign-in');
});

test('sign-in with an authenticator code; a wrong code is refused; a recovery code works', async (t) => {
  const app = await startConsole(t);
  const org = await createTestOrg(app);
  const { page } = await launchBrowser(t);
  await page.goto(`${app.url}/users`);
  await page.waitForURL('**/sign-in');
  await assertAccessible(page, 'sign-in');
  await screenshot(page, '05-sign-in');

  await page.getByLabel('Email').fill(org.admin.email);
  await page.getByLabel('Password').fill('not the right password');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByText('The email address or password is not correct').waitFor();

  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Enter your code' }).waitFor();
  await assertAccessible(page, 'MFA challenge');
  await screenshot(page, '06-mfa-challenge');
  const good = await nextCode(org.admin.totpSecret);
  await page.getByLabel('Authenticator code').fill(good === '123456' ? '654321' : '123456');
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.getByText('The code is not correct').waitFor();
  await screenshot(page, '06b-mfa-wrong-code');
  await page.getByLabel('Authenticator code').fill(good);
  await page.getByRole('button', { name: 'Verify' }).click();
  // Back where they were going.
  await page.getByRole('heading', { name: 'People' }).waitFor();
  assert.ok(page.url().endsWith('/users'));

  // Sign out, then in again with a recovery code.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByText('You have signed out.').waitFor();
  const browser = app.client();
  await browser.post('/api/auth/login', { email: org.admin.email, password: TEST_PASSWORD });
  assert.equal((await browser.post('/api/auth/mfa', { code: await nextCode(org.admin.totpSecret) })).status, 200);
  const confirm = await browser.post('/api/account/mfa/enroll', { password: TEST_PASSWORD });
  const codes = (await browser.post('/api/account/mfa/confirm', { code: await totpCode(confirm.body.secret) })).body.recoveryCodes as string[];
  await page.getByLabel('Email').fill(org.admin.email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: /Use a recovery code/ }).click();
  await assertAccessible(page, 'recovery-code sign-in');
  await screenshot(page, '07-recovery-code-sign-in');
  await page.getByLabel('Recovery code').fill(codes[0]!);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Back on the page they signed out from.
  await page.getByRole('heading', { name: 'People' }).waitFor();
});

test('five wrong passwords lock the account with a clear message', async (t) => {
  const app = await startConsole(t);
  const org = await createTestOrg(app, { users: { agent: [] } });
  const { page } = await launchBrowser(t);
  await page.goto(`${app.url}/sign-in`);
  await page.getByLabel('Email').fill(org.users.agent!.email);
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('Password').fill(`wrong password ${i} again`);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('alert').waitFor();
  }
  await page.getByText(/Too many failed sign-in attempts\. The account is locked until \d\d:\d\d UTC/).waitFor();
  await screenshot(page, '08-lockout');
  await assertAccessible(page, 'lockout');
});

test('idle sign-out: a warning one minute before, then sign-out when it lapses', async (t) => {
  const app = await startConsole(t);
  const org = await createTestOrg(app);
  const { page } = await launchBrowser(t);
  const requests = trackRequests(page);
  await page.clock.install();
  await signIn(page, app.url, org.admin);
  // Idle time runs from sign-in: the screen's own requests never count. The warning comes a
  // minute (and a few seconds of slack for the network) before the 15.
  await requests.quiet();
  await page.clock.fastForward('13:40');
  assert.equal(await page.getByRole('dialog', { name: 'Still there?' }).isVisible(), false);
  await page.clock.fastForward('00:20');
  await page.getByRole('dialog', { name: 'Still there?' }).waitFor();
  await assertAccessible(page, 'idle warning');
  await screenshot(page, '09-idle-warning');
  // Staying signed in reports activity to the server, which restarts the idle timer.
  await page.getByRole('button', { name: 'Stay signed in' }).click();
  await page.getByRole('dialog', { name: 'Still there?' }).waitFor({ state: 'hidden' });
  await requests.quiet();
  await page.clock.fastForward('15:00');
  await page.getByText(/You were signed out after 15 minutes without activity/).waitFor();
  assert.ok(page.url().endsWith('/sign-in'));
  // The server session is gone too.
  const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
  assert.equal(me, 401);
  await screenshot(page, '10-idle-signed-out');
});

test('an administrator adds a person, gives them a client, and manages clients and API tokens', async (t) => {
  const app = await startConsole(t);
  const org = await createTestOrg(app);
  const { page } = await launchBrowser(t);
  await signIn(page, app.url, org.admin);

  // Clients: empty state, then add one (keyboard only: g c, then the button).
  await page.keyboard.press('g');
  await page.keyboard.press('c');
  await page.getByRole('heading', { name: 'Clients', exact: true }).waitFor();
  await page.getByText('No clients yet').waitFor();
  await assertAccessible(page, 'clients (empty)');
  await screenshot(page, '11-clients-empty');
  await page.getByRole('button', { name: 'Add client' }).click();
  await page.getByLabel('Name').fill('Lakeside Pediatrics');
  await page.getByLabel('Time zone').selectOption('America/Chicago');
  await assertAccessible(page, 'add client dialog');
  await screenshot(page, '12-client-dialog');
  await page.keyboard.press('Enter');
  await page.getByRole('cell', { name: 'Lakeside Pediatrics' }).waitFor();
  await page.getByRole('button', { name: 'Add client' }).click();
  await page.getByLabel('Name').fill('Lakeside Pediatrics');
  await page.getByRole('dialog').getByRole('button', { name: 'Add client' }).click();
  await page.getByText('A client with this name already exists.').waitFor();
  await page.getByLabel('Name').fill('Riverbend Family Medicine');
  await page.getByRole('dialog').getByRole('button', { name: 'Add client' }).click();
  await page.getByRole('cell', { name: 'Riverbend Family Medicine' }).waitFor();
  await screenshot(page, '13-clients');

  // People: add an agent for Lakeside.
  await page.getByRole('link', { name: 'People' }).click();
  await page.getByRole('button', { name: 'Add person' }).click();
  await page.getByLabel('Name').fill('Rosa Agent');
  await page.getByLabel('Work email').fill('rosa@example.test');
  await page.getByLabel('First password').fill('harbor lantern maple 77');
  await page.getByLabel('Role').selectOption('agent');
  await page.getByLabel('For client').selectOption({ label: 'Lakeside Pediatrics' });
  await assertAccessible(page, 'add person dialog');
  await screenshot(page, '14-add-person');
  await page.getByRole('dialog').getByRole('button', { name: 'Add person' }).click();
  const person = page.getByRole('dialog', { name: 'Rosa Agent' });
  await person.getByText('Agent · Lakeside Pediatrics').waitFor();
  // A second client for the same person.
  await person.getByLabel('Role', { exact: true }).selectOption('agent');
  await person.getByLabel('Client').selectOption({ label: 'Riverbend Family Medicine' });
  await person.getByRole('button', { name: 'Add role' }).click();
  await person.getByText('Agent · Riverbend Family Medicine').waitFor();
  await assertAccessible(page, 'person dialog');
  await screenshot(page, '15-person');
  await person.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('cell', { name: 'rosa@example.test' }).waitFor();
  await assertAccessible(page, 'people');
  await screenshot(page, '16-people');
  const stored = await app.tenant(org.orgId).selectFrom('role_assignments').innerJoin('users', 'users.id', 'role_assignments.user_id').select('role_assignments.client_id').where('users.email', '=', 'rosa@example.test').execute();
  assert.equal(stored.length, 2);

  // API tokens: create one, see it once, revoke it.
  await page.getByRole('link', { name: 'API tokens' }).click();
  await page.getByText('No API tokens').waitFor();
  await page.getByRole('button', { name: 'Create token' }).click();
  await page.getByLabel('Name').fill('Telephony intake webhook');
  await page.getByRole('dialog').getByRole('button', { name: 'Create token' }).click();
  await page.getByText('choose at least one').waitFor();
  await page.getByLabel(/tasks:create/).check();
  await page.getByRole('dialog').getByLabel('Lakeside Pediatrics').check();
  await assertAccessible(page, 'create token dialog');
  await screenshot(page, '17-token-dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Create token' }).click();
  const secret = (await page.getByLabel('New API token').textContent())!;
  assert.match(secret, /^rf_/);
  await screenshot(page, '18-token-secret');
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('cell', { name: 'Telephony intake webhook', exact: true }).waitFor();
  assert.ok(!(await page.content()).includes(secret), 'the secret is not shown again');
  await assertAccessible(page, 'tokens');
  await screenshot(page, '19-tokens');
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Revoke Telephony intake webhook' }).click();
  await page.getByText('Revoked', { exact: true }).waitFor();
  await screenshot(page, '19b-token-revoked');
});

test('account page: change password and re-enrol the authenticator', async (t) => {
  const app = await startConsole(t);
  const org = await createTestOrg(app);
  const { page } = await launchBrowser(t);
  await signIn(page, app.url, org.admin);
  await page.getByRole('link', { name: 'My account' }).click();
  await page.getByRole('heading', { name: 'My account' }).waitFor();
  await assertAccessible(page, 'account');
  await screenshot(page, '20-account');
  await page.getByLabel('Current password').fill('wrong current password');
  await page.getByLabel('New password', { exact: true }).fill('meadow granite signal 64');
  await page.getByLabel('Confirm new password').fill('meadow granite signal 64');
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByText('is not correct').waitFor();
  await page.getByLabel('Current password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByText('Password changed').waitFor();

  await page.getByRole('button', { name: 'Re-enrol authenticator' }).click();
  await page.getByLabel('Confirm with your password').fill('meadow granite signal 64');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByText('Can’t scan?').click();
  const secret = (await page.getByLabel('Authenticator key').textContent())!.replace(/\s/g, '');
  await screenshot(page, '21-account-reenrol');
  await page.getByLabel('Authenticator code').fill(await totpCode(secret));
  await page.getByRole('button', { name: 'Confirm and continue' }).click();
  await page.getByLabel('I have stored my recovery codes').check();
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByText('Your new authenticator is active').waitFor();
});

test('a person without admin rights sees no admin screens, and the API refuses them too', async (t) => {
  const app = await startConsole(t);
  const org = await createTestOrg(app, { clients: ['A'], users: { agent: ['agent', 'A'] } });
  const agent = org.users.agent as TestUser;
  const { page } = await launchBrowser(t);
  await signIn(page, app.url, agent);
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const visible of ['Home', 'Clients', 'My account']) assert.equal(await nav.getByRole('link', { name: visible }).count(), 1, `${visible} is in the menu`);
  for (const hidden of ['People', 'API tokens']) assert.equal(await nav.getByRole('link', { name: hidden }).count(), 0, `${hidden} is not in the menu`);
  await assertAccessible(page, 'home (agent)');
  await screenshot(page, '22-home-agent');
  await page.goto(`${app.url}/users`);
  await page.getByRole('heading', { name: 'No access' }).waitFor();
  await screenshot(page, '23-no-access');
  await page.goto(`${app.url}/tokens`);
  await page.getByRole('heading', { name: 'No access' }).waitFor();
  const answers = await page.evaluate(async () => {
    const me = await (await fetch('/api/auth/me')).json();
    const headers = { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken };
    return {
      users: (await fetch('/api/users?limit=5')).status,
      tokens: (await fetch('/api/tokens')).status,
      createUser: (await fetch('/api/users', { method: 'POST', headers, body: JSON.stringify({ email: 'x@example.test', displayName: 'X', password: 'harbor lantern maple 77' }) })).status,
      createClient: (await fetch('/api/clients', { method: 'POST', headers, body: JSON.stringify({ name: 'Sneaky Clinic', timeZone: 'America/Chicago' }) })).status,
    };
  });
  // The agent's own record is all the people list would show them; admin actions are refused.
  assert.equal(answers.tokens, 403);
  assert.equal(answers.createUser, 403);
  assert.equal(answers.createClient, 403);
  assert.equal(answers.users, 200);
  const clients = await app.tenant(org.orgId).selectFrom('clients').select('name').execute();
  assert.deepEqual(
    clients.map((c) => c.name).filter((n) => n === 'Sneaky Clinic'),
    [],
  );
});
