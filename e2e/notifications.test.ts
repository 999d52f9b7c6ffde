import { test } from 'node:test';
import { addMonths, today } from '../src/platform/calendar.ts';
import { createTestOrg, signedInClient } from '../test/helpers.ts';
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
