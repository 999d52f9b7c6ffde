import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestOrg, eventually, insertTestPatient, signedInClient } from '../test/helpers.ts';
import { assertAccessible, launchBrowser, screenshot, signIn, startConsole } from './harness.ts';

/** Synthetic PHI: the patient the agent looks up with no callback of theirs. */
const PATIENT = { given: 'Ysolde', family: 'Fernsby-Quill', phone: '555-010-0442' };

test('audit: an agent looks up a patient outside their work; the compliance officer is alerted, reads the access history, resolves the alert as benign, searches the trail and verifies it', async (t) => {
  // Background services: the sealer, the anomaly rules and the verification job run as in `ringfence serve`.
  // Sealed every half second, as in production (the rules read only what is sealed), and the chain's head signed every second.
  const app = await startConsole(t, { RINGFENCE_AUDIT_SEAL_INTERVAL_MS: '500', RINGFENCE_AUDIT_CHECKPOINT_INTERVAL_MS: '1000' }, { background: true });
  const org = await createTestOrg(app, {
    clients: ['A'],
    users: { agent: ['agent', 'A'], compliance: ['compliance', null], deputy: ['compliance', null] },
  });
  await app.tenant(org.orgId).updateTable('clients').set({ name: 'Harbor View Pediatrics' }).where('id', '=', org.clients.A!).execute();
  const patient = await insertTestPatient(app, org.orgId, org.clients.A!, { name: { given: PATIENT.given, family: PATIENT.family }, phones: [{ number: PATIENT.phone, type: 'mobile' }] });
  const officerApi = await signedInClient(app, org.orgId, org.users.compliance!.id);
  // No grace period: the rule raises the alert as soon as it reads the reveal, not ten minutes later.
  const rule = await officerApi.put('/api/audit/anomaly-rules/no_reason', { enabled: true, severity: 'medium', params: { graceMinutes: 0 } });
  assert.equal(rule.status, 200, rule.text);

  // The agent finds the patient by phone and reveals their details: no callback of theirs is about this patient.
  const agent = await launchBrowser(t);
  await signIn(agent.page, app.url, org.users.agent!);
  await agent.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
  await agent.page.getByLabel('Phone number').fill(PATIENT.phone);
  await agent.page.getByRole('button', { name: 'Search', exact: true }).click();
  await agent.page.getByRole('link', { name: patient.ref }).click();
  await agent.page.getByRole('heading', { level: 1, name: patient.ref }).waitFor();
  assert.equal(await agent.page.getByRole('link', { name: 'Access history' }).count(), 0, 'an agent does not read the audit trail');
  await agent.page.getByRole('button', { name: /^Reveal \d fields?$/ }).click();
  await agent.page.getByText(`${PATIENT.given} ${PATIENT.family}`).waitFor();
  await screenshot(agent.page, '140-audit-agent-reveals');

  // The rules read the sealed trail in the background: the alert is raised within seconds.
  await eventually('the alert', async () => (await officerApi.get('/api/audit/alerts/summary')).body?.open === 1, 20_000);

  // The compliance officer signs in and sees the notice above every screen.
  const { page } = await launchBrowser(t);
  await signIn(page, app.url, org.users.compliance!);
  const notice = page.getByRole('link', { name: /^1 open audit alert/ });
  await notice.waitFor();
  await assertAccessible(page, 'home with the audit alert notice');
  await screenshot(page, '141-audit-alert-notice');

  // The alerts screen: the open alert, its severity, the person and the patient.
  await notice.click();
  await page.getByRole('heading', { name: 'Audit alerts', level: 1 }).waitFor();
  const openAlerts = page.getByRole('table', { name: 'Open audit alerts' });
  const row = openAlerts.getByRole('row').filter({ hasText: patient.ref });
  await row.waitFor();
  await row.getByText('Medium').waitFor();
  await row.getByText(org.users.agent!.email.split('@')[0]!).waitFor();
  await assertAccessible(page, 'audit alerts');
  await screenshot(page, '142-audit-alerts-open');

  // The alert: the reveal behind it, then the patient's access history, where the agent's access is listed.
  await row.getByRole('link').first().click();
  await page.getByRole('heading', { name: 'The events behind it' }).waitFor();
  const events = page.getByRole('table', { name: 'Events behind the alert' });
  await events.getByText('phi.read').waitFor();
  await assertAccessible(page, 'one audit alert');
  await screenshot(page, '143-audit-alert-detail');
  await page.getByRole('link', { name: 'access history' }).click();
  await page.getByRole('heading', { name: `Access history of ${patient.ref}` }).waitFor();
  const accesses = page.getByRole('table', { name: `Access history of ${patient.ref}` });
  const agentAccess = accesses.getByRole('row').filter({ hasText: org.users.agent!.email.split('@')[0]! }).filter({ hasText: 'Revealed' });
  await agentAccess.first().waitFor();
  await agentAccess.first().getByText('Returning the patient’s call').waitFor();
  await page.getByRole('heading', { name: 'Accounting of disclosures' }).waitFor();
  await assertAccessible(page, 'patient access history');
  await screenshot(page, '144-audit-patient-access-history');

  // The accounting of disclosures downloads as a PDF.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the accounting' }).click();
  assert.match((await download).suggestedFilename(), /\.pdf$/);

  // Back to the alert: assigned to the officer, then resolved as benign with a reason.
  await page.goBack();
  await page.getByRole('heading', { name: 'The events behind it' }).waitFor();
  const deputy = org.users.deputy!.email.split('@')[0]!;
  await page.getByLabel('Assign to another compliance officer').selectOption({ label: deputy });
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  await page.getByText(`${deputy} is working this alert.`).waitFor();
  await page.getByRole('button', { name: 'Assign to me' }).click();
  await page.getByText('You are working this alert.').waitFor();
  // A reason is required, and it must not carry PHI: each refusal shows on the field.
  await page.getByRole('button', { name: 'Resolve as benign' }).click();
  await page.locator('[data-field-error="reason"]').waitFor();
  await page.getByLabel('Reason').fill(`Called ${PATIENT.given} ${PATIENT.family} back on ${PATIENT.phone}`);
  await page.getByRole('button', { name: 'Resolve as benign' }).click();
  await page.locator('[data-field-error="reason"]').getByText(/PHI|patient/i).waitFor();
  await screenshot(page, '145-audit-alert-reason-refused');
  await page.getByLabel('Reason').fill('Covering the front desk: the caller asked for this patient by phone.');
  await page.getByRole('button', { name: 'Resolve as benign' }).click();
  await page.getByText('Alert resolved as benign.').waitFor();
  await page.getByRole('heading', { name: 'Audit alerts', level: 1 }).waitFor();
  await page.getByText('No open alert: nothing unusual waits for review.').waitFor();
  const resolved = page.getByRole('table', { name: 'Resolved audit alerts' }).getByRole('row').filter({ hasText: patient.ref });
  await resolved.getByText('Benign').waitFor();
  assert.equal(await page.getByRole('link', { name: /open audit alert/ }).count(), 0, 'the notice is gone');
  await screenshot(page, '146-audit-alert-resolved');

  // The audit trail: a filter the server refuses is named on its field.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Audit trail/ }).click();
  await page.getByRole('heading', { name: 'Audit trail', level: 1 }).waitFor();
  await page.getByLabel('Action').fill('phi read');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.locator('[data-field-error="action"]').waitFor();
  await screenshot(page, '147-audit-search-refused');

  // Search by the patient's reference: the address holds the filter, and the agent's reveal is listed.
  await page.getByLabel('Action').fill('');
  await page.getByLabel('Patient reference').fill(patient.ref.toLowerCase());
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('patientRef') === patient.ref);
  const results = page.getByRole('table', { name: 'Audit events' });
  const reveal = results.getByRole('row').filter({ hasText: 'phi.read' }).filter({ hasText: org.users.agent!.email.split('@')[0]! });
  await reveal.waitFor();
  await assertAccessible(page, 'audit search');
  await screenshot(page, '148-audit-search-patient');

  // The shared link opens the same search in a new tab.
  const searched = page.url();
  const shared = await page.context().newPage();
  await shared.goto(searched);
  await shared.getByRole('table', { name: 'Audit events' }).getByRole('row').filter({ hasText: 'phi.read' }).waitFor();
  assert.equal(await shared.getByLabel('Patient reference').inputValue(), patient.ref);
  await shared.close();

  // The whole trail pages by keyset: older, then back to the newest.
  await page.goto(`${app.url}/audit?limit=3`);
  const pager = page.getByRole('navigation', { name: 'Audit events pages' });
  const newest = await results.getByRole('row').nth(1).textContent();
  await pager.getByRole('button', { name: 'Older' }).click();
  await page.waitForURL((url) => /^\d+$/.test(url.searchParams.get('before') ?? ''));
  await pager.getByText('Older entries').waitFor();
  assert.notEqual(await results.getByRole('row').nth(1).textContent(), newest);
  await pager.getByRole('button', { name: 'Back to newest' }).click();
  await page.waitForURL((url) => !url.searchParams.has('before'));
  await pager.getByText('The newest').waitFor();
  await page.goto(searched);

  // The event: every detail and its place in the chain, the link verifying.
  await reveal.getByRole('link').first().click();
  await page.getByRole('heading', { name: /^Audit event \d+$/ }).waitFor();
  await page.getByRole('heading', { name: 'Place in the chain' }).waitFor();
  const chain = page.locator('section', { has: page.getByRole('heading', { name: 'Place in the chain' }) });
  await chain.getByText('Position', { exact: true }).waitFor();
  assert.equal(await chain.locator('dd', { has: page.locator('.badge-success') }).count(), 2, 'the link verifies and follows the previous one');
  await page.getByRole('link', { name: /^← Previous \(position \d+\)$/ }).waitFor();
  await assertAccessible(page, 'audit event');
  await screenshot(page, '149-audit-event-detail');

  // Back to the results, then verify the whole trail now: green.
  await page.locator('.breadcrumb').getByRole('link', { name: 'Audit trail' }).click();
  await page.waitForURL((url) => url.pathname === '/audit' && url.searchParams.get('patientRef') === patient.ref);
  await page.getByRole('button', { name: 'Verify now' }).click();
  await page.getByRole('button', { name: 'Verifying…' }).waitFor();
  await page.locator('.verification-result.notice-success').getByText('Intact.').waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Verify now' }).waitFor();
  const verification = page.locator('.verification dl');
  await verification.getByText(/started from the console/).waitFor();
  await verification.getByText(/^position \d+, signed .* read from the checkpoint directory$/).waitFor();
  await assertAccessible(page, 'audit trail verified');
  await screenshot(page, '150-audit-verified');
});

