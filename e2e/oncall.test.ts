import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test, type TestContext } from 'node:test';
import { addMonths, today } from '../src/platform/calendar.ts';
import { createTestOrg, eventually, insertTestPatient, insertTestQueue, signedInClient, type TestApp, type TestOrg } from '../test/helpers.ts';
import { startSmtpServer, type SmtpProcess } from '../test/smtp.ts';
import type { Locator, Page } from 'playwright-core';
import { assertAccessible, launchBrowser, nextCode, screenshot, signIn, startConsole } from './harness.ts';

/** Synthetic PHI that must never reach a page. */
const PHI = { given: 'Oriane', family: 'Delacroix-Wexley', phone: '+1 312 555 0193' };
/** Windows short enough to watch a whole chain: 4 s to acknowledge, paged again after 2 s. */
const FAST = { coverage: 'always', ackWindowSeconds: { emergent: 4, urgent: 4 }, renotifyEverySeconds: 2, renotifyTimes: 1, stopOn: 'acknowledged', autoPageEmergent: true, escalationUserIds: [] };

interface World {
  app: TestApp;
  org: TestOrg;
  smtp: SmtpProcess;
  address: (key: string) => string;
}

/** An answering service with a paging relay (e-mail through a vendor with a BAA), a practice, its staff and two providers. */
async function world(t: TestContext): Promise<World> {
  const app = await startConsole(t, {}, { background: true });
  const org = await createTestOrg(app, {
    clients: ['A'],
    users: { agent: ['clinical_agent', 'A'], supervisor: ['supervisor', 'A'], drLee: ['provider', 'A'], drPark: ['provider', 'A'], compliance: ['compliance', null] },
  });
  await app.tenant(org.orgId).updateTable('clients').set({ name: 'Lakeside Family Practice' }).where('id', '=', org.clients.A!).execute();
  const smtp = await startSmtpServer(t);
  const officer = await signedInClient(app, org.orgId, org.users.compliance!.id);
  const admin = await signedInClient(app, org.orgId, org.admin.id);
  const vendor = (await officer.post('/api/vendors', { name: 'Synthetic Paging Relay', services: ['email'], handlesPhi: true })).body;
  await officer.post('/api/baas', { vendorId: vendor.id, status: 'signed', effectiveOn: addMonths(today(), -3) });
  const channel = (await admin.post('/api/notification-channels', { kind: 'email', vendorId: vendor.id, host: '127.0.0.1', port: smtp.port, secure: false, fromAddress: 'pages@ringfence.example.test', credentials: null })).body;
  await admin.post(`/api/notification-channels/${channel.id}/enable`);
  // Seconds instead of minutes, so the test sees the escalation happen.
  const supervisor = await signedInClient(app, org.orgId, org.users.supervisor!.id);
  assert.equal((await supervisor.put(`/api/clients/${org.clients.A}/on-call/settings`, FAST)).status, 200);
  await insertTestQueue(app, org.orgId, org.clients.A!, 'Triage');
  return { app, org, smtp, address: (key) => `${key.toLowerCase()}.pages@example.test` };
}

/** Dr Park's verified address, set up outside the browser (Dr Lee walks the same screens in the first test). */
async function parkReachable(w: World): Promise<void> {
  await w.app
    .tenant(w.org.orgId)
    .insertInto('oncall_contact_points', { id: randomUUID(), user_id: w.org.users.drPark!.id, kind: 'email', address: w.address('drPark'), position: 0, verified_at: new Date().toISOString(), code_hash: null, code_expires_at: null, code_attempts: 0, created_at: new Date().toISOString() })
    .execute();
}


/** An agent takes a call: the intake form filled by `fill`, the callback created and claimed; returns its panel. */
async function takeCall(page: Page, url: string, fill: (dialog: Locator) => Promise<void>): Promise<Locator> {
  await page.goto(`${url}/callbacks`);
  await page.getByRole('heading', { name: 'Callbacks', exact: true }).waitFor();
  await page.keyboard.press('i');
  const dialog = page.getByRole('dialog', { name: 'New intake' });
  await fill(dialog);
  await dialog.getByRole('button', { name: 'Create callback' }).click();
  await page.getByText(/Callback created for P-/).waitFor();
  await page.keyboard.press('n');
  return page.locator('.task-panel');
}

