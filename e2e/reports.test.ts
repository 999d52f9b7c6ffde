import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { HISTORY_AGENTS, HISTORY_PATIENTS, seedCallbackHistory } from '../test/callback-history.ts';
import { createTestOrg } from '../test/helpers.ts';
import { assertAccessible, launchBrowser, screenshot, signIn, startConsole } from './harness.ts';

test('reports: a supervisor opens Reports, picks November 2026, sees the figures and the agents, and downloads the CSV; no patient shows', async (t) => {
  const app = await startConsole(t);
  const org = await createTestOrg(app, { clients: ['A', 'B'], users: { supervisor: [['supervisor', 'A'], ['supervisor', 'B']], agent: ['agent', 'A'] } });
  await app.tenant(org.orgId).updateTable('clients').set({ name: 'Lakeside Pediatrics' }).where('id', '=', org.clients.A!).execute();
  const history = await seedCallbackHistory(app, org.orgId, { clientId: org.clients.A!, otherClientId: org.clients.B! });

  const { page } = await launchBrowser(t);
  await signIn(page, app.url, org.users.supervisor!);
  await page.getByRole('link', { name: /Reports/ }).click();
  await page.getByRole('heading', { name: 'Reports', exact: true }).waitFor();
  assert.equal(await page.title(), 'Reports · Ringfence');

  await page.getByLabel('Client', { exact: true }).selectOption({ label: 'Lakeside Pediatrics' });
  await page.getByLabel('Month', { exact: true }).fill('2026-11');
  await page.getByRole('heading', { name: /Lakeside Pediatrics · 2026-11-01 to 2026-11-30/ }).waitFor();
  const tile = (label: string) => page.getByRole('list', { name: 'Figures' }).getByRole('listitem').filter({ has: page.getByText(label, { exact: true }) }).locator('.value');
  const figures: [string, string][] = [
    ['Received', '9'],
    ['Completed', '4'],
    ['Within SLA', '75%'],
    ['Median time to first attempt', '25 min'],
    ['Attempts per callback', '1.11'],
    ['Unreachable', '1'],
    ['Escalated', '2'],
  ];
  for (const [label, value] of figures) assert.equal(await tile(label).textContent(), value, label);
  await page.getByText('3 of 4 completed').waitFor();
  await page.getByRole('img', { name: /2026-11-02: 2 received, 2 completed; 2026-11-05: 1 received, 1 completed/ }).waitFor();
  const agents = page.getByRole('table');
  assert.deepEqual(
    await agents.getByRole('row').allInnerTexts(),
    // Headers are set in capitals by the style sheet.
    ['AGENT\tHANDLED\tCOMPLETED\tMEDIAN HANDLING TIME', `${HISTORY_AGENTS.avery}\t5\t3\t15 min`, `${HISTORY_AGENTS.blake}\t3\t1\t30 min`],
  );
  const html = await page.content();
  for (const p of HISTORY_PATIENTS) assert.ok(!html.includes(p.family), 'no patient name on the screen');
  for (const ref of history.patientRefs) assert.ok(!html.includes(ref), 'no patient reference on the screen');
  await page.getByText('What the figures mean').click();
  await page.getByText(/completed callbacks closed by their due time/).waitFor();
  await assertAccessible(page, 'reports');
  await screenshot(page, '80-reports-november');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
  assert.equal(download.suggestedFilename(), 'callbacks-lakeside-pediatrics-2026-11-01-to-2026-11-30.csv');
  const csv = readFileSync((await download.path())!, 'utf8');
  const lines = csv.split('\r\n');
  assert.equal(lines[0], 'client,from,to,time_zone');
  assert.equal(lines[1], 'Lakeside Pediatrics,2026-11-01,2026-11-30,America/Chicago');
  for (const line of ['received,9', 'completed,4', 'within_sla_share,75%', 'median_minutes_to_first_attempt,25', 'attempts_per_callback,1.11', '2026-11-30,1,0', `${HISTORY_AGENTS.avery},5,3,15`, `${HISTORY_AGENTS.blake},3,1,30`]) {
    assert.ok(lines.includes(line), `the CSV has ${line}`);
  }
  for (const p of HISTORY_PATIENTS) assert.ok(!csv.includes(p.family));
  const pdf = page.getByRole('link', { name: 'Monthly PDF' });
  assert.match((await pdf.getAttribute('href')) ?? '', /format=pdf/);

  // A month with nothing in it says so, rather than showing a page of zeros.
  await page.getByLabel('Month', { exact: true }).fill('2026-09');
  await page.getByRole('heading', { name: 'No callbacks in this period' }).waitFor();
  await assertAccessible(page, 'reports, empty month');
  await screenshot(page, '81-reports-empty');

  // A custom period, a single day.
  await page.getByLabel('Period', { exact: true }).selectOption('custom');
  await page.getByLabel('From', { exact: true }).fill('2026-11-02');
  await page.getByLabel('To (inclusive)').fill('2026-11-02');
  await page.getByRole('heading', { name: /2026-11-02 to 2026-11-02/ }).waitFor();
  assert.equal(await tile('Received').textContent(), '2');
  await screenshot(page, '82-reports-one-day');

  // An agent has no Reports.
  const agent = await launchBrowser(t);
  await signIn(agent.page, app.url, org.users.agent!);
  assert.equal(await agent.page.getByRole('link', { name: /Reports/ }).count(), 0);
});
