import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { assertAccessible, launchBrowser, nextCode, screenshot, startConsole } from './harness.ts';

/**
 * A new answering service's whole first day, in the browser alone: no API call and no demo
 * data. The one step outside the browser stands in for the clock: it brings the retry of the
 * first attempt due now instead of after the policy's wait (at least a minute). Setup, a
 * client with its queues and policy, people and roles, the compliance officer's BAA and
 * training, an agent's first callback from intake to completion with a follow-up, and the
 * supervisor's board and report.
 */

const PASSWORD = 'lantern orchard velvet 1987';
const FIRST_PASSWORD = 'harbor lantern maple 77';
/** A signed agreement as it arrives: a one-page PDF. */
const SIGNED_PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');

/** A person's first sign-in: the password they were given, then enrolling an authenticator. */
async function firstSignIn(page: Page, url: string, email: string): Promise<void> {
  await page.goto(`${url}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(FIRST_PASSWORD);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Set up your authenticator' }).waitFor();
  await page.getByText('Can’t scan?').click();
  const secret = (await page.getByLabel('Authenticator key').textContent())!.replace(/\s/g, '');
  await page.getByLabel('Authenticator code').fill(await nextCode(secret));
  await page.getByRole('button', { name: 'Confirm and continue' }).click();
  await page.getByLabel('I have stored my recovery codes').check();
  await page.getByRole('button', { name: 'Continue to Ringfence' }).click();
  await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
}

async function addPerson(page: Page, name: string, email: string, role: string, client: string | null): Promise<void> {
  await page.getByRole('button', { name: 'Add person' }).click();
  const dialog = page.getByRole('dialog', { name: /Add/ });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Work email').fill(email);
  await dialog.getByLabel('First password').fill(FIRST_PASSWORD);
  await dialog.getByLabel('Role').selectOption(role);
  if (client) await dialog.getByLabel('For client').selectOption({ label: client });
  await dialog.getByRole('button', { name: 'Add person' }).click();
  const person = page.getByRole('dialog', { name });
  await person.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('cell', { name: email }).waitFor();
}

const checklistLeft = (page: Page, left: number) => page.getByText(`${left} of 6 steps to go before the first callback.`, { exact: false }).waitFor();

test('first day: a new answering service sets everything up and works its first callback in the browser alone', async (t) => {
  const app = await startConsole(t);
  const admin = await launchBrowser(t);
  const a = admin.page;

  // Setup: the organization, its first administrator and their authenticator.
  await a.goto(`${app.url}/`);
  await a.waitForURL('**/setup');
  await a.getByLabel('Organization name').fill('Bayside Answering Service');
  await a.getByLabel('Your name').fill('Dana Admin');
  await a.getByLabel('Work email').fill('dana@bayside.example');
  await a.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await a.getByLabel('Confirm password').fill(PASSWORD);
  await a.getByRole('button', { name: 'Create organization' }).click();
  await a.getByText('Can’t scan?').click();
  const adminSecret = (await a.getByLabel('Authenticator key').textContent())!.replace(/\s/g, '');
  assert.ok(adminSecret.length > 10);
  await a.getByLabel('Authenticator code').fill(await nextCode(adminSecret));
  await a.getByRole('button', { name: 'Confirm and continue' }).click();
  await a.getByLabel('I have stored my recovery codes').check();
  await a.getByRole('button', { name: 'Continue to Ringfence' }).click();
  await a.getByRole('heading', { name: 'Welcome, Dana Admin' }).waitFor();
  await checklistLeft(a, 6);
  await assertAccessible(a, 'home with the checklist');
  await screenshot(a, '100-first-day-checklist');

  // The first client, from the checklist's link.
  await a.getByRole('link', { name: 'Add the practices you answer for' }).click();
  await a.getByRole('button', { name: 'Add your first client' }).click();
  const addClient = a.getByRole('dialog', { name: 'Add a client' });
  await addClient.getByLabel('Name').fill('Harbor Pediatrics');
  await addClient.getByLabel('Time zone').selectOption('America/New_York');
  await addClient.getByRole('button', { name: 'Add client' }).click();
  await a.getByRole('button', { name: 'Harbor Pediatrics', exact: true }).waitFor();
  // Its callback policy: open Saturday mornings too.
  await a.getByRole('row', { name: /Harbor Pediatrics/ }).getByRole('button', { name: 'Callback policy…' }).click();
  const policy = a.getByRole('dialog', { name: 'Callback policy of Harbor Pediatrics' });
  await policy.getByLabel('Saturday').check();
  await policy.getByLabel('Saturday opens').fill('09:00');
  await policy.getByLabel('Saturday closes').fill('12:00');
  await policy.getByRole('button', { name: 'Save policy' }).click();
  await a.getByText(/The callback policy of Harbor Pediatrics was saved/).waitFor();
  // Its queues: General is there; add Refills.
  await a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queues', exact: true }).click();
  await a.getByRole('button', { name: 'Rename General' }).waitFor();
  await a.getByRole('button', { name: 'Add queue' }).click();
  await a.getByRole('dialog', { name: 'Add a queue' }).getByLabel('Name').fill('Refills');
  await a.getByRole('dialog', { name: 'Add a queue' }).getByRole('button', { name: 'Add queue' }).click();
  await a.getByText('Refills was added.').waitFor();

  // People and roles.
  await a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People', exact: true }).click();
  await addPerson(a, 'Rosa Agent', 'rosa@bayside.example', 'agent', 'Harbor Pediatrics');
  await addPerson(a, 'Sam Supervisor', 'sam@bayside.example', 'supervisor', 'Harbor Pediatrics');
  await addPerson(a, 'Cora Compliance', 'cora@bayside.example', 'compliance', null);
  await a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home', exact: true }).click();
  await checklistLeft(a, 2);
  await screenshot(a, '101-first-day-checklist-people');

  // The compliance officer records the client's BAA and everyone's training.
  const officer = await launchBrowser(t);
  const o = officer.page;
  await firstSignIn(o, app.url, 'cora@bayside.example');
  await o.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compliance', exact: true }).click();
  const chainRow = o.getByRole('row', { name: /Harbor Pediatrics/ });
  await chainRow.getByText('No BAA').waitFor();
  await chainRow.getByRole('button', { name: 'Record BAA' }).click();
  const baa = o.getByRole('dialog', { name: /Record a BAA with Harbor Pediatrics/ });
  await baa.getByLabel('Signed for the other party by').fill('Practice manager');
  await baa.getByLabel('Signed document (PDF, stored encrypted)').setInputFiles({ name: 'harbor-baa.pdf', mimeType: 'application/pdf', buffer: SIGNED_PDF });
  await baa.getByRole('button', { name: 'Record BAA' }).click();
  await chainRow.getByText('Active').waitFor();
  for (const name of ['Rosa Agent', 'Sam Supervisor', 'Cora Compliance']) {
    const person = o.getByRole('row', { name: new RegExp(name) });
    await person.getByRole('button', { name: 'Record training' }).click();
    const record = o.getByRole('dialog', { name: /Record training for/ });
    await record.getByRole('checkbox').nth(4).waitFor();
    for (const box of await record.getByRole('checkbox').all()) await box.check();
    await record.getByLabel('Evidence (attestation or certificate)').fill('Signed attestation, onboarding day');
    await record.getByRole('button', { name: 'Record' }).click();
    await person.getByText('Open').waitFor();
  }
  await assertAccessible(o, 'compliance after the first records');
  await screenshot(o, '102-first-day-compliance');
  await a.reload();
  await a.getByRole('heading', { name: 'Ringfence is set up' }).waitFor();
  await screenshot(a, '103-first-day-set-up');

  // The agent takes the first call: intake, claim, reveal, two attempts, completion with a follow-up.
  const agent = await launchBrowser(t);
  const g = agent.page;
  await firstSignIn(g, app.url, 'rosa@bayside.example');
  await g.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Callbacks', exact: true }).click();
  await g.getByRole('heading', { name: 'Callbacks', exact: true }).waitFor();
  await g.keyboard.press('i');
  const intake = g.getByRole('dialog', { name: 'New intake' });
  await intake.getByLabel("Caller's phone").fill('555-010-0177');
  await intake.getByRole('button', { name: 'Find' }).click();
  await intake.getByText('No patient with this number').waitFor();
  await intake.getByLabel('Given name').fill('Oriel');
  await intake.getByLabel('Family name').fill('Vantongeren');
  await intake.getByLabel('Queue').selectOption({ label: 'Refills' });
  await intake.getByLabel('Title (no PHI)').fill('Refill request');
  await intake.getByRole('button', { name: 'Create callback' }).click();
  await g.getByText(/Callback created for P-/).waitFor();
  await g.keyboard.press('Escape');
  await g.getByRole('button', { name: /Next callback/ }).click();
  const panel = g.locator('.task-panel');
  await panel.getByRole('button', { name: 'Reveal contact' }).click();
  await panel.getByText('Vantongeren').waitFor();
  await panel.getByRole('button', { name: /^Voicemail left/ }).click();
  await g.getByText(/Attempt 1 logged: the callback is now waiting/).waitFor();
  await panel.getByText('Vantongeren').waitFor({ state: 'detached' });
  assert.ok(!(await g.content()).includes('Vantongeren'), 'the revealed contact leaves the screen once the callback waits');
  // The retry comes due after the policy's wait (the clock is moved past it); the agent
  // reaches the caller on the second try.
  await app.tenant((await app.database.unsafeKysely.selectFrom('organizations').select('id').executeTakeFirstOrThrow()).id).updateTable('tasks').set({ ready_at: new Date(Date.now() - 1000).toISOString() }).execute();
  await g.getByRole('button', { name: /Next callback/ }).click();
  await panel.getByRole('heading', { name: 'Log an attempt' }).waitFor();
  await panel.getByRole('button', { name: /^Reached/ }).click();
  await g.getByText(/Attempt 2 logged: the callback is now claimed/).waitFor();
  await panel.getByLabel('Create a follow-up for the same patient').check();
  await panel.getByLabel('Follow-up (no PHI)').fill('Check the refill was picked up');
  await panel.getByLabel('Resolution').selectOption('refill_sent');
  await panel.getByRole('button', { name: 'Complete callback' }).click();
  await g.getByText(/Completed; follow-up created for P-/).waitFor();
  await assertAccessible(g, 'callbacks after the first completion');
  await screenshot(g, '104-first-day-agent');

  // The supervisor watches the board and pulls this month's report.
  const boss = await launchBrowser(t);
  const s = boss.page;
  await firstSignIn(s, app.url, 'sam@bayside.example');
  await s.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queue board', exact: true }).click();
  await s.getByRole('cell', { name: 'Refills' }).waitFor();
  await screenshot(s, '105-first-day-board');
  await s.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Reports/ }).click();
  await s.getByRole('heading', { name: 'Reports', exact: true }).waitFor();
  await s.getByLabel('Month', { exact: true }).fill(new Date().toISOString().slice(0, 7));
  const tile = (label: string) => s.getByRole('list', { name: 'Figures' }).getByRole('listitem').filter({ has: s.getByText(label, { exact: true }) }).locator('.value');
  await tile('Received').getByText('2').waitFor();
  assert.equal(await tile('Completed').textContent(), '1');
  assert.ok(!(await s.content()).includes('Vantongeren'), 'no patient in the report');
  await assertAccessible(s, 'first report');
  await screenshot(s, '106-first-day-report');
});
