import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { auditEvents, createTestOrg, insertTestBaa, insertTestTask, signedInClient } from '../test/helpers.ts';
import { SCREENSHOTS, assertAccessible, launchBrowser, screenshot, signIn, startConsole } from './harness.ts';

test('incidents: a wrong number after details opens an incident from the task; the compliance officer assesses it, sees the deadline on the dashboard, generates the letter and marks it sent', async (t) => {
  const app = await startConsole(t);
  const org = await createTestOrg(app, { clients: ['A'], baas: false, users: { agent: ['agent', 'A'], compliance: ['compliance', null] } });
  const tenant = app.tenant(org.orgId);
  await tenant.updateTable('clients').set({ name: 'Harbor View Pediatrics' }).where('id', '=', org.clients.A!).execute();
  await tenant.updateTable('users').set({ display_name: 'Dana Officer' }).where('id', '=', org.users.compliance!.id).execute();
  // The practice's BAA: notice within 10 business days, for any impermissible use or disclosure.
  await insertTestBaa(app, org.orgId, org.clients.A!, { breach_notice_days: 10, breach_notice_unit: 'business_days', breach_notice_trigger: 'impermissible_use' });
  const task = await insertTestTask(app, org.orgId, org.clients.A!);
  const ref = (await tenant.selectFrom('patients').select('ref').where('id', '=', task.patientId).executeTakeFirstOrThrow()).ref;

  // The agent takes the callback, gives details, and learns it was a wrong number.
  const agent = await launchBrowser(t);
  const g = agent.page;
  await signIn(g, app.url, org.users.agent!);
  await g.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Callbacks' }).click();
  await g.getByRole('button', { name: /Next callback/ }).click();
  const panel = g.locator('.task-panel');
  await panel.getByRole('heading', { name: 'Log an attempt' }).waitFor();
  await panel.getByLabel('For a wrong number: I had given details before I knew').check();
  await panel.getByRole('button', { name: /^Wrong number/ }).click();
  await g.getByText(/Attempt 1 logged: the callback is now escalated/).waitFor();
  await panel.getByText('Details were given to a wrong number').waitFor();
  await screenshot(g, '160-incident-task-flag');
  await panel.getByRole('button', { name: 'Open an incident' }).click();
  const reported = panel.getByText(/Reported as incident INC-\d{8}/);
  await reported.waitFor();
  const incidentRef = /INC-\d{8}/.exec((await reported.textContent())!)![0];
  await assertAccessible(g, 'the task with its incident reported');
  await screenshot(g, '161-incident-reported-from-task');

  // The compliance officer finds it on the dashboard: the notice owed, with its deadline.
  const officer = await launchBrowser(t);
  const page = officer.page;
  await signIn(page, app.url, org.users.compliance!);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compliance' }).click();
  const owed = page.getByRole('table', { name: 'Notices owed to clients' });
  const row = owed.getByRole('row').filter({ hasText: incidentRef });
  await row.waitFor();
  await row.getByText('Harbor View Pediatrics').waitFor();
  await row.getByText(/days left/).waitFor();
  await screenshot(page, '162-incident-dashboard-deadline');

  // The incident: the patient in scope from the trail, the practice's deadline from its BAA.
  await row.getByRole('link', { name: incidentRef }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`${incidentRef}: Misdirected disclosure`) }).waitFor();
  await page.getByRole('table', { name: 'Affected patients' }).getByText(ref).waitFor();
  const notice = page.getByRole('article', { name: 'Notice to Harbor View Pediatrics' });
  await notice.getByText('10 business days, for any impermissible use or disclosure').waitFor();
  await assertAccessible(page, 'one incident');
  await screenshot(page, '163-incident-detail');

  // The assessment: signing without the factors is refused on the screen, naming the field.
  const assessment = page.locator('.assessment-form');
  await assessment.getByLabel('Low probability of compromise').check();
  await assessment.getByRole('button', { name: 'Sign the assessment' }).click();
  await assessment.getByText('describe the nature and extent of the PHI involved').waitFor();
  await screenshot(page, '164-incident-assessment-refused');
  await assessment.getByLabel('Nature and extent: what was disclosed, how identifiable').fill('The callback reason and a first name were read to the person who answered.');
  await assessment.getByLabel('The unauthorized person who used or received it').fill('A member of the public at a mistyped number.');
  await assessment.getByLabel('Was the PHI actually acquired or viewed?').selectOption('viewed');
  await assessment.getByLabel('The extent to which the risk has been mitigated').fill('The number was corrected the same hour; the recipient said they would not repeat it.');
  await assessment.getByLabel('Reasoning').fill('The recipient heard two words and cannot link them to any record.');
  await assessment.getByRole('button', { name: 'Sign the assessment' }).click();
  await page.getByText(/Version 1 signed by Dana Officer/).waitFor();
  // Low probability, but this practice's BAA wants any impermissible use: the notice is still owed.
  await notice.getByText(/^Due$/).waitFor();
  await notice.getByText('Yes', { exact: true }).waitFor();
  await screenshot(page, '165-incident-assessment-signed');

  // The letter: generated from the record, downloaded, looked at.
  await notice.getByRole('button', { name: 'Generate the letter' }).click();
  await notice.getByRole('table', { name: 'Letters to Harbor View Pediatrics' }).waitFor();
  const download = page.waitForEvent('download');
  await notice.getByRole('link', { name: 'PDF' }).click();
  const file = await download;
  assert.match(file.suggestedFilename(), /^INC-\d{8}-notice-1\.pdf$/);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const pdfPath = path.join(SCREENSHOTS, '166-incident-letter.pdf');
  await file.saveAs(pdfPath);
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', pdfPath, path.join(SCREENSHOTS, '166-incident-letter')]);
  const md = await page.evaluate(async (href) => (await fetch(href)).text(), (await notice.getByRole('link', { name: 'Markdown' }).getAttribute('href'))!);
  assert.match(md, /1 individual of Harbor View Pediatrics/);
  assert.match(md, /low probability that the protected health information has been compromised/);
  assert.ok(!md.includes(ref), 'the letter names no patient; the references are in the attachment');
  writeFileSync(path.join(SCREENSHOTS, '166-incident-letter.md'), md);

  // Marked sent: the deadline leaves the dashboard.
  const sent = notice.getByRole('form', { name: 'Mark the letter to Harbor View Pediatrics sent' });
  await sent.getByLabel('Sent by').selectOption('email');
  await sent.getByLabel('Sent to').fill('Privacy officer of the practice');
  await sent.getByRole('button', { name: 'Mark sent' }).click();
  await notice.getByText(/Sent$/).first().waitFor();
  await notice.getByText(/by email to Privacy officer of the practice/).waitFor();
  await screenshot(page, '167-incident-notice-sent');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compliance' }).click();
  await page.getByText('No notice is owed to any client.').waitFor();

  const actions = (await auditEvents(app, org.orgId)).map((e) => e.action);
  for (const a of ['incident.reported', 'incident.assessment_signed', 'incident.notice_generated', 'incident.notice_read', 'incident.notice_sent']) assert.ok(actions.includes(a), a);
});

