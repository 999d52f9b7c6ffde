import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestOrg, insertTestQueue, insertTestTask } from '../test/helpers.ts';
import { assertAccessible, launchBrowser, screenshot, signIn, startConsole } from './harness.ts';

test('push assignment in the console: the supervisor makes a queue push, an agent goes on duty and is handed a callback, the board shows who works what', async (t) => {
  const app = await startConsole(t, {}, { pushAssignment: true });
  const org = await createTestOrg(app, { clients: ['A'], users: { agent: ['agent', 'A'], supervisor: ['supervisor', 'A'] } });
  const queueId = await insertTestQueue(app, org.orgId, org.clients.A!, 'After hours');

  const boss = await launchBrowser(t);
  await signIn(boss.page, app.url, org.users.supervisor!);
  await boss.page.goto(`${app.url}/queues`);
  await boss.page.getByLabel('How After hours hands out work').selectOption('push');
  await boss.page.getByText('After hours now hands callbacks to agents on duty, in turn.').waitFor();

  const { page } = await launchBrowser(t);
  await signIn(page, app.url, org.users.agent!);
  await page.goto(`${app.url}/callbacks`);
  await page.getByLabel('Off duty for pushed callbacks').check();
  await page.getByLabel('On duty: push queues hand me callbacks').waitFor();
  await insertTestTask(app, org.orgId, org.clients.A!, { queueId });
  // Handed over without "Next callback": it appears in the agent's own list.
  await page.getByRole('table', { name: 'My callbacks' }).getByRole('button', { name: 'Refill request' }).waitFor();
  await assertAccessible(page, 'callbacks on duty');
  await screenshot(page, '82-pushed-callback');
  const task = await app.tenant(org.orgId).selectFrom('tasks').select(['assignee_id', 'status']).executeTakeFirstOrThrow();
  assert.deepEqual(task, { assignee_id: org.users.agent!.id, status: 'claimed' });

  await boss.page.goto(`${app.url}/board`);
  const row = boss.page.getByRole('table', { name: 'Agents and their callbacks' }).getByRole('row', { name: /agent-/ });
  await row.getByText('On duty').waitFor();
  await row.getByText('1 callback').waitFor();
  await assertAccessible(boss.page, 'board with agents');
  await screenshot(boss.page, '83-board-agents');
});
