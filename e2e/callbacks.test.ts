import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditEvents, createTestOrg, insertTestPatient, insertTestQueue } from '../test/helpers.ts';
import { assertAccessible, launchBrowser, screenshot, signIn, startConsole } from './harness.ts';

test('callbacks: intake a call (PHI in the title refused), claim it, reveal contact, log two attempts, complete with a follow-up; the supervisor board follows, shows the attempt history and reassigns the follow-up', async (t) => {
  const app = await startConsole(t);
  const org = await createTestOrg(app, { clients: ['A'], users: { agent: ['agent', 'A'], supervisor: ['supervisor', 'A'] } });
  await insertTestQueue(app, org.orgId, org.clients.A!, 'Refills');

  // The supervisor watches the board in a browser of their own.
  const boss = await launchBrowser(t);
  await signIn(boss.page, app.url, org.users.supervisor!);
  await boss.page.goto(`${app.url}/board`);
  await boss.page.getByText('No open callbacks.').waitFor();

  const { page } = await launchBrowser(t);
  await signIn(page, app.url, org.users.agent!);
  await page.goto(`${app.url}/callbacks`);
  await page.getByRole('heading', { name: 'Callbacks', exact: true }).waitFor();

  // Intake from the keyboard: i opens the form; the phone finds no one, so the patient is added.
  await page.keyboard.press('i');
  const dialog = page.getByRole('dialog', { name: 'New intake' });
  await dialog.getByLabel("Caller's phone").fill('555-010-0466');
  await dialog.getByRole('button', { name: 'Find' }).click();
  await dialog.getByText('No patient with this number').waitFor();
  await dialog.getByLabel('Given name').fill('Zephyrine');
  await dialog.getByLabel('Family name').fill('Quillfeather');
  await dialog.getByLabel('Priority').selectOption('urgent');
  const title = dialog.getByLabel('Title (no PHI)');
  await title.pressSequentially('Call back Zephyrine Quillfeather re refill', { delay: 5 });
  await dialog.locator('.phi-mark[data-phi-type="NAME"]').waitFor();
  await screenshot(page, '50-intake-phi-highlighted');
  await dialog.getByRole('button', { name: 'Create callback' }).click();
  await dialog.getByText(/contains PHI \(NAME\)/).waitFor();
  assert.equal(await app.tenant(org.orgId).selectFrom('tasks').select('id').executeTakeFirst(), undefined, 'nothing was stored');
  await title.fill('Refill request, metformin');
  await dialog.locator('.phi-mark').first().waitFor({ state: 'detached' });
  await assertAccessible(page, 'intake form');
  await dialog.getByRole('button', { name: 'Create callback' }).click();
  await page.getByText(/Callback created for P-/).waitFor();

  // The board updates by itself.
  await boss.page.getByRole('cell', { name: 'Refills' }).waitFor();
  await screenshot(boss.page, '51-board-one-open');

  // n claims the next callback; the contact shows only when revealed.
  await page.keyboard.press('n');
  const panel = page.locator('.task-panel');
  await panel.getByRole('heading', { name: 'Log an attempt' }).waitFor();
  assert.ok(!(await page.content()).includes('Quillfeather'), 'no PHI on screen before a reveal');
  await panel.getByRole('button', { name: 'Reveal contact' }).click();
  await panel.getByText('Quillfeather').waitFor();
  await panel.getByText('This was logged').waitFor();
  await screenshot(page, '52-callback-revealed');

  // First attempt: voicemail left. The task waits for its next try.
  await panel.getByRole('button', { name: /^Voicemail left/ }).click();
  await page.getByText(/Attempt 1 logged: the callback is now waiting/).waitFor();

  // The supervisor opens the callback's history from the board: the attempt and who made it.
  const agentName = org.users.agent!.email.split('@')[0]!;
  await boss.page.getByRole('button', { name: 'All open' }).click();
  const row = boss.page.getByRole('row', { name: /Refill request, metformin/ });
  await row.getByRole('button', { name: 'History' }).click();
  const history = boss.page.getByRole('dialog', { name: /Refill request, metformin/ });
  await history.getByText(new RegExp(`Voicemail left · ${agentName}`)).waitFor();
  await assertAccessible(boss.page, 'callback history');
  await screenshot(boss.page, '54-board-history');
  await boss.page.keyboard.press('Escape');
  await history.waitFor({ state: 'hidden' });
  const tenant = app.tenant(org.orgId);
  await tenant.updateTable('tasks').set({ ready_at: new Date(Date.now() - 1000).toISOString() }).execute();
  await page.keyboard.press('n');
  await panel.getByRole('heading', { name: 'Log an attempt' }).waitFor();
  // Second attempt, by digit key: 1 is "Reached".
  await page.keyboard.press('1');
  await page.getByText(/Attempt 2 logged: the callback is now claimed/).waitFor();
  await panel.getByText('Reached').first().waitFor();

  await panel.getByLabel('Create a follow-up for the same patient').check();
  await panel.getByLabel('Follow-up (no PHI)').fill('Check refill was picked up');
  await panel.getByLabel('Resolution').selectOption('refill_sent');
  await assertAccessible(page, 'callback being worked');
  await screenshot(page, '53-callback-complete');
  await panel.getByRole('button', { name: 'Complete callback' }).click();
  await page.getByText(/Completed; follow-up created for P-/).waitFor();

  // The supervisor hands the follow-up to the agent by name, then finds it by assignee.
  const followUp = boss.page.getByRole('row', { name: /Check refill was picked up/ });
  await followUp.getByRole('button', { name: 'History' }).click();
  const followUpHistory = boss.page.getByRole('dialog', { name: /Check refill was picked up/ });
  await followUpHistory.getByText('No attempts yet.').waitFor();
  await followUpHistory.getByLabel('Assign to').selectOption({ label: agentName });
  await followUpHistory.getByRole('button', { name: 'Assign' }).click();
  await boss.page.getByText(/now claimed/).waitFor();
  await followUpHistory.getByText(`Claimed · ${agentName}`).waitFor();
  await boss.page.keyboard.press('Escape');
  await boss.page.getByLabel('Assignee').selectOption({ label: agentName });
  await followUp.getByRole('cell', { name: agentName }).waitFor();
  await screenshot(boss.page, '55-board-assigned');

  const tasks = await tenant.selectFrom('tasks').selectAll().orderBy('created_at').execute();
  assert.equal(tasks.length, 2);
  assert.equal(tasks[0]!.status, 'completed');
  assert.equal(tasks[0]!.attempt_count, 2);
  assert.equal(tasks[1]!.parent_task_id, tasks[0]!.id);
  assert.equal(tasks[1]!.assignee_id, org.users.agent!.id);
  assert.equal(tasks[1]!.status, 'claimed');
  const events = await auditEvents(app, org.orgId);
  assert.ok(events.some((e) => e.action === 'phi.read' && e.patient_ref === tasks[0]!.patient_ref));
  assert.ok(events.some((e) => e.action === 'task.assigned' && e.resource_id === tasks[1]!.id));
  assert.equal(events.filter((e) => e.action === 'phi_guard.refused').length, 1);
  assert.ok(!JSON.stringify(events).includes('Quillfeather'));
});

