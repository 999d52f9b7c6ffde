import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditEvents, createTestOrg } from '../test/helpers.ts';
import { assertAccessible, launchBrowser, screenshot, signIn, startConsole } from './harness.ts';

test('PHI guard in the browser: PHI typed into a voicemail script is highlighted as it is typed, refused by the server, and a span marked not PHI is saved and logged', async (t) => {
  const app = await startConsole(t);
  const org = await createTestOrg(app, { clients: ['A'] });
  const { page } = await launchBrowser(t);
  await signIn(page, app.url, org.admin);
  await page.goto(`${app.url}/clients`);
  await page.getByRole('button', { name: /^Client A / }).click();
  const script = page.getByLabel('Voicemail script');

  // Typed like an agent, key by key: the highlights follow without a round trip to the server.
  let apiCalls = 0;
  page.on('request', (r) => {
    if (r.url().includes('/api/')) apiCalls += 1;
  });
  await script.pressSequentially('Hello, this is a message for Jane Testperson, call 555-201-3344', { delay: 5 });
  await page.locator('.phi-mark[data-phi-type="NAME"]').waitFor();
  await page.locator('.phi-mark[data-phi-type="PHONE"]').waitFor();
  assert.equal(await page.locator('.phi-mark[data-phi-type="NAME"]').textContent(), 'Jane Testperson');
  assert.equal(apiCalls, 0, 'detection runs in the browser');
  const findings = page.getByRole('list', { name: 'Possible PHI' });
  assert.equal(await findings.getByRole('listitem').count(), 2);
  assert.equal(await script.getAttribute('aria-invalid'), 'true');
  await assertAccessible(page, 'voicemail script with PHI');
  await screenshot(page, '40-phi-guard-highlight');

  // Saved anyway, the server refuses it: the field shows why, and nothing was stored.
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('contains PHI (NAME, PHONE)').waitFor();
  await screenshot(page, '41-phi-guard-refused');

  // A minimum-necessary script with the practice's own line: the number is flagged, marked not PHI with a reason, saved.
  await script.fill('Hello, this is the answering service for your doctor. Please call us back at 555-014-2233.');
  await page.locator('.phi-mark[data-phi-type="PHONE"]').waitFor();
  assert.equal(await page.getByText('contains PHI (NAME, PHONE)').count(), 0, 'the refusal was about the text before: it goes as the text changes');
  await page.locator('.phi-mark[data-phi-type="NAME"]').waitFor({ state: 'detached' });
  await findings.getByRole('button', { name: 'Not PHI…' }).click();
  await page.getByLabel('Why this is not PHI').fill("the answering service's own line");
  await page.getByRole('button', { name: 'Mark not PHI' }).click();
  await page.getByRole('list', { name: 'Marked not PHI' }).getByText('(logged)').waitFor();
  assert.equal(await page.locator('.phi-mark-ok').count(), 1);
  await assertAccessible(page, 'voicemail script marked not PHI');
  await screenshot(page, '42-phi-guard-marked');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText(/Client A .* was saved/).waitFor();

  const stored = await app.tenant(org.orgId).selectFrom('clients').select('voicemail_script').where('id', '=', org.clients.A!).executeTakeFirstOrThrow();
  assert.equal(stored.voicemail_script, 'Hello, this is the answering service for your doctor. Please call us back at 555-014-2233.');
  const events = await auditEvents(app, org.orgId);
  assert.equal(events.filter((e) => e.action === 'phi_guard.refused').length, 1);
  const override = events.find((e) => e.action === 'phi_guard.overridden');
  assert.equal(JSON.parse(override!.details!).reason, "the answering service's own line");
  assert.ok(!JSON.stringify(events).includes('Testperson'), 'the audit trail never holds the text');
});