test('incidents: anyone reports by hand (PHI refused on the screen); compliance opens a vendor incident reaching each client the vendor serves; an overdue notice is loud and is sent late only with a reason', async (t) => {
  const app = await startConsole(t);
  const org = await createTestOrg(app, { clients: ['A', 'B'], users: { agent: ['agent', 'A'], compliance: ['compliance', null] } });
  const tenant = app.tenant(org.orgId);
  await tenant.updateTable('clients').set({ name: 'Harbor View Pediatrics' }).where('id', '=', org.clients.A!).execute();
  await tenant.updateTable('clients').set({ name: 'Lakeside Family Practice' }).where('id', '=', org.clients.B!).execute();

  // An agent reports a lost phone by hand; a patient's name in the description is refused on the screen.
  const agent = await launchBrowser(t);
  const g = agent.page;
  await signIn(g, app.url, org.users.agent!);
  await g.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Report an incident' }).click();
  await g.getByLabel('What happened').selectOption('lost_device');
  await g.getByLabel('Describe it').fill('Lost the work phone with the callback app; last used for Jane Testperson at 555-201-3344.');
  await g.getByRole('button', { name: 'Report incident' }).click();
  await g.getByText(/contains PHI/).waitFor();
  await screenshot(g, '168-incident-report-refused');
  await g.getByLabel('Describe it').fill('Lost the work phone with the callback app on the bus home.');
  await g.getByRole('button', { name: 'Report incident' }).click();
  await g.getByText(/Reported as INC-\d{8}/).waitFor();
  await assertAccessible(g, 'report an incident');
  await screenshot(g, '169-incident-reported-by-hand');

  // The officer opens a vendor incident: the vendor handles A and B's PHI.
  const officer = await launchBrowser(t);
  const page = officer.page;
  await signIn(page, app.url, org.users.compliance!);
  // Above every screen: the report waits for compliance.
  await page.getByRole('link', { name: '1 incident reported, not yet assessed' }).waitFor();
  await screenshot(page, '169b-incident-notice-for-compliance');
  const officerApi = await signedInClient(app, org.orgId, org.users.compliance!.id);
  assert.equal((await officerApi.post('/api/vendors', { name: 'Relay Transcription', services: ['transcription'], handlesPhi: true })).status, 201);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
  await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor();
  await page.getByRole('table', { name: 'Incidents' }).getByText('Lost device').waitFor();
  await page.getByRole('button', { name: 'Open an incident' }).click();
  await page.getByLabel('Type').selectOption('vendor_incident');
  await page.getByLabel('Vendor').selectOption({ label: 'Relay Transcription' });
  await page.getByLabel('What happened').fill('The vendor reported ransomware on its transcription servers.');
  // Learned of it 40 days ago: every notice is already past due.
  await page.getByLabel('Discovered').fill(localDateTime(new Date(Date.now() - 40 * 86_400_000)));
  await screenshot(page, '170-incident-open-vendor');
  await page.getByRole('button', { name: 'Open incident' }).click();
  await page.getByRole('heading', { level: 1, name: /: Vendor incident$/ }).waitFor();
  const a = page.getByRole('article', { name: 'Notice to Harbor View Pediatrics' });
  const b = page.getByRole('article', { name: 'Notice to Lakeside Family Practice' });
  await a.getByText('OVERDUE').waitFor();
  await b.getByText('OVERDUE').waitFor();
  await assertAccessible(page, 'a vendor incident');
  await screenshot(page, '171-incident-vendor-overdue');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compliance' }).click();
  await page.getByRole('alert').filter({ hasText: '2 notices are overdue.' }).waitFor();
  await page.getByRole('link', { name: /^2 incident notices overdue/ }).waitFor();
  await screenshot(page, '172-incident-dashboard-overdue');

  // Sent late: the reason is asked for, and refused on the screen until given.
  await page.getByRole('table', { name: 'Notices owed to clients' }).getByRole('link').first().click();
  await a.getByRole('button', { name: 'Generate the letter' }).click();
  const sent = a.getByRole('form', { name: 'Mark the letter to Harbor View Pediatrics sent' });
  await sent.getByLabel('Sent to').fill('Practice manager');
  await sent.getByRole('button', { name: 'Mark sent' }).click();
  await sent.getByText(/say why it is late/).waitFor();
  await screenshot(page, '173-incident-late-needs-reason');
  await sent.getByLabel('Why it is late').fill('The vendor told us only today; its own report was delayed.');
  await sent.getByRole('button', { name: 'Mark sent' }).click();
  await a.getByText('Sent late').waitFor();
  await screenshot(page, '174-incident-sent-late');
});

/** A datetime-local value for an instant, in the browser's zone (the test runs the browser in the host's). */
function localDateTime(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
