import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestOrg } from '../test/helpers.ts';
import { assertAccessible, launchBrowser, screenshot, signIn, startConsole } from './harness.ts';

test('an administrator who tries to give themselves a PHI role is told why, on the person dialog', async (t) => {
  const app = await startConsole(t);
  const org = await createTestOrg(app, { clients: ['A'] });
  const { page } = await launchBrowser(t);
  await signIn(page, app.url, org.admin);
  await page.goto(`${app.url}/users`);
  await page.getByRole('heading', { name: 'People', exact: true }).waitFor();
  await page.getByRole('button', { name: org.admin.email.split('@')[0]! }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Role', { exact: true }).selectOption({ label: 'Compliance officer' });
  await dialog.getByRole('button', { name: 'Add role' }).click();
  await dialog.getByText('You cannot give yourself a role that reaches patient information; another administrator must grant it.').waitFor();
  await assertAccessible(page, 'self-grant refused');
  await screenshot(page, '91-self-grant-refused');
  const roles = await dialog.getByRole('list', { name: 'Roles' }).textContent();
  assert.doesNotMatch(roles ?? '', /Compliance/);
});
