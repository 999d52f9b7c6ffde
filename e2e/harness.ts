import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page, type Request } from 'playwright-core';
import { WEB_DIST } from '../src/platform/http/web.ts';
import { TEST_PASSWORD, buildTestApp, totpCode, type TestApp } from '../test/helpers.ts';

export const SCREENSHOTS = new URL('./screenshots/', import.meta.url).pathname;
const CHROMIUM = process.env.RINGFENCE_CHROMIUM ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with a fresh profile; closed after the test. */
export async function launchBrowser(t: TestContext): Promise<{ context: BrowserContext; page: Page }> {
  const profile = mkdtempSync(path.join(tmpdir(), 'ringfence-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    viewport: { width: 1280, height: 860 },
    locale: 'en-US',
    timezoneId: 'America/Chicago',
  });
  t.after(async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  return { context, page };
}

/**
 * Counts the page's requests in flight; `quiet()` resolves once none has been for 300 ms.
 * Tests that jump the page's clock wait for it, so that what a request started finishes
 * before time moves on. The live event stream stays open and is not counted.
 */
export function trackRequests(page: Page): { quiet(): Promise<void> } {
  // The requests themselves, not a count: one that started before tracking began must not
  // drive a counter below zero when it finishes (the page would never look quiet again).
  const inFlight = new Set<Request>();
  const counted = (request: Request) => request.resourceType() !== 'eventsource' && !new URL(request.url()).pathname.startsWith('/api/events');
  page.on('request', (request) => {
    if (counted(request)) inFlight.add(request);
  });
  page.on('requestfinished', (request) => inFlight.delete(request));
  page.on('requestfailed', (request) => inFlight.delete(request));
  return {
    async quiet() {
      for (let calm = 0, rounds = 0; calm < 6 && rounds < 200; rounds++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        calm = inFlight.size === 0 ? calm + 1 : 0;
      }
    },
  };
}

/** The real app, with the built web console, on a loopback port. */
export async function startConsole(t: TestContext, overrides: Record<string, string> = {}, options: { pushAssignment?: boolean; background?: boolean } = {}): Promise<TestApp> {
  assert.ok(existsSync(path.join(WEB_DIST, 'index.html')), 'the web console is not built: run `npm run build:web` (npm test does it first)');
  return buildTestApp(t, overrides, { web: true, ...options });
}

/** Saves a screenshot into the git-ignored e2e/screenshots folder. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Fails on any serious or critical accessibility violation on the page as it is now. */
export async function assertAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    [],
    `accessibility violations on ${screen}`,
  );
}

/** A code for the next sign-in: each code works once, so a second sign-in in the same 30 s uses the next step's code. */
const usedSteps = new Map<string, number>();
export async function nextCode(secret: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const step = Math.max(Math.floor(now / 30), (usedSteps.get(secret) ?? 0) + 1);
  usedSteps.set(secret, step);
  return totpCode(secret, step * 30);
}

/** Signs in through the sign-in screen: password, then the authenticator code. */
export async function signIn(page: Page, url: string, user: { email: string; totpSecret: string }, password = TEST_PASSWORD): Promise<void> {
  await page.goto(`${url}/sign-in`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Authenticator code').fill(await nextCode(user.totpSecret));
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
}
