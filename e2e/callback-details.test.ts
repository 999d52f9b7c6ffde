import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DateTime } from 'luxon';
import { auditEvents, createTestOrg, insertTestPatient, insertTestQueue, insertTestTask } from '../test/helpers.ts';
import { assertAccessible, launchBrowser, screenshot, signIn, startConsole } from './harness.ts';

/** Synthetic clinical detail that exists only in this test. */
const CLINICAL = 'Synthetic triage: wheezing since Tuesday, inhaler used twice today';

test('clinical messages: a clinical agent adds one and reads them (logged); an agent sees no such section', async (t) => {
  const app = await startConsole(t);
  const org = await createTestOrg(app, { clients: ['A'], users: { nurse: ['clinical_agent', 'A'], agent: ['agent', 'A'] } });
  const task = await insertTestTask(app, org.orgId, org.clients.A!, { priority: 'urgent', claimedBy: org.users.nurse!.id });

  const { page } = await launchBrowser(t);
  await signIn(page, app.url, org.users.nurse!);
  await page.goto(`${app.url}/callbacks`);
  await page.getByRole('button', { name: 'Refill request' }).click();
  const panel = page.locator('.task-panel');
  const section = panel.getByRole('region', { name: 'Clinical messages' });
  await section.getByText('No clinical messages yet.').waitFor();
  await section.getByLabel('New clinical message').fill(CLINICAL);
  await section.getByRole('button', { name: 'Add clinical message' }).click();
  await page.getByText('Clinical message added').waitFor();
  await section.getByText('1 clinical message.').waitFor();
  assert.ok(!(await page.content()).includes('wheezing'), 'not on screen until asked for');
  assert.equal((await auditEvents(app, org.orgId)).filter((e) => e.action === 'phi.read' && e.resource_id === task.id).length, 0);

  await section.getByRole('button', { name: 'Show clinical messages (logged)' }).click();
  await section.getByText(CLINICAL).waitFor();
  await section.getByText(/· you$/).waitFor();
  await section.getByText('Reading them was logged').waitFor();
  await assertAccessible(page, 'clinical messages shown');
  await screenshot(page, '60-clinical-messages');
  const reads = (await auditEvents(app, org.orgId)).filter((e) => e.action === 'phi.read' && e.resource_id === task.id);
  assert.equal(reads.length, 1);
  assert.equal(reads[0]!.actor_id, org.users.nurse!.id);

  // A second message while the list is shown joins it without another read.
  await section.getByLabel('New clinical message').fill('Synthetic: advised to use the spacer');
  await section.getByRole('button', { name: 'Add clinical message' }).click();
  await section.getByText('Synthetic: advised to use the spacer').waitFor();
  assert.equal((await auditEvents(app, org.orgId)).filter((e) => e.action === 'phi.read' && e.resource_id === task.id).length, 1);

  // An agent without the clinical category works a callback with no clinical section at all.
  await insertTestTask(app, org.orgId, org.clients.A!, { claimedBy: org.users.agent!.id });
  const other = await launchBrowser(t);
  await signIn(other.page, app.url, org.users.agent!);
  await other.page.goto(`${app.url}/callbacks`);
  await other.page.getByRole('button', { name: 'Refill request' }).click();
  await other.page.locator('.task-panel').getByRole('heading', { name: 'Log an attempt' }).waitFor();
  assert.equal(await other.page.getByRole('heading', { name: 'Clinical messages' }).count(), 0);
});

