import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { takeProblems } from './journey.js';
import { startServer, type RunningServer } from './server.js';

/**
 * One server (built product, fresh database with the demo data) and one Chromium per test file, started
 * before its tests and stopped after them. Read `suite.server` and `suite.browser` inside tests.
 */
export function browserSuite(env: Record<string, string> = {}): { server: RunningServer; browser: Browser } {
  const suite = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    [suite.server, suite.browser] = await Promise.all([startServer(env), launchBrowser()]);
  });
  // No test leaves a page error or a console error or warning behind.
  afterEach(() => {
    expect(takeProblems()).toEqual([]);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  });
  return suite;
}