/** A provider on a phone-sized screen follows a page's link, signs in, and lands on the message. */
async function providerOpens(t: TestContext, w: World, key: string, link: string) {
  const phone = await launchBrowser(t);
  await phone.page.setViewportSize({ width: 375, height: 780 });
  await phone.page.goto(link);
  await phone.page.getByLabel('Email').fill(w.org.users[key]!.email);
  await phone.page.getByLabel('Password').fill('correct horse battery staple 42');
  await phone.page.getByRole('button', { name: 'Continue' }).click();
  await phone.page.getByLabel('Authenticator code').fill(await nextCode(w.org.users[key]!.totpSecret));
  await phone.page.getByRole('button', { name: 'Verify' }).click();
  await phone.page.getByRole('heading', { name: /^Urgent message U-/ }).waitFor();
  return phone.page;
}

test('on call: a provider verifies a contact point, a supervisor builds the schedule and sees its gaps, an emergent callback pages the provider with no PHI, and the agent sees the acknowledgement live', async (t) => {
  const w = await world(t);
  await parkReachable(w);

  // Dr Lee, on a phone: adds a work e-mail address and types back the code it received.
  const lee = await launchBrowser(t);
  await lee.page.setViewportSize({ width: 375, height: 780 });
  await signIn(lee.page, w.app.url, w.org.users.drLee!);
  await lee.page.getByRole('link', { name: /My on-call/ }).click();
  await lee.page.getByRole('heading', { name: 'My on-call' }).waitFor();
  await lee.page.getByLabel('Kind').selectOption('email');
  await lee.page.getByLabel('E-mail address').fill('not an address');
  await lee.page.getByRole('button', { name: 'Add and send a code' }).click();
  await lee.page.locator('[data-field-error="address"]').getByText(/must be an e-mail address/).waitFor();
  await lee.page.getByLabel('E-mail address').fill(w.address('drLee'));
  await lee.page.getByRole('button', { name: 'Add and send a code' }).click();
  const codeMail = await eventually('the code', () => w.smtp.received.find((m) => m.to.includes(w.address('drLee'))));
  const code = /\b(\d{6})\b/.exec(codeMail.text)![1]!;
  await lee.page.getByLabel(`Code sent to ${w.address('drLee')}`).fill(code);
  await lee.page.getByRole('button', { name: 'Verify' }).click();
  await lee.page.getByText('Verified', { exact: true }).waitFor();
  await assertAccessible(lee.page, 'my on-call');
  await screenshot(lee.page, '100-oncall-contact-verified-phone');

  // The supervisor: nights only first, so the week shows the daytime gaps; then around the clock.
  const boss = await launchBrowser(t);
  await signIn(boss.page, w.app.url, w.org.users.supervisor!);
  await boss.page.getByRole('link', { name: /^On call/ }).click();
  await boss.page.getByRole('heading', { name: 'On call', exact: true }).waitFor();
  await boss.page.getByRole('tab', { name: 'Schedule' }).click();
  await boss.page.getByRole('button', { name: 'Add rotation' }).click();
  await boss.page.getByLabel('Primary').selectOption({ label: w.org.users.drLee!.email.split('@')[0]! });
  await boss.page.getByLabel('Backup', { exact: true }).selectOption({ label: w.org.users.drPark!.email.split('@')[0]! });
  // A rule the schedule cannot keep is refused on its own field.
  const rule = boss.page.getByLabel('Recurrence rule');
  await rule.fill('FREQ=HOURLY');
  await boss.page.getByRole('button', { name: 'Save schedule' }).click();
  await boss.page.locator('[data-field-error="rotations[0].shifts[0].rrule"]').waitFor();
  await screenshot(boss.page, '101a-oncall-rule-refused');
  await rule.fill('FREQ=DAILY');
  await boss.page.getByRole('button', { name: 'Save schedule' }).click();
  await boss.page.getByText(/gaps? in coverage/).first().waitFor();
  await screenshot(boss.page, '101-oncall-schedule-gaps');
  await boss.page.getByRole('tab', { name: 'Week' }).click();
  await boss.page.locator('.gap-block').first().waitFor();
  await assertAccessible(boss.page, 'on-call week with gaps');
  await screenshot(boss.page, '102-oncall-week-gaps');
  await boss.page.getByRole('tab', { name: 'Schedule' }).click();
  await boss.page.getByLabel('Starts').fill('00:00');
  await boss.page.getByLabel('Ends').fill('00:00');
  await boss.page.getByRole('button', { name: 'Save schedule' }).click();
  await boss.page.getByText(/no gap, no double coverage/).waitFor();
  assert.equal(await boss.page.locator('.gap-block').count(), 0);
  await screenshot(boss.page, '103-oncall-week-covered');

  // The agent takes an emergent call: the callback pages Dr Lee by itself.
  const patient = await insertTestPatient(w.app, w.org.orgId, w.org.clients.A!, { name: { given: PHI.given, family: PHI.family }, phones: [{ number: PHI.phone, type: 'mobile' }] });
  const { page } = await launchBrowser(t);
  await signIn(page, w.app.url, w.org.users.agent!);
  const panel = await takeCall(page, w.app.url, async (dialog) => {
    await dialog.getByLabel("Caller's phone").fill(PHI.phone);
    await dialog.getByRole('button', { name: 'Find' }).click();
    await dialog.getByText(patient.ref).click();
    await dialog.getByLabel('Priority').selectOption('emergent');
    await dialog.getByLabel('Reason').selectOption('clinical');
    await dialog.getByLabel('Title (no PHI)').fill('Chest pain, call back now');
  });
  await panel.getByRole('heading', { name: 'On-call pages' }).waitFor();

  const pageMail = await eventually('the page to Dr Lee', () => w.smtp.received.find((m) => m.to.includes(w.address('drLee')) && /Urgent message/.test(m.subject)));
  const everything = JSON.stringify(w.smtp.received);
  for (const value of [PHI.given, PHI.family, PHI.phone, '0193', patient.ref, 'Chest pain']) assert.ok(!everything.includes(value), `no page carries ${value}`);
  assert.equal(pageMail.subject, 'Urgent message for Lakeside Family Practice');
  await panel.locator('.page-state').getByText('Paging').waitFor();
  await screenshot(page, '104-oncall-task-paging');

  // Dr Lee follows the link, reads (logged) and acknowledges.
  const link = /(http:\/\/127\.0\.0\.1:\d+\/pages\/[0-9a-f-]{36})/.exec(pageMail.text)![1]!;
  const phone = await providerOpens(t, w, 'drLee', link);
  await phone.getByRole('button', { name: 'Read message (logged)' }).click();
  await phone.getByText('this reading was logged').waitFor();
  await phone.getByRole('button', { name: 'Acknowledge' }).click();
  await phone.getByRole('button', { name: /^Acknowledged / }).waitFor();
  await assertAccessible(phone, 'urgent message on a phone');
  await screenshot(phone, '105-oncall-acknowledged-phone');

  // The agent's callback shows it without a reload.
  await panel.locator('.page-state').getByText('Acknowledged').waitFor();
  await panel.getByText(new RegExp(`by ${w.org.users.drLee!.email.split('@')[0]}`)).first().waitFor();
  await screenshot(page, '106-oncall-task-acknowledged');
});

