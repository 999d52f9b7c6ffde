import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { createTestOrg, insertTestPatient, insertTestQueue, insertTestTask, type TestApp, type TestUser } from '../test/helpers.ts';
import { launchBrowser, screenshot, signIn, startConsole, trackRequests } from './harness.ts';

// Automatic logoff (HIPAA §164.312(a)(2)(iii)), tested on every screen that polls or streams:
// Callbacks and the Queue board (30-second polling and the live task stream), and Home (its
// agent's and supervisor's figures poll every minute). The page's clock runs ahead of the
// server's, so the test reads what the server recorded from its database.

const IDLE_MS = 15 * 60_000;

interface SeenRequest {
  method: string;
  path: string;
  background: boolean;
}

/** Every API request the page sends from now on. */
function recordRequests(page: Page): SeenRequest[] {
  const seen: SeenRequest[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/api/')) seen.push({ method: request.method(), path, background: request.headers()['x-ringfence-background'] === '1' });
  });
  return seen;
}

/** The page's clock. */
const pageNow = (page: Page) => page.evaluate(() => Date.now());

/** When the server last heard of the person's activity, by the page's clock (what the console keeps for its tabs). */
const lastReported = (page: Page) => page.evaluate(() => Number(localStorage.getItem('ringfence.activity.reported')));

/** Runs the page's clock up to `target` in 30-second steps, every timer firing, each step's requests finished. */
async function runClockTo(page: Page, requests: ReturnType<typeof trackRequests>, target: number): Promise<void> {
  for (;;) {
    const step = Math.min(30_000, target - (await pageNow(page)));
    if (step <= 0) return;
    await page.clock.runFor(step);
    await requests.quiet();
  }
}

/** The person's open full session as the server stores it. */
async function storedSession(app: TestApp, orgId: string, user: TestUser) {
  return app
    .tenant(orgId)
    .selectFrom('sessions')
    .select(['id', 'last_seen_at', 'ended_at', 'end_reason'])
    .where('user_id', '=', user.id)
    .where('stage', '=', 'full')
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
}

async function sessionCookie(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name === 'rf_session');
  assert.ok(cookie, 'signed in with a session cookie');
  return `${cookie.name}=${cookie.value}`;
}

/**
 * Leaves a screen alone for the idle time: the live change `whileIdle` makes shows up (the
 * screen really polls and streams), the warning appears one minute before with `revealed`
 * gone, then the sign-in screen; the server never counted the screen's requests as activity
 * and the old cookie no longer works.
 */
async function walkAway(
  app: TestApp,
  orgId: string,
  user: TestUser,
  browser: { context: BrowserContext; page: Page },
  seen: SeenRequest[],
  options: { name: string; revealed?: string; whileIdle: () => Promise<void>; liveChange: () => Locator },
): Promise<void> {
  const { context, page } = browser;
  const requests = trackRequests(page);
  // A trailing report of the clicks so far goes out within 30 s; from then on nobody touches the page.
  await requests.quiet();
  await page.clock.runFor(31_000);
  await requests.quiet();
  const since = await lastReported(page);
  assert.ok(since > 0, 'the clicks were reported as activity');
  const before = await storedSession(app, orgId, user);
  const cookie = await sessionCookie(context);
  const idleFrom = seen.length;
  await runClockTo(page, requests, since + 5 * 60_000);
  await options.whileIdle();
  // The change arrives on the live stream; the screen refetches it by itself.
  await options.liveChange().waitFor();
  await runClockTo(page, requests, since + IDLE_MS - 70_000);
  const warning = page.getByRole('dialog', { name: 'Still there?' });
  assert.equal(await warning.isVisible(), false, 'no warning before the last minute');
  if (options.revealed) assert.ok((await page.content()).includes(options.revealed), 'the revealed contact is still there');

  await runClockTo(page, requests, since + IDLE_MS - 60_000);
  await warning.waitFor();
  if (options.revealed) assert.ok(!(await page.content()).includes(options.revealed), 'revealed details leave the screen with the warning');
  await screenshot(page, `${options.name}-idle-warning`);

  await runClockTo(page, requests, since + IDLE_MS);
  await page.getByText(/You were signed out after 15 minutes without activity/).waitFor();
  assert.ok(page.url().endsWith('/sign-in'));
  await screenshot(page, `${options.name}-idle-signed-out`);

  // What the screen did by itself while nobody was there: polls and refetches, all marked background.
  const idle = seen.slice(idleFrom);
  const reads = idle.filter((r) => r.method === 'GET' && r.path !== '/api/events');
  assert.ok(reads.length >= 20, `the screen kept polling (${reads.length} reads)`);
  assert.deepEqual(
    reads.filter((r) => !r.background),
    [],
    'every read is marked background',
  );
  assert.deepEqual(
    idle.filter((r) => r.method !== 'GET').map((r) => r.path),
    ['/api/auth/logout'],
    'no activity was reported, only the sign-out',
  );
  // The server agrees: nothing in those minutes restarted its idle timer, and the session is over.
  const after = await storedSession(app, orgId, user);
  assert.equal(after.last_seen_at, before.last_seen_at, 'polling and the live stream never extended the session');
  assert.ok(after.ended_at, 'the session ended');
  const res = await fetch(`${app.url}/api/auth/me`, { headers: { cookie } });
  assert.equal(res.status, 401, 'the old cookie no longer works');
}

