import { test } from 'node:test';
import { addMonths, today } from '../src/platform/calendar.ts';
import { createTestOrg, signedInClient } from '../test/helpers.ts';
import { startSmsApiServer } from '../test/sms-api-server.ts';
import { startSmtpServer } from '../test/smtp.ts';
import { assertAccessible, launchBrowser, screenshot, signIn, startConsole } from './harness.ts';

/**
 * The e-mail channel screen: an administrator sets it up, and every refusal of the server
 * (the vendor gate on enable, the SMTP server on a test) is said on the form.
 */
test('notifications: an administrator sets up e-mail, sees the gate refuse a relay without a BAA, enables it once signed, and sees a failed test on the host field', async (t) => {
  const app = await startConsole(t);
  const org = await createTestOrg(app, { users: { compliance: ['compliance', null] } });
  const officer = await signedInClient(app, org.orgId, org.users.compliance!.id);
  const vendor = (await officer.post('/api/vendors', { name: 'Synthetic Mail Relay', services: ['email'], handlesPhi: true })).body;
  const smtp = await startSmtpServer(t);
  const { page } = await launchBrowser(t);
  await signIn(page, app.url, org.admin);

  await page.getByRole('link', { name: /Notifications/ }).click();
  await page.getByRole('heading', { name: 'Notifications', exact: true }).waitFor();
  const form = page.getByRole('form', { name: 'E-mail channel' });
  await form.getByLabel('SMTP host').fill('smtp://relay');
  await form.getByLabel('Port', { exact: true }).fill(String(smtp.port));
  await form.getByLabel('From address').fill('alerts@ringfence.example.test');
  await form.getByRole('button', { name: 'Set up e-mail' }).click();
  await form.locator('[data-field-error="host"]').getByText(/host name such as smtp\.example\.com/).waitFor();
  await assertAccessible(page, 'notifications, host refused');
  await form.getByLabel('SMTP host').fill('127.0.0.1');
  await form.getByRole('button', { name: 'Set up e-mail' }).click();
  await form.getByRole('button', { name: 'Enable' }).waitFor();

  // No BAA with the relay: enabling is refused, on the relay's field.
  await form.getByRole('button', { name: 'Enable' }).click();
  await form.locator('[data-field-error="vendorId"]').getByText(/Synthetic Mail Relay has no active signed business associate agreement/).waitFor();
  await screenshot(page, '95-notifications-no-baa');

  await officer.post('/api/baas', { vendorId: vendor.id, status: 'signed', effectiveOn: addMonths(today(), -1) });
  await form.getByRole('button', { name: 'Enable' }).click();
  await form.getByRole('button', { name: 'Disable' }).waitFor();
  await form.getByLabel('Send a test to').fill('desk@example.test');
  await form.getByRole('button', { name: 'Send a test' }).click();
  await form.getByRole('status').getByText('A test message was sent to desk@example.test.').waitFor();
  await smtp.waitFor(1);

  // The relay is down: the test's failure is said on the host field.
  await smtp.stop();
  await form.getByRole('button', { name: 'Send a test' }).click();
  await form.locator('[data-field-error="host"]').getByText(/SMTP server/).waitFor();
  await assertAccessible(page, 'notifications, test failed');
  await screenshot(page, '96-notifications-test-failed');
});

test('notifications: an administrator sets up SMS (refusals on their fields, the gate on enable, a test text) and webhooks (the secret shown once)', async (t) => {
  const app = await startConsole(t);
  const org = await createTestOrg(app, { users: { compliance: ['compliance', null] } });
  const officer = await signedInClient(app, org.orgId, org.users.compliance!.id);
  const texting = (await officer.post('/api/vendors', { name: 'Synthetic Texting Co', services: ['sms'], handlesPhi: true })).body;
  const bridge = (await officer.post('/api/vendors', { name: 'Synthetic Paging Bridge', services: ['other'], handlesPhi: true })).body;
  await officer.post('/api/baas', { vendorId: bridge.id, status: 'signed', effectiveOn: addMonths(today(), -1) });
  const account = { accountSid: `AC${'0123456789abcdef'.repeat(2)}`, authToken: 'synthetic-e2e-token-3Hf8' };
  const sms = await startSmsApiServer(t, account);
  const { page } = await launchBrowser(t);
  await signIn(page, app.url, org.admin);

  await page.getByRole('link', { name: /Notifications/ }).click();
  const form = page.getByRole('form', { name: 'SMS channel' });
  await form.getByLabel('API address').fill('http://api.sms.example.test');
  await form.getByLabel('Account SID').fill(account.accountSid);
  await form.getByLabel('From number').fill('+15555550100');
  await form.getByLabel('Auth token').fill(account.authToken);
  await form.getByRole('button', { name: 'Set up SMS' }).click();
  await form.locator('[data-field-error="baseUrl"]').getByText(/https/).waitFor();
  await form.getByLabel('API address').fill(sms.url);
  await form.getByRole('button', { name: 'Set up SMS' }).click();
  await form.getByRole('button', { name: 'Enable' }).waitFor();
  await form.getByText(/api\/notifications\/sms-status\//).waitFor();

  // No BAA with the provider yet: refused on the vendor's field, naming it.
  await form.getByRole('button', { name: 'Enable' }).click();
  await form.locator('[data-field-error="vendorId"]').getByText(/Synthetic Texting Co has no active signed business associate agreement/).waitFor();
  await officer.post('/api/baas', { vendorId: texting.id, status: 'signed', effectiveOn: addMonths(today(), -1) });
  await form.getByRole('button', { name: 'Enable' }).click();
  await form.getByRole('button', { name: 'Disable' }).waitFor();
  await form.getByLabel('Send a test to').fill('+15005550001');
  await form.getByRole('button', { name: 'Send a test' }).click();
  await form.locator('[data-field-error="to"]').getByText(/error 21211/).waitFor();
  await form.getByLabel('Send a test to').fill('+15555550123');
  await form.getByRole('button', { name: 'Send a test' }).click();
  await form.getByRole('status').getByText('A test message was sent to +15555550123.').waitFor();
  await sms.waitFor(1);
  await assertAccessible(page, 'notifications, SMS set up');

  const hooks = page.getByRole('form', { name: 'Webhook channel' });
  await hooks.getByRole('button', { name: 'Set up webhooks' }).click();
  await hooks.getByRole('status', { name: 'Signing secret' }).getByText(/shown this once/).waitFor();
  await assertAccessible(page, 'notifications, webhook secret shown');
  await screenshot(page, '97-notifications-sms-webhook');
  await page.screenshot({ path: '/tmp/ringfence-notification-channels.png', fullPage: true });
});