test('break-glass: an agent opens a patient of a practice they do not work for, stating why; the patient shows until when, and compliance gets a high alert', async (t) => {
  const app = await startConsole(t, { RINGFENCE_AUDIT_SEAL_INTERVAL_MS: '500' }, { background: true });
  const org = await createTestOrg(app, { clients: ['A', 'B'], users: { agent: ['agent', 'A'], compliance: ['compliance', null] } });
  await app.tenant(org.orgId).updateTable('clients').set({ name: 'Harbor View Pediatrics' }).where('id', '=', org.clients.A!).execute();
  await app.tenant(org.orgId).updateTable('clients').set({ name: 'Lakeside Family Practice' }).where('id', '=', org.clients.B!).execute();
  const patient = await insertTestPatient(app, org.orgId, org.clients.B!, { name: { given: 'Orla', family: 'Brackenridge' } });
  const officerApi = await signedInClient(app, org.orgId, org.users.compliance!.id);

  const { page } = await launchBrowser(t);
  await signIn(page, app.url, org.users.agent!);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
  await page.getByRole('button', { name: 'Break glass…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Client').selectOption({ label: 'Lakeside Family Practice' });
  await dialog.getByLabel('Patient reference').fill(patient.ref);
  // Too short a reason, then a wrong reference: each refusal on its field.
  await dialog.getByLabel('Reason').fill('urgent');
  await dialog.getByRole('button', { name: 'Open patient' }).click();
  await dialog.locator('[data-field-error="reason"]').waitFor();
  await dialog.getByLabel('Reason').fill('Caller transferred from the Lakeside line after hours.');
  await dialog.getByLabel('Patient reference').fill('P-ZZZZZZ');
  await dialog.getByRole('button', { name: 'Open patient' }).click();
  await dialog.locator('[data-field-error="patientRef"]').waitFor();
  await screenshot(page, '151-break-glass-refused');
  await dialog.getByLabel('Patient reference').fill(patient.ref);
  await dialog.getByRole('button', { name: 'Open patient' }).click();
  await page.getByRole('heading', { level: 1, name: patient.ref }).waitFor();
  await page.getByText(/^Break-glass access until/).waitFor();
  await page.getByRole('button', { name: /^Reveal \d fields?$/ }).click();
  await page.getByText('Orla Brackenridge').waitFor();
  await assertAccessible(page, 'a patient opened through break-glass');
  await screenshot(page, '152-break-glass-patient');

  const alert = await eventually('the alert', async () => (await officerApi.get('/api/audit/alerts')).body?.items?.find((a: { rule: string }) => a.rule === 'break_glass'), 20_000);
  assert.equal(alert.severity, 'high');
  assert.equal(alert.patientRef, patient.ref);
  const officer = await launchBrowser(t);
  await signIn(officer.page, app.url, org.users.compliance!);
  await officer.page.getByRole('link', { name: /open audit alert/ }).click();
  const row = officer.page.getByRole('table', { name: 'Open audit alerts' }).getByRole('row').filter({ hasText: patient.ref });
  await row.getByText('High').waitFor();
  await screenshot(officer.page, '153-break-glass-alert');
});