test('completion with a follow-up at a chosen time and priority, on the client’s clock; intake with a callback window, an impossible one refused by name', async (t) => {
  const app = await startConsole(t);
  const org = await createTestOrg(app, { clients: ['A'], users: { agent: ['agent', 'A'] } });
  const tenant = app.tenant(org.orgId);
  // The browser runs on Chicago time; the practice is in New York.
  await tenant.updateTable('clients').set({ time_zone: 'America/New_York' }).where('id', '=', org.clients.A!).execute();
  const queueId = await insertTestQueue(app, org.orgId, org.clients.A!, 'Refills');
  const task = await insertTestTask(app, org.orgId, org.clients.A!, { queueId, claimedBy: org.users.agent!.id });

  const { page } = await launchBrowser(t);
  await signIn(page, app.url, org.users.agent!);
  await page.goto(`${app.url}/callbacks`);
  await page.getByRole('button', { name: 'Refill request' }).click();
  const panel = page.locator('.task-panel');
  // The due time is on the client's clock, its zone named.
  await panel.getByText(/Due \w{3} \d+, \d+:\d\d [AP]M E[SD]T/).waitFor();
  await panel.getByText(/Claimed$/).waitFor();

  const tomorrow9 = DateTime.now().setZone('America/New_York').plus({ days: 1 }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
  await panel.getByLabel('Create a follow-up for the same patient').check();
  await panel.getByLabel('Follow-up reason').selectOption('results');
  await panel.getByLabel('Follow-up priority').selectOption('urgent');
  await panel.getByLabel('Call back after').fill(tomorrow9.toFormat("yyyy-MM-dd'T'HH:mm"));
  await panel.getByText(/time \(E[SD]T\)/).first().waitFor();
  await panel.getByLabel('Follow-up (no PHI)').fill('Check the refill worked');
  await assertAccessible(page, 'completion with a timed follow-up');
  await screenshot(page, '61-follow-up-timed');
  await panel.getByRole('button', { name: 'Complete callback' }).click();
  await page.getByText(/Completed; follow-up created for P-/).waitFor();
  const followUp = await tenant.selectFrom('tasks').selectAll().where('parent_task_id', '=', task.id).executeTakeFirstOrThrow();
  assert.equal(followUp.priority, 'urgent');
  assert.equal(followUp.reason_code, 'results');
  assert.equal(new Date(followUp.ready_at).toISOString(), tomorrow9.toUTC().toISO(), '09:00 in New York, not in Chicago');
  assert.equal(new Date(followUp.due_at).toISOString(), tomorrow9.plus({ minutes: 15 }).toUTC().toISO(), 'urgent: 15 minutes from the window’s start');

  // Intake with a window: an end before its start is refused under "Call back before".
  await page.keyboard.press('i');
  const dialog = page.getByRole('dialog', { name: 'New intake' });
  await dialog.getByLabel("Caller's phone").fill('555-010-0921');
  await dialog.getByRole('button', { name: 'Find' }).click();
  await dialog.getByText('No patient with this number').waitFor();
  await dialog.getByLabel('Given name').fill('Ottoline');
  await dialog.getByLabel('Family name').fill('Marchbanks');
  // A PHI error goes once the text is changed: no "No PHI found" beside a stale "contains PHI".
  await dialog.getByLabel('Title (no PHI)').fill('Call Ottoline Marchbanks about results');
  await dialog.getByRole('button', { name: 'Create callback' }).click();
  await dialog.getByText(/contains PHI/).waitFor();
  await dialog.getByLabel('Title (no PHI)').fill('Results question');
  await dialog.getByText('No PHI found').first().waitFor();
  assert.equal(await dialog.getByText(/contains PHI/).count(), 0, 'the stale error went, inline and above the buttons');
  const after = tomorrow9.set({ hour: 15 });
  await dialog.getByLabel('Call back after').fill(after.toFormat("yyyy-MM-dd'T'HH:mm"));
  await dialog.getByLabel('Call back before').fill(after.minus({ hours: 1 }).toFormat("yyyy-MM-dd'T'HH:mm"));
  await dialog.getByRole('button', { name: 'Create callback' }).click();
  await dialog.getByText(/must end later than it starts/).waitFor();
  await assertAccessible(page, 'intake with an impossible window');
  await screenshot(page, '62-intake-window-refused');
  await dialog.getByLabel('Call back before').fill(after.plus({ hours: 2 }).toFormat("yyyy-MM-dd'T'HH:mm"));
  assert.equal(await dialog.getByText(/must end later than it starts/).count(), 0, 'the error goes as the time is corrected');
  await dialog.getByRole('button', { name: 'Create callback' }).click();
  await page.getByText(/Callback created for P-/).waitFor();
  const windowed = await tenant.selectFrom('tasks').selectAll().where('title', '=', 'Results question').executeTakeFirstOrThrow();
  assert.equal(new Date(windowed.callback_after!).toISOString(), after.toUTC().toISO());
  assert.equal(new Date(windowed.callback_before!).toISOString(), after.plus({ hours: 2 }).toUTC().toISO());
  assert.equal(new Date(windowed.ready_at).toISOString(), after.toUTC().toISO());
  assert.ok(new Date(windowed.due_at) <= new Date(windowed.callback_before!), 'due by the window’s end');
});

test('the patient page lists the patient’s callbacks (no PHI) and starts a new one with the patient chosen', async (t) => {
  const app = await startConsole(t);
  const org = await createTestOrg(app, { clients: ['A'], users: { agent: ['agent', 'A'] } });
  const queueId = await insertTestQueue(app, org.orgId, org.clients.A!, 'Front desk');
  const patient = await insertTestPatient(app, org.orgId, org.clients.A!, { name: { given: 'Peregrine', family: 'Ashdown' }, phones: [{ number: '555-010-0388', type: 'mobile' }] });
  await insertTestTask(app, org.orgId, org.clients.A!, { queueId, patientId: patient.id, priority: 'urgent' });
  await insertTestTask(app, org.orgId, org.clients.A!, { queueId });

  const { page } = await launchBrowser(t);
  await signIn(page, app.url, org.users.agent!);
  await page.goto(`${app.url}/patients/${patient.id}`);
  const callbacks = page.getByRole('region', { name: 'Callbacks' });
  const table = callbacks.getByRole('table', { name: `Callbacks of ${patient.ref}` });
  await table.getByRole('row', { name: /Refill Urgent Open/ }).waitFor();
  assert.equal(await table.getByRole('row').count(), 2, 'a header and this patient’s one callback');
  assert.ok(!(await page.content()).includes('Ashdown'), 'no PHI without a reveal');
  await assertAccessible(page, 'patient callbacks');

  await callbacks.getByRole('button', { name: 'New callback for this patient' }).click();
  const dialog = page.getByRole('dialog', { name: 'New intake' });
  await dialog.getByText(`For patient ${patient.ref}`).waitFor();
  assert.equal(await dialog.getByLabel("Caller's phone").count(), 0, 'no lookup: the patient is given');
  await dialog.getByLabel('Reason').selectOption('appointment');
  await dialog.getByLabel('Title (no PHI)').fill('Appointment request');
  await assertAccessible(page, 'intake for a given patient');
  await screenshot(page, '63-patient-new-callback');
  await dialog.getByRole('button', { name: 'Create callback' }).click();
  await page.getByText(`Callback created for ${patient.ref}`).waitFor();
  await table.getByRole('row', { name: /Appointment Routine Open/ }).waitFor();
  await screenshot(page, '64-patient-callbacks');
  const created = await app.tenant(org.orgId).selectFrom('tasks').selectAll().where('title', '=', 'Appointment request').executeTakeFirstOrThrow();
  assert.equal(created.patient_id, patient.id);
  assert.equal(created.queue_id, queueId);
});
