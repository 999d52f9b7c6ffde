import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import type { Locator } from 'playwright-core';
import { assignTestRole, auditEvents, createTestOrg, insertTestPatient, insertTestQueue, insertTestTask, insertTestUser } from '../test/helpers.ts';
import { sweepReminders } from '../src/modules/compliance/reminders.service.ts';
import { assertAccessible, launchBrowser, screenshot, signIn, startConsole } from './harness.ts';

/** A minimal one-page PDF: what a scanned, signed agreement arrives as. */
const SIGNED_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

test('compliance: a client without a BAA has its PHI closed; the officer records a signed BAA with its PDF and the gate lifts; an untrained agent sees why the contact stays closed until their training is recorded', async (t) => {
  const app = await startConsole(t);
  const org = await createTestOrg(app, { clients: ['A'], baas: false, users: { agent: ['agent', 'A'], compliance: ['compliance', null] } });
  const clientId = org.clients.A!;
  const queueId = await insertTestQueue(app, org.orgId, clientId, 'Refills');
  const patient = await insertTestPatient(app, org.orgId, clientId, { name: { given: 'Thessaly', family: 'Okonkwo-Brandt' }, phones: [{ number: '555-010-0188', type: 'mobile' }] });
  await insertTestTask(app, org.orgId, clientId, { queueId, patientId: patient.id });

  // Next callback hands the agent nothing while the client's PHI is closed, and the screen says why.
  const { page } = await launchBrowser(t);
  await signIn(page, app.url, org.users.agent!);
  await page.goto(`${app.url}/callbacks`);
  await page.getByRole('heading', { name: 'Callbacks', exact: true }).waitFor();
  await page.keyboard.press('n');
  await page.getByRole('alert').getByText(/has no active signed business associate agreement/).waitFor();
  assert.equal(await page.locator('.task-panel').count(), 0, 'the callback stays in its queue');
  assert.ok(!(await page.content()).includes('Okonkwo-Brandt'));
  await screenshot(page, '60-contact-closed-no-baa');

  // The compliance officer sees the gap first and records the signed BAA with its PDF.
  const officer = await launchBrowser(t);
  await signIn(officer.page, app.url, org.users.compliance!);
  await officer.page.goto(`${app.url}/compliance`);
  const row = officer.page.getByRole('row', { name: /Client A/ });
  await row.getByText('No BAA').waitFor();
  const overview = officer.page.getByRole('region', { name: /Overview/ });
  await overview.getByText(/0\s+of 1 client covered/).waitFor();
  await overview.getByRole('img', { name: 'Clients by BAA state: 1 no baa' }).waitFor();
  await assertAccessible(officer.page, 'compliance');
  await screenshot(officer.page, '61-baa-chain-gap');
  await row.getByRole('button', { name: 'Record BAA' }).click();
  const dialog = officer.page.getByRole('dialog', { name: /Record a BAA with Client A/ });
  await dialog.getByLabel('Signed for the other party by').fill('Practice administrator');
  await dialog.getByLabel('Signed document (PDF, stored encrypted)').setInputFiles({ name: 'client-a-baa.pdf', mimeType: 'application/pdf', buffer: SIGNED_PDF });
  await assertAccessible(officer.page, 'record a BAA');
  await dialog.getByRole('button', { name: 'Record BAA' }).click();
  await officer.page.getByText(/BAA with Client A .* recorded: it is active/).waitFor();
  await row.getByText('Active').waitFor();
  await overview.getByText(/1\s+of 1 client covered/).waitFor();
  await row.getByRole('button', { name: 'Open' }).click();
  const opened = officer.page.getByRole('dialog', { name: /BAA · Client A/ });
  const link = opened.getByRole('link', { name: /client-a-baa\.pdf/ });
  await link.waitFor();
  const download = await officer.page.request.get(`${app.url}${await link.getAttribute('href')}`);
  assert.equal(download.status(), 200);
  assert.deepEqual(Buffer.from(await download.body()), SIGNED_PDF, 'the same bytes come back');
  await screenshot(officer.page, '62-baa-recorded');

  // Stored encrypted: the PDF's bytes are nowhere in the row.
  const stored = await app.tenant(org.orgId).selectFrom('baas').selectAll().where('client_id', '=', clientId).executeTakeFirstOrThrow();
  assert.ok(stored.document_enc?.startsWith('rf1.'));
  assert.ok(!stored.document_enc!.includes(SIGNED_PDF.toString('base64').slice(0, 40)));

  // The gate lifts at once: the agent takes the callback and reveals the contact.
  await page.getByRole('button', { name: /Next callback/ }).click();
  const panel = page.locator('.task-panel');
  await panel.getByRole('button', { name: 'Reveal contact' }).click();
  await panel.getByText('Okonkwo-Brandt').waitFor();

  // A new agent without training: they sign in, see what to complete, and the contact stays closed.
  const newcomer = await insertTestUser(app, org.orgId, `newcomer-${randomUUID().slice(0, 8)}@example.test`, { trained: false });
  await assignTestRole(app, org.orgId, newcomer.id, 'agent', clientId);
  await insertTestTask(app, org.orgId, clientId, { queueId, patientId: patient.id });
  const second = await launchBrowser(t);
  await signIn(second.page, app.url, newcomer);
  await second.page.getByText('Patient information is closed to you until your training is up to date.').waitFor();
  await second.page.goto(`${app.url}/callbacks`);
  await second.page.getByRole('heading', { name: 'Callbacks', exact: true }).waitFor();
  // Next callback hands them nothing they could not work, and says why.
  await second.page.keyboard.press('n');
  await second.page.getByRole('alert').getByText(/Complete your training before handling PHI: HIPAA basics \(not completed\), Minimum necessary/).waitFor();
  assert.equal(await second.page.locator('.task-panel').count(), 0, 'no callback was handed to them');
  assert.ok(!(await second.page.content()).includes('Okonkwo-Brandt'));
  await assertAccessible(second.page, 'untrained agent');
  await screenshot(second.page, '63-untrained-agent');

  // The officer records the newcomer's training; the contact opens for them.
  await officer.page.goto(`${app.url}/compliance`);
  // A CSV from the learning system with a mistake: the preview names the line, nothing is imported.
  await officer.page.getByRole('button', { name: 'Import from CSV' }).click();
  const importer = officer.page.getByRole('dialog', { name: 'Import training completions' });
  const csv = `email,course,completed_on,evidence\n${newcomer.email},hipaa_basics,2026-13-01,LMS certificate\n`;
  await importer.getByLabel('CSV file').setInputFiles({ name: 'lms-export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await importer.getByRole('button', { name: 'Check file' }).click();
  await importer.getByText('completed_on: not a date (YYYY-MM-DD)').waitFor();
  assert.equal(await importer.getByRole('button', { name: 'Import' }).isDisabled(), true);
  await assertAccessible(officer.page, 'training import preview');
  await screenshot(officer.page, '67-training-import-preview');
  await importer.getByRole('button', { name: 'Cancel' }).click();
  const person = officer.page.getByRole('row', { name: new RegExp(newcomer.email.split('@')[0]!) });
  await person.getByText('Closed').waitFor();
  await person.getByRole('button', { name: 'Record training' }).click();
  const record = officer.page.getByRole('dialog', { name: /Record training for/ });
  await record.getByRole('checkbox').nth(4).waitFor();
  for (const box of await record.getByRole('checkbox').all()) await box.check();
  await record.getByLabel('Evidence (attestation or certificate)').fill('Signed attestation, onboarding week');
  await assertAccessible(officer.page, 'record training');
  await screenshot(officer.page, '64-record-training');
  await record.getByRole('button', { name: 'Record' }).click();
  await officer.page.getByText(/5 courses recorded for/).waitFor();
  await person.getByText('Open').waitFor();
  await second.page.getByRole('button', { name: /Next callback/ }).click();
  const theirs = second.page.locator('.task-panel');
  await theirs.getByRole('button', { name: 'Reveal contact' }).click();
  await theirs.getByText('Okonkwo-Brandt').waitFor();

  // A transcription vendor for Client A whose BAA ends in three weeks: the officer is reminded, sees it on the dashboard, and acknowledges it.
  await officer.page.getByRole('button', { name: 'Add vendor' }).click();
  const vendorDialog = officer.page.getByRole('dialog', { name: 'Add a vendor' });
  await vendorDialog.getByLabel('Name').fill('Scribe Transcription');
  await vendorDialog.getByLabel('transcription').check();
  await vendorDialog.getByLabel('Every client (hosting, telephony)').uncheck();
  await vendorDialog.getByLabel(/^Client A/).check();
  await vendorDialog.getByRole('button', { name: 'Add vendor' }).click();
  const vendorRow = officer.page.getByRole('table', { name: 'Vendors', exact: true }).getByRole('row', { name: /Scribe Transcription/ });
  await vendorRow.getByRole('cell', { name: /^Client A/ }).waitFor();
  await vendorRow.getByRole('button', { name: 'Edit' }).click();
  const editVendor = officer.page.getByRole('dialog', { name: 'Vendor · Scribe Transcription' });
  assert.equal(await editVendor.getByLabel(/^Client A/).isChecked(), true, 'the dialog opens on what is recorded');
  assert.equal(await editVendor.getByLabel('Every client (hosting, telephony)').isChecked(), false);
  await screenshot(officer.page, '69-vendor-edit');
  await editVendor.getByRole('button', { name: 'Cancel' }).click();
  const vendorChainRow = officer.page.getByRole('row', { name: /Scribe Transcription.*No BAA/ });
  await vendorChainRow.getByRole('button', { name: 'Record BAA' }).click();
  const vendorBaa = officer.page.getByRole('dialog', { name: /Record a BAA with Scribe Transcription/ });
  await vendorBaa.getByLabel('Ends (optional)').fill(new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10));
  await vendorBaa.getByRole('button', { name: 'Record BAA' }).click();
  await officer.page.getByRole('row', { name: /Scribe Transcription.*Ends soon/ }).waitFor();
  assert.equal(await sweepReminders(app.database), 1);
  await officer.page.reload();
  const reminder = officer.page.getByRole('region', { name: 'Reminders' });
  await reminder.getByText(/The business associate agreement with Scribe Transcription ends in 21 days/).waitFor();
  await overview.getByText(/Scribe Transcription\s*ends in 21 days/).waitFor();
  await assertAccessible(officer.page, 'compliance dashboard');
  await screenshot(officer.page, '68-compliance-dashboard');
  const pdf = await officer.page.request.get(`${app.url}/api/compliance/baa-chain?format=pdf`);
  assert.equal(pdf.status(), 200);
  assert.equal((await pdf.body()).subarray(0, 5).toString('latin1'), '%PDF-');
  await reminder.getByRole('button', { name: 'Got it' }).click();
  await reminder.waitFor({ state: 'detached' });

  const events = await auditEvents(app, org.orgId);
  assert.ok(events.some((e) => e.action === 'reminder.acknowledged'));
  assert.ok(events.some((e) => e.action === 'baa.created'));
  assert.ok(events.some((e) => e.action === 'baa.document_stored'));
  assert.ok(events.some((e) => e.action === 'baa.document_read'));
  assert.equal(events.filter((e) => e.action === 'training.completed' && e.resource_id === newcomer.id).length, 5);
});

test('terminate a BAA: the officer reads what it does and types the client’s name before the button works; the BAA shows as terminated', async (t) => {
  const app = await startConsole(t);
  const org = await createTestOrg(app, { clients: ['A'], users: { compliance: ['compliance', null] } });
  const clientName = (await app.tenant(org.orgId).selectFrom('clients').select('name').executeTakeFirstOrThrow()).name;
  const { page } = await launchBrowser(t);
  await signIn(page, app.url, org.users.compliance!);
  await page.goto(`${app.url}/compliance`);
  const row = page.getByRole('row', { name: new RegExp(clientName) });
  await row.getByText('Active').waitFor();
  await row.getByRole('button', { name: 'Open' }).click();
  const opened = page.getByRole('dialog', { name: `BAA · ${clientName}` });
  await assertFits(opened, opened.getByRole('button', { name: 'Terminate BAA…' }));
  await screenshot(page, '70-baa-open');

  await opened.getByRole('button', { name: 'Terminate BAA…' }).click();
  const confirm = page.getByRole('dialog', { name: `Terminate the BAA with ${clientName}?` });
  await confirm.getByText(`${clientName}’s PHI closes at once`).waitFor();
  await confirm.getByText('This cannot be undone').waitFor();
  const button = confirm.getByRole('button', { name: 'Terminate BAA', exact: true });
  assert.equal(await button.isDisabled(), true, 'nothing typed yet');
  const name = confirm.getByLabel(`Type “${clientName}” to confirm`);
  await name.fill(clientName.toLowerCase());
  assert.equal(await button.isDisabled(), true, 'a name that is not exactly the client’s keeps it disabled');
  await name.press('Enter');
  await name.fill('Client A');
  assert.equal(await button.isDisabled(), true, 'part of the name keeps it disabled');
  await assertFits(confirm, button);
  await assertAccessible(page, 'terminate BAA');
  await screenshot(page, '71-baa-terminate-confirm');
  await page.setViewportSize({ width: 800, height: 860 });
  await assertFits(confirm, button);
  await screenshot(page, '72-baa-terminate-confirm-narrow');
  await page.setViewportSize({ width: 1280, height: 860 });
  assert.equal((await app.tenant(org.orgId).selectFrom('baas').select('status').executeTakeFirstOrThrow()).status, 'signed', 'Enter with the wrong name did nothing');

  await name.fill(clientName);
  await button.click();
  await page.getByText(`BAA with ${clientName} terminated.`).waitFor();
  await confirm.waitFor({ state: 'detached' });
  await opened.waitFor({ state: 'detached' });
  await row.getByText('Terminated').waitFor();
  await screenshot(page, '73-baa-terminated');
  assert.equal((await app.tenant(org.orgId).selectFrom('baas').select('status').executeTakeFirstOrThrow()).status, 'terminated');
  assert.ok((await auditEvents(app, org.orgId)).some((e) => e.action === 'baa.updated' && JSON.parse(e.details!).status === 'terminated'), 'the termination is audited');
});

/** The button lies inside its dialog's body, and the body does not scroll sideways (nothing is clipped at its edge). */
async function assertFits(dialog: Locator, button: Locator): Promise<void> {
  const body = dialog.locator('.dialog-body');
  const [b, d] = [await button.boundingBox(), await body.boundingBox()];
  assert.ok(b && d, 'both are on screen');
  assert.ok(b.x >= d.x && b.x + b.width <= d.x + d.width, `the button (${b.x}–${b.x + b.width}) lies inside the dialog (${d.x}–${d.x + d.width})`);
  assert.equal(await body.evaluate((e) => e.scrollWidth <= e.clientWidth), true, 'the dialog does not scroll sideways');
}
