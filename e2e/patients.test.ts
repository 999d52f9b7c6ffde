import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditEvents, createTestOrg, insertTestPatient, type TestUser } from '../test/helpers.ts';
import { startFhirServer } from '../test/fhir/start.ts';
import { assertAccessible, launchBrowser, screenshot, signIn, startConsole } from './harness.ts';

test('patients: an agent finds, adds, reveals and corrects a patient; a supervisor merges a duplicate', async (t) => {
  const app = await startConsole(t);
  const org = await createTestOrg(app, { clients: ['A'], users: { agent: ['agent', 'A'], supervisor: ['supervisor', 'A'] } });
  const existing = await insertTestPatient(app, org.orgId, org.clients.A!, {
    name: { given: 'Quorra', family: 'Synthetica' },
    phones: [{ number: '555-010-0187', type: 'mobile' }],
    dateOfBirth: '1961-04-12',
  });
  const { page } = await launchBrowser(t);
  await signIn(page, app.url, org.users.agent as TestUser);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
  await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();

  // Find by phone, written the way the caller said it.
  await page.getByLabel('Phone number').fill('(555) 010 0187');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const result = page.getByRole('link', { name: existing.ref });
  await result.waitFor();
  assert.equal(await page.getByText('Quorra').count(), 0, 'search results show references, not names');
  await assertAccessible(page, 'patients search');
  await screenshot(page, '30-patients-search');

  // Name and date of birth, with a misspelt given name: a partial match.
  await page.getByText('Name + date of birth', { exact: true }).click();
  assert.ok(await page.getByRole('radio', { name: 'Name + date of birth' }).isChecked());
  await page.getByLabel('Family name', { exact: true }).fill('synthetica');
  await page.getByLabel('Given name', { exact: true }).fill('Quora');
  await page.getByLabel('Date of birth', { exact: true }).fill('1961-04-12');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByText('Family name and birth date only').waitFor();

  // Add a patient; the new reference opens.
  await page.getByRole('button', { name: 'Add patient' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a patient' });
  await dialog.getByLabel('Given name').fill('Rosalind');
  await dialog.getByLabel('Family name').fill('Testcase');
  await dialog.getByLabel('Date of birth').fill('1975-09-30');
  await dialog.getByLabel('Number 1').fill('555-01');
  await dialog.getByRole('button', { name: 'Add patient' }).click();
  await dialog.getByText('is not a possible phone number').waitFor();
  await screenshot(page, '31-add-patient-error');
  await dialog.getByLabel('Number 1').fill('555-010-0190');
  await dialog.getByRole('button', { name: 'Add patient' }).click();
  await page.getByRole('heading', { level: 1, name: /^P-[2-9A-Z]{6}$/ }).waitFor();
  const newRef = (await page.getByRole('heading', { level: 1 }).textContent())!;
  await screenshot(page, '32-patient-page');

  // Reveal the contact fields for a purpose; the values show, and the read is in the audit trail.
  await page.getByRole('button', { name: /^Reveal \d fields?$/ }).click();
  await page.getByText('Rosalind Testcase').waitFor();
  await page.getByText('(555) 010-0190 (mobile)').waitFor();
  await assertAccessible(page, 'patient revealed');
  await screenshot(page, '33-patient-revealed');
  const reads = (await auditEvents(app, org.orgId)).filter((e) => e.action === 'phi.read' && e.patient_ref === newRef);
  assert.equal(reads.length, 1);
  assert.equal(reads[0]!.purpose, 'callback');

  // Correct the callback window: the edit form is filled from a logged reveal.
  await page.getByRole('button', { name: 'Hide details' }).click();
  await page.getByRole('button', { name: 'Edit details' }).click();
  const edit = page.getByRole('dialog', { name: `Edit ${newRef}` });
  await edit.getByLabel('Preferred callback window').fill('weekdays after 5pm');
  assert.equal(await edit.getByLabel('Date of birth').count(), 0, 'an agent does not edit identity fields');
  await screenshot(page, '34-patient-edit');
  await edit.getByRole('button', { name: 'Save' }).click();
  await page.getByText(`${newRef} was saved`).waitFor();
  const updated = (await auditEvents(app, org.orgId)).find((e) => e.action === 'patient.updated' && e.patient_ref === newRef);
  assert.deepEqual(JSON.parse(updated!.details!).changed, ['callbackWindow']);

  // A supervisor merges the new record into the existing one.
  const { page: sup } = await launchBrowser(t);
  await signIn(sup, app.url, org.users.supervisor as TestUser);
  await sup.goto(`${app.url}/patients/${existing.id}`);
  await sup.getByRole('button', { name: 'Merge a duplicate' }).click();
  const merge = sup.getByRole('dialog', { name: `Merge a duplicate into ${existing.ref}` });
  await merge.getByLabel('Duplicate’s reference').fill(newRef.toLowerCase());
  await merge.getByRole('button', { name: 'Find record' }).click();
  await merge.getByRole('button', { name: 'Merge records' }).waitFor();
  await screenshot(sup, '35-merge-confirm');
  await merge.getByRole('button', { name: 'Merge records' }).click();
  await sup.getByText(`${newRef} was merged into ${existing.ref}`).waitFor();
  await page.reload();
  await page.getByText(`This record was merged into ${existing.ref}`).waitFor();
  await screenshot(page, '36-merged-record');
});

test('practice system: an administrator links a client to its FHIR server; an agent finds and imports a record', async (t) => {
  const token = 'synthetic-e2e-token';
  const fhir = await startFhirServer({ bearerToken: token }, t);
  const app = await startConsole(t);
  const org = await createTestOrg(app, { clients: ['A'], users: { agent: ['agent', 'A'] } });
  const { page } = await launchBrowser(t);
  await signIn(page, app.url, org.admin);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
  await page.getByRole('button', { name: 'Practice link…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Practice system of/ });
  await dialog.getByLabel('FHIR base URL').fill(fhir.baseUrl);
  await dialog.getByLabel('Token').fill(token);
  await dialog.getByRole('button', { name: 'Save link' }).click();
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await dialog.getByText(/Connected: FHIR 4\.0/).waitFor();
  await assertAccessible(page, 'practice link dialog');
  await screenshot(page, '37-practice-link');

  const { page: agent } = await launchBrowser(t);
  await signIn(agent, app.url, org.users.agent as TestUser);
  await agent.goto(`${app.url}/patients`);
  await agent.getByRole('heading', { name: 'Search the practice system' }).waitFor();
  await agent.getByRole('textbox', { name: 'MRN', exact: true }).fill('TEST-MRN-0001');
  await agent.getByRole('button', { name: 'Search practice' }).click();
  await agent.getByText('María José García-López').waitFor();
  await screenshot(agent, '38-practice-search');
  await agent.getByRole('button', { name: 'Import into directory' }).click();
  await agent.getByRole('heading', { level: 1, name: /^P-/ }).waitFor();
  await agent.getByText('Practice system ·').waitFor();
  const reads = (await auditEvents(app, org.orgId)).filter((e) => e.action === 'phi.read');
  assert.ok(reads.some((e) => JSON.parse(e.details!).source === 'practice_system' && e.purpose === 'intake'));
});