test('idle on Callbacks with a revealed contact: polling and live updates do not count; the contact goes with the warning, then sign-out', async (t) => {
  const app = await startConsole(t);
  const org = await createTestOrg(app, { clients: ['A'], users: { agent: ['agent', 'A'] } });
  const agent = org.users.agent!;
  const queueId = await insertTestQueue(app, org.orgId, org.clients.A!, 'Refills');
  const patient = await insertTestPatient(app, org.orgId, org.clients.A!, { name: { given: 'Zephyrine', family: 'Quillfeather' } });
  await insertTestTask(app, org.orgId, org.clients.A!, { queueId, patientId: patient.id, claimedBy: agent.id });

  const browser = await launchBrowser(t);
  const { page } = browser;
  const seen = recordRequests(page);
  await page.clock.install();
  await signIn(page, app.url, agent);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Callbacks', exact: true }).click();
  await page.getByRole('table', { name: 'My callbacks' }).getByRole('button', { name: 'Refill request' }).click();
  const panel = page.locator('.task-panel');
  await panel.getByRole('button', { name: 'Reveal contact' }).click();
  await panel.getByText('Quillfeather').waitFor();

  await walkAway(app, org.orgId, agent, browser, seen, {
    name: '70-callbacks',
    revealed: 'Quillfeather',
    whileIdle: () => insertTestTask(app, org.orgId, org.clients.A!, { queueId }).then(() => undefined),
    // The new callback arrives on the live stream and the list refetches.
    liveChange: () => page.getByRole('table', { name: 'Waiting callbacks' }).getByRole('button', { name: 'Refill request' }),
  });
});

test('idle on the Queue board: polling and live updates do not count; warning, then sign-out', async (t) => {
  const app = await startConsole(t);
  const org = await createTestOrg(app, { clients: ['A'], users: { supervisor: ['supervisor', 'A'] } });
  const supervisor = org.users.supervisor!;
  const queueId = await insertTestQueue(app, org.orgId, org.clients.A!, 'Refills');

  const browser = await launchBrowser(t);
  const { page } = browser;
  const seen = recordRequests(page);
  await page.clock.install();
  await signIn(page, app.url, supervisor);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queue board', exact: true }).click();
  await page.getByText('No open callbacks.').waitFor();

  await walkAway(app, org.orgId, supervisor, browser, seen, {
    name: '72-board',
    whileIdle: () => insertTestTask(app, org.orgId, org.clients.A!, { queueId }).then(() => undefined),
    liveChange: () => page.getByRole('cell', { name: 'Refills' }),
  });
});