test('on call: the primary never acknowledges; after the window the backup is paged, acknowledges, and the page shows every step', async (t) => {
  const w = await world(t);
  await parkReachable(w);
  await w.app
    .tenant(w.org.orgId)
    .insertInto('oncall_contact_points', { id: randomUUID(), user_id: w.org.users.drLee!.id, kind: 'email', address: w.address('drLee'), position: 0, verified_at: new Date().toISOString(), code_hash: null, code_expires_at: null, code_attempts: 0, created_at: new Date().toISOString() })
    .execute();
  const supervisor = await signedInClient(w.app, w.org.orgId, w.org.users.supervisor!.id);
  const rule = { id: randomUUID(), rrule: 'FREQ=DAILY', startDate: addMonths(today(), -1), untilDate: null, start: '00:00', end: '00:00', primary: w.org.users.drLee!.id, backups: [w.org.users.drPark!.id] };
  assert.equal((await supervisor.put(`/api/clients/${w.org.clients.A}/on-call/schedule`, { rotations: [{ id: randomUUID(), name: 'Around the clock', shifts: [rule] }], overrides: [] })).status, 200);
  await insertTestPatient(w.app, w.org.orgId, w.org.clients.A!);

  // The agent pages from an urgent callback, seeing first who will be paged.
  const { page } = await launchBrowser(t);
  await signIn(page, w.app.url, w.org.users.agent!);
  const panel = await takeCall(page, w.app.url, async (dialog) => {
    await dialog.getByLabel("Caller's phone").fill('555-010-0466');
    await dialog.getByRole('button', { name: 'Find' }).click();
    await dialog.getByText('No patient with this number').waitFor();
    await dialog.getByLabel('Given name').fill('Synthia');
    await dialog.getByLabel('Family name').fill('Testwell');
    await dialog.getByLabel('Priority').selectOption('urgent');
    await dialog.getByLabel('Title (no PHI)').fill('Medication question');
  });
  await panel.getByRole('button', { name: 'Page on-call' }).click();
  const pageDialog = page.getByRole('dialog', { name: 'Page the on-call provider' });
  await pageDialog.getByText(/\(primary\)/).waitFor();
  await pageDialog.getByText(/then .* \(backup\)/).waitFor();
  await pageDialog.getByRole('button', { name: 'Send page' }).click();
  await pageDialog.locator('[data-field-error="body"]').waitFor();
  await pageDialog.getByLabel('Message for the provider').fill('Synthetic: new rash after the first dose of the antibiotic; asks whether to stop it.');
  await assertAccessible(page, 'page on-call dialog');
  await screenshot(page, '107-oncall-page-dialog');
  await pageDialog.getByRole('button', { name: 'Send page' }).click();
  await page.getByText(/Page U-[A-Z0-9]+ sent/).waitFor();

  // Nobody answers Dr Lee's pages: after the window Dr Park is paged.
  const parkMail = await eventually('the page to the backup', () => w.smtp.received.find((m) => m.to.includes(w.address('drPark'))), 30_000);
  assert.equal(w.smtp.received.filter((m) => m.to.includes(w.address('drLee'))).length, 2, 'the primary was paged, then paged again');
  await panel.getByText(/Park|drpark/i).first().waitFor();
  const link = /(http:\/\/127\.0\.0\.1:\d+\/pages\/[0-9a-f-]{36})/.exec(parkMail.text)![1]!;
  const phone = await providerOpens(t, w, 'drPark', link);
  await phone.getByRole('button', { name: 'Acknowledge' }).click();
  await phone.getByRole('button', { name: /^Acknowledged / }).waitFor();
  await phone.getByLabel('Reply to the answering service').fill('Stop the antibiotic; I will call in an alternative.');
  await phone.getByRole('button', { name: 'Send reply' }).click();
  await phone.getByText('Reply sent: the agent sees it now.').waitFor();

  // The agent sees the reply arrive, reads it (logged) and marks it handled.
  await panel.getByText(/The provider replied \(1 not yet handled\)/).waitFor();
  await panel.getByRole('button', { name: 'Show replies (logged)' }).click();
  await panel.getByText('Stop the antibiotic; I will call in an alternative.').waitFor();
  await panel.getByRole('button', { name: 'Mark handled' }).click();
  await panel.getByText(/every reply is handled/).waitFor();

  // The supervisor opens the page from the list of pages: every step, who and when.
  const boss = await launchBrowser(t);
  await signIn(boss.page, w.app.url, w.org.users.supervisor!);
  await boss.page.getByRole('link', { name: /Urgent pages/ }).click();
  await boss.page.getByRole('heading', { name: 'Outstanding pages' }).waitFor();
  await boss.page.getByText('Every page has been acknowledged.').waitFor();
  await screenshot(boss.page, '109-oncall-outstanding-none');
  const messageId = link.split('/').pop()!;
  await boss.page.goto(`${w.app.url}/pages/${messageId}`);
  const steps = boss.page.locator('.timeline');
  for (const label of ['Message created', 'Paged', 'Page sent', 'Escalated', 'Link opened', 'Acknowledged', 'Replied', 'Reply marked handled']) await steps.getByText(label, { exact: false }).first().waitFor();
  assert.equal(await steps.locator('li', { hasText: /^.*Paged/ }).count() >= 3, true);
  await assertAccessible(boss.page, 'urgent message timeline');
  await screenshot(boss.page, '108-oncall-timeline');

  // The patient's timeline: the callback, the page and its steps, in order.
  await boss.page.getByRole('link', { name: 'Open the callback' }).waitFor();
  const patientId = (await w.app.tenant(w.org.orgId).selectFrom('urgent_messages').select('patient_id').where('id', '=', messageId).executeTakeFirstOrThrow()).patient_id;
  await boss.page.goto(`${w.app.url}/patients/${patientId}`);
  // A page about the patient directly, from the patient's screen.
  await boss.page.getByRole('button', { name: 'Page on-call' }).click();
  const direct = boss.page.getByRole('dialog', { name: 'Page the on-call provider' });
  await direct.getByLabel('Message for the provider').fill('Synthetic: the caller asks for a second opinion tonight.');
  await direct.getByRole('button', { name: 'Send page' }).click();
  await boss.page.getByText(/Page U-[A-Z0-9]+ sent/).waitFor();
  await boss.page.getByRole('link', { name: 'Timeline' }).click();
  const patientSteps = boss.page.locator('.patient-timeline');
  await patientSteps.getByText(/Urgent callback \(refill\)|Urgent callback/).first().waitFor();
  await patientSteps.getByText(/escalated to the backup tier/).waitFor();
  await patientSteps.getByText(/acknowledged/).first().waitFor();
  assert.ok(!(await boss.page.content()).includes('antibiotic'), 'the timeline shows no clinical text');
  await assertAccessible(boss.page, 'patient timeline');
  await screenshot(boss.page, '110-patient-timeline');
});
