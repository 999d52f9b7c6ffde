import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { assignTestRole, createTestOrg, insertTestQueue, insertTestUser } from '../test/helpers.ts';
import { assertAccessible, launchBrowser, screenshot, signIn, startConsole } from './harness.ts';

/**
 * Refusals of the compliance gate name fields no form has an input for (`clientId`,
 * `training.<course>`): every screen that touches PHI must still say the refusal's sentence,
 * on that screen, where the person is looking.
 */

const NO_BAA = /has no active signed business associate agreement: its PHI can be neither created nor read/;
const UNTRAINED = /Complete your training before handling PHI: HIPAA basics \(not completed\)/;

/** Intake: the phone lookup, then Create callback for a new caller; each says the refusal inside the dialog. */
async function tryIntake(page: Page, url: string, refusal: RegExp, shot: string): Promise<void> {
  await page.goto(`${url}/callbacks`);
  await page.getByRole('heading', { name: 'Callbacks', exact: true }).waitFor();
  await page.keyboard.press('i');
  const dialog = page.getByRole('dialog', { name: 'New intake' });
  await dialog.getByLabel("Caller's phone").fill('555-010-0466');
  await dialog.getByRole('button', { name: 'Find' }).click();
  await dialog.getByRole('alert').getByText(refusal).waitFor();
  await assertAccessible(page, `intake lookup refused (${shot})`);
  await screenshot(page, `${shot}-intake-lookup`);
  await dialog.getByLabel('Given name').fill('Zephyrine');
  await dialog.getByLabel('Family name').fill('Quillfeather');
  await dialog.getByLabel('Title (no PHI)').fill('Refill request, metformin');
  await dialog.getByRole('button', { name: 'Create callback' }).click();
  await expectCount(dialog.locator('.form-error').getByText(refusal), 2, 'the lookup and Create callback each say it');
  await screenshot(page, `${shot}-intake-create`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
}

/** Patient search by phone and Add patient: each says the refusal. */
async function tryPatients(page: Page, url: string, refusal: RegExp, shot: string): Promise<void> {
  await page.goto(`${url}/patients`);
  await page.getByLabel('Phone number').fill('555-010-0187');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('region', { name: 'Find a patient' }).getByRole('alert').getByText(refusal).waitFor();
  await assertAccessible(page, `patient search refused (${shot})`);
  await screenshot(page, `${shot}-patient-search`);
  await page.getByRole('button', { name: 'Add patient' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a patient' });
  await dialog.getByLabel('Given name').fill('Rosalind');
  await dialog.getByLabel('Family name').fill('Testcase');
  await dialog.getByRole('button', { name: 'Add patient' }).click();
  await dialog.getByRole('alert').getByText(refusal).waitFor();
  await assertAccessible(page, `add patient refused (${shot})`);
  await screenshot(page, `${shot}-add-patient`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
}

async function expectCount(locator: Locator, count: number, why: string): Promise<void> {
  await locator.nth(count - 1).waitFor();
  assert.equal(await locator.count(), count, why);
}

test('refusals: without a BAA, and without training, the intake lookup, Create callback, patient search and Add patient each say why', async (t) => {
  const app = await startConsole(t);
  const org = await createTestOrg(app, { clients: ['A'], baas: false, users: { agent: ['agent', 'A'] } });
  await insertTestQueue(app, org.orgId, org.clients.A!, 'Refills');
  const { page } = await launchBrowser(t);
  await signIn(page, app.url, org.users.agent!);
  await tryIntake(page, app.url, NO_BAA, '90-no-baa');
  await tryPatients(page, app.url, NO_BAA, '91-no-baa');

  // A client with its BAA, and an agent who has not completed training.
  const trainedOrg = await createTestOrg(app, { clients: ['B'] });
  await insertTestQueue(app, trainedOrg.orgId, trainedOrg.clients.B!, 'Refills');
  const newcomer = await insertTestUser(app, trainedOrg.orgId, `newcomer-${randomUUID().slice(0, 8)}@example.test`, { trained: false });
  await assignTestRole(app, trainedOrg.orgId, newcomer.id, 'agent', trainedOrg.clients.B!);
  const second = await launchBrowser(t);
  await signIn(second.page, app.url, newcomer);
  await tryIntake(second.page, app.url, UNTRAINED, '92-untrained');
  await tryPatients(second.page, app.url, UNTRAINED, '93-untrained');

  const stored = await app.tenant(org.orgId).selectFrom('patients').select('id').execute();
  assert.equal(stored.length, 0, 'nothing was stored for the client without a BAA');
});