test('idle on Home: its polling of the agent’s work does not count; warning, then sign-out', async (t) => {
  const app = await startConsole(t);
  const org = await createTestOrg(app, { clients: ['A'], users: { agent: ['agent', 'A'] } });
  const agent = org.users.agent!;
  const queueId = await insertTestQueue(app, org.orgId, org.clients.A!, 'Refills');

  const browser = await launchBrowser(t);
  const { page } = browser;
  const seen = recordRequests(page);
  await page.clock.install();
  await signIn(page, app.url, agent);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home', exact: true }).click();
  const waiting = page.locator('.stat').filter({ hasText: 'waiting in your queues' }).locator('.value');
  await waiting.getByText('0', { exact: true }).waitFor();

  await walkAway(app, org.orgId, agent, browser, seen, {
    name: '73-home',
    whileIdle: () => insertTestTask(app, org.orgId, org.clients.A!, { queueId }).then(() => undefined),
    // Home has no live stream: its next poll brings the new callback.
    liveChange: () => waiting.getByText('1', { exact: true }),
  });
});

test('typing a long note without sending it keeps the person signed in, in this tab and another', async (t) => {
  const app = await startConsole(t);
  const org = await createTestOrg(app, { clients: ['A'], users: { agent: ['agent', 'A'] } });
  const agent = org.users.agent!;
  await insertTestTask(app, org.orgId, org.clients.A!, { claimedBy: agent.id });

  const { context, page } = await launchBrowser(t);
  const seen = recordRequests(page);
  const requests = trackRequests(page);
  await page.clock.install();
  await signIn(page, app.url, agent);
  // A second tab of the same browser, left alone on Home.
  const other = await context.newPage();
  await other.goto(`${app.url}/`);
  await other.getByRole('heading', { name: /^Welcome/ }).waitFor();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Callbacks', exact: true }).click();
  await page.getByRole('table', { name: 'My callbacks' }).getByRole('button', { name: 'Refill request' }).click();
  const note = page.locator('.task-panel').getByLabel('Note (no PHI)');
  await note.click();
  await requests.quiet();
  const start = await pageNow(page);
  const from = seen.length;
  const before = await storedSession(app, org.orgId, agent);

  // One key every 20 seconds for longer than the idle time; nothing is sent but activity reports.
  const text = 'left a message on the machine and will try again after lunch as the office asked';
  let typed = '';
  while ((await pageNow(page)) - start < IDLE_MS + 5 * 60_000) {
    const key = text[typed.length % text.length]!;
    await page.keyboard.type(key);
    typed += key;
    await page.clock.runFor(20_000);
    await requests.quiet();
  }
  const elapsed = (await pageNow(page)) - start;
  assert.equal(await page.getByRole('dialog', { name: 'Still there?' }).isVisible(), false);
  assert.equal(await other.getByRole('dialog', { name: 'Still there?' }).isVisible(), false, 'the other tab knows the person is active');
  assert.equal(await note.inputValue(), typed);
  assert.ok(page.url().endsWith('/callbacks'));
  assert.ok(other.url().endsWith('/'));

  const changes = seen.slice(from).filter((r) => r.method !== 'GET');
  assert.ok(changes.every((r) => r.path === '/api/auth/activity'), 'typing sends nothing but activity reports');
  // Throttled: at most one report per 30 s, and one at least every 30 s while typing goes on.
  assert.ok(changes.length <= Math.floor(elapsed / 30_000) + 1, `${changes.length} reports in ${elapsed} ms`);
  assert.ok(changes.length >= Math.floor(elapsed / 30_000) - 1, `${changes.length} reports in ${elapsed} ms`);
  const after = await storedSession(app, org.orgId, agent);
  assert.ok(after.last_seen_at > before.last_seen_at, 'the server heard of the typing');
  assert.equal(after.ended_at, null);
  assert.equal(await page.evaluate(async () => (await fetch('/api/auth/me')).status), 200);
});
