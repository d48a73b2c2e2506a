import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

describe('the served web app', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('loads at / and shows what the API answered', async () => {
    const page = await browser.newPage();
    const answers: string[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/graphql')) answers.push(String(response.status()));
    });
    await page.goto(server.url);
    await page.getByText('The service is up and answering.').waitFor();
    expect(answers).toContain('200');
    expect(await page.title()).toBe('Welcome to Consulta | Consulta');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.close();
  });

  it('serves client-side routes on reload and switches language', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/no/such/page`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { name: 'Página no encontrada' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await page.close();
  });

  it('passes axe on the home page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByText('The service is up and answering.').waitFor();
    const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await context.close();
  });
});
