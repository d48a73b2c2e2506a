import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT } from '../../../server/src/config/config.js';

export const DEMO_PASSWORD = 'consulta-demo-2026';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SCREENSHOTS = join(REPO_ROOT, 'docs/screenshots');

const problems: string[] = [];

/** Page errors and console errors or warnings of every page since the last call (browserSuite fails on any). */
export function takeProblems(): string[] {
  return problems.splice(0);
}

/**
 * Takes the problems matching `pattern` that a test caused on purpose (a page refused a frame, say); fails if
 * there were none, so the expectation cannot go stale.
 */
export function expectProblem(pattern: RegExp): void {
  const matching = problems.filter((problem) => pattern.test(problem));
  expect(matching.length).toBeGreaterThan(0);
  for (const problem of matching) problems.splice(problems.indexOf(problem), 1);
}

function watch(page: Page): void {
  page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (['error', 'warning'].includes(message.type())) {
      problems.push(`console ${message.type()} on ${page.url()}: ${message.text()}`);
    }
  });
}

/** A new person's browser: its own cookies, English, a phone-sized or desktop window. */
export async function newPerson(browser: Browser, width = 1280): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-US' });
  context.on('page', watch);
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  return { context, page };
}

/** No axe violations (WCAG 2.0/2.1/2.2 A and AA) on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}

/** Screenshots of the page at phone and desktop widths, for the README. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const original = page.viewportSize();
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(100);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
  }
  if (original) await page.setViewportSize(original);
}

export async function signIn(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(/^Signed in as /).waitFor();
}
