import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestOrg, signedInClient } from '../test/helpers.ts';
import { assertAccessible, launchBrowser, screenshot, signIn, startConsole } from './harness.ts';

test('access review: the officer opens a campaign, the supervisor certifies and revokes (the agent loses the client at once), the officer signs it off', async (t) => {
  const app = await startConsole(t);
  const org = await createTestOrg(app, {
    clients: ['A', 'B'],
    users: {
      compliance: ['compliance', null],
      supervisor: ['supervisor', 'A'],
      floater: [
        ['agent', 'A'],
        ['agent', 'B'],
      ],
    },
  });
  const floaterName = org.users.floater!.email.split('@')[0]!;
  const floaterApi = await signedInClient(app, org.orgId, org.users.floater!.id);
  assert.equal((await floaterApi.get('/api/clients')).body.items.length, 2);

  const officer = await launchBrowser(t);
  await signIn(officer.page, app.url, org.users.compliance!);
  await officer.page.goto(`${app.url}/reviews`);
  await officer.page.getByLabel('Name').fill('Pre-flu-season review, October');
  await officer.page.getByRole('button', { name: 'Open campaign' }).click();
  await officer.page.getByText(/opened: 5 assignments to review/).waitFor();
  await assertAccessible(officer.page, 'access reviews');

  const boss = await launchBrowser(t);
  await signIn(boss.page, app.url, org.users.supervisor!);
  await boss.page.getByRole('link', { name: 'Access reviews' }).click();
  await boss.page.getByRole('link', { name: 'Pre-flu-season review, October' }).click();
  await boss.page.getByRole('heading', { name: 'Assignments to review' }).waitFor();
  await boss.page.getByRole('button', { name: /^Revoke .* as Agent for Client A/ }).click();
  await boss.page.getByText(/Agent revoked, effective now/).waitFor();
  await screenshot(boss.page, '65-access-review-supervisor');
  // In the session the agent already has, client A is gone.
  assert.deepEqual(
    (await floaterApi.get('/api/clients')).body.items.map((c: { id: string }) => c.id),
    [org.clients.B],
  );

  // The officer decides the rest but their own access, which goes to the administrator.
  await officer.page.getByRole('link', { name: 'Pre-flu-season review, October' }).click();
  await officer.page.getByRole('row', { name: new RegExp(floaterName) }).first().waitFor();
  for (let decided = 1; decided <= 3; decided += 1) {
    await officer.page.getByRole('button', { name: /^Certify / }).first().click();
    await officer.page.getByText(new RegExp(`${decided + 1} of 5 decided`)).waitFor();
  }
  await officer.page.getByRole('button', { name: /^Certify / }).waitFor({ state: 'detached' });
  const admin = await signedInClient(app, org.orgId, org.admin.id);
  const review = (await admin.get('/api/access-reviews')).body.items[0];
  const own = (await admin.get(`/api/access-reviews/${review.id}`)).body.items.find((i: { decision: string | null }) => i.decision === null);
  assert.equal(own.userId, org.users.compliance!.id, 'left: the officer’s own access');
  assert.equal((await admin.post(`/api/access-reviews/${review.id}/items/${own.id}`, { decision: 'certify' })).status, 200);
  await officer.page.reload();
  await officer.page.getByRole('button', { name: 'Sign off' }).click();
  await officer.page.getByRole('heading', { name: 'Report' }).waitFor();
  await officer.page.getByText(/Signed off .* 5 of 5 decided, 1 revoked/).waitFor();
  await assertAccessible(officer.page, 'access review report');
  await screenshot(officer.page, '66-access-review-report');
});
