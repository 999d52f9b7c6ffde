import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestOrg } from '../test/helpers.ts';
import { assertAccessible, launchBrowser, screenshot, signIn, startConsole } from './harness.ts';

test('queues and callback policy: an administrator adds a client, sets its hours per weekday and its reasons, then adds, orders and archives its queues', async (t) => {
  const app = await startConsole(t);
  const org = await createTestOrg(app, {});
  const { page } = await launchBrowser(t);
  await signIn(page, app.url, org.admin);

  await page.goto(`${app.url}/clients`);
  await page.getByRole('button', { name: 'Add your first client' }).click();
  const add = page.getByRole('dialog', { name: 'Add a client' });
  await add.getByLabel('Name').fill('Lakeside Family Practice');
  await add.getByLabel('Time zone').selectOption('America/Chicago');
  await add.getByRole('button', { name: 'Add client' }).click();
  await page.getByRole('button', { name: 'Lakeside Family Practice', exact: true }).waitFor();

  // The callback policy: a short Friday, Saturday mornings, no billing calls.
  await page.getByRole('row', { name: /Lakeside Family Practice/ }).getByRole('button', { name: 'Callback policy…' }).click();
  const policy = page.getByRole('dialog', { name: 'Callback policy of Lakeside Family Practice' });
  await policy.getByLabel('Friday closes').fill('12:00');
  await policy.getByLabel('Saturday').check();
  await policy.getByLabel('Saturday opens').fill('11:00');
  await policy.getByLabel('Saturday closes').fill('09:00');
  await policy.getByLabel('Billing').uncheck();
  await policy.getByLabel('Attempts before giving up').fill('4');
  await policy.getByRole('button', { name: 'Save policy' }).click();
  await policy.getByText('On Saturday the closing time must be after the opening time.').waitFor();
  await screenshot(page, '80-callback-policy-refused');
  await assertAccessible(page, 'callback policy');
  await policy.getByLabel('Saturday opens').fill('09:00');
  await policy.getByLabel('Saturday closes').fill('12:30');
  await policy.getByRole('button', { name: 'Save policy' }).click();
  await page.getByText(/The callback policy of Lakeside Family Practice was saved/).waitFor();
  const stored = JSON.parse((await app.tenant(org.orgId).selectFrom('clients').select('callback_policy').executeTakeFirstOrThrow()).callback_policy!);
  assert.deepEqual(stored.businessHours.slice(4), [
    { day: 5, open: '08:00', close: '12:00' },
    { day: 6, open: '09:00', close: '12:30' },
  ]);
  assert.equal(stored.maxAttempts, 4);
  assert.ok(!stored.reasonCodes.includes('billing'));

  // Queues: the new client starts with General; add Refills, put it first, archive General.
  await page.keyboard.press('g');
  await page.keyboard.press('q');
  await page.getByRole('heading', { name: 'Queues', exact: true }).waitFor();
  assert.equal(await page.title(), 'Queues · Ringfence');
  await page.getByRole('button', { name: 'Rename General' }).waitFor();
  await page.getByRole('button', { name: 'Add queue' }).click();
  const addQueue = page.getByRole('dialog', { name: 'Add a queue' });
  await addQueue.getByLabel('Name').fill('General');
  await addQueue.getByRole('button', { name: 'Add queue' }).click();
  await addQueue.getByText('This client already has a queue with this name.').waitFor();
  await addQueue.getByLabel('Name').fill('Refills');
  await addQueue.getByRole('button', { name: 'Add queue' }).click();
  await page.getByText('Refills was added.').waitFor();
  await page.getByRole('button', { name: 'Move Refills up' }).click();
  // The buttons are disabled while the move is in flight too, so wait for the order itself.
  await page.waitForFunction(() => document.querySelector('tbody tr td:first-child')?.textContent === 'Refills');
  const names = await page.locator('tbody tr td:first-child').allTextContents();
  assert.deepEqual(names, ['Refills', 'General']);
  await page.getByRole('row', { name: /General/ }).getByRole('button', { name: 'Archive' }).click();
  await page.getByText('General was archived: it takes no new callbacks.').waitFor();
  await assertAccessible(page, 'queues');
  await screenshot(page, '81-queues');
  const rows = await app.tenant(org.orgId).selectFrom('queues').select(['name', 'status', 'position']).orderBy('position').execute();
  assert.deepEqual(rows, [
    { name: 'Refills', status: 'active', position: 0 },
    { name: 'General', status: 'archived', position: 1 },
  ]);
});
