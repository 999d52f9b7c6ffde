import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestOrg, insertTestUser, TEST_PASSWORD } from '../test/helpers.ts';
import { assertAccessible, launchBrowser, nextCode, screenshot, startConsole } from './harness.ts';

test('a person who works for two answering services with one address chooses where to sign in', async (t) => {
  const app = await startConsole(t);
  const north = await createTestOrg(app, { name: 'Northside Answering' });
  const south = await createTestOrg(app, { name: 'Southside Answering' });
  await insertTestUser(app, north.orgId, 'float.agent@example.test');
  const inSouth = await insertTestUser(app, south.orgId, 'float.agent@example.test');
  const { page } = await launchBrowser(t);

  await page.goto(`${app.url}/sign-in`);
  await page.getByLabel('Email').fill('float.agent@example.test');
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Continue' }).click();
  const organization = page.getByLabel('Organization');
  await organization.waitFor();
  assert.deepEqual(await organization.locator('option').allTextContents(), ['Northside Answering', 'Southside Answering']);
  await assertAccessible(page, 'sign-in organization choice');
  await screenshot(page, '90-sign-in-organization');
  await organization.selectOption({ label: 'Southside Answering' });
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Authenticator code').fill(await nextCode(inSouth.totpSecret));
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
  const me = await page.evaluate(async () => (await (await fetch('/api/auth/me')).json()) as { user: { id: string } });
  assert.equal(me.user.id, inSouth.id, 'signed in to the organization chosen');
});