test('intake by keyboard alone: a known caller found by phone, reason, priority and title, with every key counted', async (t) => {
  const app = await startConsole(t);
  const org = await createTestOrg(app, { clients: ['A'], users: { agent: ['agent', 'A'] } });
  await insertTestQueue(app, org.orgId, org.clients.A!, 'Front desk');
  const caller = await insertTestPatient(app, org.orgId, org.clients.A!, { name: { given: 'Orsolya', family: 'Brightwater' }, phones: [{ number: '555-010-0733', type: 'mobile' }] });

  const { page } = await launchBrowser(t);
  await signIn(page, app.url, org.users.agent!);
  await page.goto(`${app.url}/callbacks`);
  await page.getByRole('heading', { name: 'Callbacks', exact: true }).waitFor();

  // Only the keyboard from here on; every key the agent presses is counted.
  let keys = 0;
  const press = async (key: string) => {
    keys += 1;
    await page.keyboard.press(key);
  };
  const type = async (text: string) => {
    keys += text.length;
    await page.keyboard.type(text);
  };
  const started = Date.now();
  await press('i');
  const dialog = page.getByRole('dialog', { name: 'New intake' });
  // The caret is in the phone field as the dialog opens: the agent types at once.
  await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'phone', null, { timeout: 5000 });
  await type('5550100733');
  await press('Enter');
  await dialog.getByText(`Found ${caller.ref}.`).waitFor();
  // Focus moved to the reason by itself: a letter picks it, Tab moves on.
  await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'reasonCode', null, { timeout: 5000 });
  await type('a');
  await press('Tab');
  await type('u');
  await press('Tab');
  const title = 'Appointment request, next available';
  await type(title);
  await press('Enter');
  await page.getByText(`Callback created for ${caller.ref}`).waitFor();
  const seconds = (Date.now() - started) / 1000;

  const task = await app.tenant(org.orgId).selectFrom('tasks').selectAll().executeTakeFirstOrThrow();
  assert.equal(task.patient_id, caller.id);
  assert.equal(task.reason_code, 'appointment');
  assert.equal(task.priority, 'urgent');
  assert.equal(task.title, title);
  // The count is the figure that matters: at three keys a second an agent needs keys/3 seconds.
  t.diagnostic(`keyboard intake: ${keys} keys (${title.length} of them the title), ${seconds.toFixed(1)} s in the test browser`);
});
