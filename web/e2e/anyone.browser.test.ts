import { DEMO_PASSWORD, expectAccessible, newPerson, screenshots } from './support/journey.js';
import { browserSuite } from './support/suite.js';
import { waitFor } from '../../server/test/support/wait.js';

const CAMPAIGN = 'Better parks for summer';

describe('anyone, signed out', () => {
  const suite = browserSuite();

  it('finds an open consultation, reads its rules, and sorts, filters and searches ideas in the URL', async () => {
    const { context, page } = await newPerson(suite.browser);
    await page.goto(suite.server.url);
    expect(await page.title()).toBe('Welcome to Consulta | Consulta');
    const card = page.getByRole('listitem').filter({ hasText: CAMPAIGN });
    await card.getByText('City Parks Department').waitFor();
    await card.getByText('16 ideas').waitFor();
    await card.getByText('Status: Open').waitFor();
    await expectAccessible(page);
    await screenshots(page, 'home');

    await page.getByRole('link', { name: CAMPAIGN }).click();
    await page.getByRole('heading', { level: 1, name: CAMPAIGN }).waitFor();
    // A SUPPORT consultation speaks of supports, everywhere.
    await page.getByText('5 supports per person in this consultation.').waitFor();
    await page.getByText('Ideas with 3 supports get an official answer from the agency.').waitFor();
    await page.getByText('16 ideas', { exact: true }).waitFor();
    await expectAccessible(page);
    await screenshots(page, 'campaign');

    await page.getByLabel('Sort by').selectOption('NEW');
    await page.waitForURL(/\?sort=NEW/);
    const titles = () => page.locator('#ideas-heading ~ ol h3').allTextContents();
    await page.waitForFunction(() =>
      document.querySelector('#ideas-heading ~ ol h3')?.textContent?.includes('Water new street trees'),
    );
    expect((await titles())[0]).toBe('Water new street trees in their first summers');

    await page.getByLabel('Topic').selectOption('Trees');
    await page.waitForURL(/tag=Trees/);
    await page.getByText('2 ideas', { exact: true }).waitFor();
    await page.getByLabel('Status').selectOption('ACCEPTED');
    await page.getByText('No ideas match. Try other filters or words.').waitFor();

    await page.goto(`${suite.server.url}/campaigns/better-parks-for-summer`);
    await page.getByLabel('Search ideas').fill('wheelchair entrances');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/q=wheelchair/);
    await page.getByText('1 idea', { exact: true }).waitFor();
    // The URL holds the state: a reload (or a shared link) shows the same list.
    await page.reload();
    await page.getByRole('link', { name: 'Step-free paths to every park entrance' }).waitFor();
    expect(await page.getByLabel('Search ideas').inputValue()).toBe('wheelchair entrances');
    await page.goBack();
    await page.waitForURL(/better-parks-for-summer$/);
    await context.close();
  });

  it('sorts an up-and-down consultation by common ground and reads how it works', async () => {
    const { context, page } = await newPerson(suite.browser);
    await page.goto(`${suite.server.url}/campaigns/better-parks-for-summer`);
    // A consultation of supports only has no common ground to sort by.
    await page.getByLabel('Sort by').waitFor();
    expect(await page.getByLabel('Sort by').locator('option').allTextContents()).not.toContain('Common ground');

    await page.goto(`${suite.server.url}/campaigns/streets-for-everyone`);
    await page.getByRole('heading', { level: 1, name: 'Streets for everyone' }).waitFor();
    await page.getByLabel('Sort by').selectOption({ label: 'Common ground' });
    await page.waitForURL(/\?sort=COMMON_GROUND/);
    await page.getByText('Ideas that people who usually disagree both support come first.').waitFor();
    await page.waitForFunction(() =>
      document.querySelector('#ideas-heading ~ ol h3')?.textContent?.includes('Safer crossings outside every school'),
    );
    await expectAccessible(page);
    await screenshots(page, 'campaign-common-ground');

    await page.getByRole('link', { name: 'How common ground works' }).click();
    await page.getByRole('heading', { level: 1, name: 'How common ground works' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'What it rewards' }).waitFor();
    await expectAccessible(page);
    await screenshots(page, 'common-ground');
    await context.close();
  });

  it('reads an idea: status and timeline, the official answer apart and signed, threaded comments', async () => {
    const { context, page } = await newPerson(suite.browser);
    await page.goto(`${suite.server.url}/campaigns/better-parks-for-summer`);
    await page.getByRole('link', { name: 'Shade over the Riverside playground' }).click();
    await page.getByRole('heading', { level: 1, name: 'Shade over the Riverside playground' }).waitFor();
    const response = page.getByRole('region', { name: 'Official response' });
    await response.getByText('Official response from City Parks Department').waitFor();
    await response.getByText(/Omar Okafor, for City Parks Department/).waitFor();
    await page.getByRole('region', { name: 'What happened' }).getByText('Accepted').waitFor();
    await page.getByRole('link', { name: 'Sign in to vote' }).waitFor();
    await expectAccessible(page);
    await screenshots(page, 'idea');

    // Share: where the device has no share sheet, a link to copy and an email link.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.url });
    const share = page.getByRole('button', { name: 'Share' });
    await share.click();
    expect(await share.getAttribute('aria-expanded')).toBe('true');
    const link = page.getByLabel('Link to this page');
    expect(await link.inputValue()).toBe(page.url());
    await page.getByRole('button', { name: 'Copy the link' }).click();
    await page.getByText('The link is copied.', { exact: false }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
    const mail = await page.getByRole('link', { name: 'Send it by email' }).getAttribute('href');
    expect(mail).toContain(encodeURIComponent(page.url()));
    await expectAccessible(page);

    await page.goto(`${suite.server.url}/campaigns/better-parks-for-summer`);
    await page.getByRole('link', { name: 'Plant fruit trees along the greenway' }).click();
    const thread = page.getByRole('region', { name: /Discussion/ });
    await thread.getByText('Yes, and benches under them.').waitFor();
    await thread.getByText('Benches would help older visitors too.').waitFor();
    await context.close();
  });

  it('reads the privacy notice, terms and accessibility statement from the footer and from sign-up', async () => {
    const { context, page } = await newPerson(suite.browser);
    await page.goto(suite.server.url);
    const footer = page.getByRole('navigation', { name: 'About this site' });
    await footer.getByRole('link', { name: 'Accessibility statement' }).click();
    await page.getByRole('heading', { level: 1, name: 'Accessibility statement' }).waitFor();
    await page.getByText(/WCAG\) 2\.2 at level AA/).waitFor();
    await expectAccessible(page);
    await footer.getByRole('link', { name: 'Terms of use' }).click();
    await page.getByRole('heading', { level: 1, name: 'Terms of use' }).waitFor();
    await page.goto(`${suite.server.url}/sign-up`);
    await page.getByRole('link', { name: 'privacy notice', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Privacy notice' }).waitFor();
    await screenshots(page, 'privacy');
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { level: 1, name: 'Aviso de privacidad' }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('Idioma').selectOption('en');
    await context.close();
  });

  it('keeps the keyboard’s place: focus goes to the new page’s heading, to new items, to what was said', async () => {
    const { context, page } = await newPerson(suite.browser);
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    const focusedTag = () => page.evaluate(() => document.activeElement?.tagName ?? '');
    await page.goto(suite.server.url);
    // A link within the app: focus goes to the new page's heading, not to the body.
    await page.getByRole('link', { name: 'Better parks for summer' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Better parks for summer' }).waitFor();
    await waitFor('the heading to take focus', async () => (await focused()) === 'Better parks for summer');
    expect(await focusedTag()).toBe('H1');

    // "Show more": focus goes to the first of the new ideas.
    const list = page.locator('#ideas-heading ~ ol > li');
    await waitFor('the first page of ideas', async () => (await list.count()) === 10);
    await page.getByRole('button', { name: 'Show more' }).click();
    await waitFor('the next page', async () => (await list.count()) === 16);
    await waitFor('the first new idea to take focus', async () =>
      page.evaluate(() => document.activeElement === document.querySelectorAll('#ideas-heading ~ ol > li')[10]),
    );

    // Signing in: back where she started, focus on that page's heading.
    await page.getByRole('link', { name: 'Sign in', exact: true }).click();
    await page.getByLabel('Email address').fill('lena@example.org');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/better-parks-for-summer/);
    await waitFor('the heading after signing in', async () => (await focused()) === 'Better parks for summer');

    // Sending a report: focus goes to the thanks.
    await page.getByRole('link', { name: 'Plant fruit trees along the greenway' }).click();
    await page.getByRole('button', { name: 'Report this idea' }).click();
    await page.getByText('Not about this consultation').click();
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.getByText('Thank you. The moderators will review it.').waitFor();
    await waitFor(
      'the thanks to take focus',
      async () => (await focused()) === 'Thank you. The moderators will review it.',
    );
    await context.close();
  });

  it('searches the ideas of every consultation from the home page', async () => {
    const { context, page } = await newPerson(suite.browser, 360);
    await page.goto(suite.server.url);
    const search = page.getByRole('search');
    await search.getByLabel('Search ideas in every consultation').fill('trees');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=trees/);
    const heading = page.getByRole('heading', { level: 2, name: /ideas? match “trees”/ });
    await heading.waitFor();
    expect(await heading.evaluate((node) => node === document.activeElement)).toBe(true);
    const results = page.getByRole('region', { name: /match “trees”/ });
    await results.getByRole('link', { name: 'Plant fruit trees along the greenway' }).waitFor();
    await results.getByRole('link', { name: 'Water new street trees in their first summers' }).waitFor();
    await results.getByRole('link', { name: 'Better parks for summer' }).first().waitFor();
    await expectAccessible(page);
    await screenshots(page, 'search');
    await page.getByLabel('Words to look for').fill('crossings school');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: 'Safer crossings outside every school' }).waitFor();
    await page.getByRole('link', { name: 'Streets for everyone' }).first().waitFor();
    await page.getByLabel('Words to look for').fill('xylophone');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('Try other words, or fewer of them.').waitFor();
    await context.close();
  });

  it('opens an author’s public page from a comment: their public ideas and comments, their join date', async () => {
    const { context, page } = await newPerson(suite.browser);
    await page.goto(`${suite.server.url}/campaigns/better-parks-for-summer`);
    await page.getByRole('link', { name: 'Plant fruit trees along the greenway' }).click();
    const reply = page.getByRole('article').filter({ hasText: 'Benches would help older visitors too.' });
    await reply.getByRole('link', { name: 'Lena Novak' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lena Novak' }).waitFor();
    await page.getByText(/^Joined on /).waitFor();
    const ideas = page.getByRole('region', { name: /ideas?$/ });
    await ideas.getByRole('link', { name: 'Step-free paths to every park entrance' }).waitFor();
    const comments = page.getByRole('region', { name: /comments?$/ });
    await comments.getByText('Benches would help older visitors too.').waitFor();
    expect(await page.getByText('@example.org').count()).toBe(0);
    await expectAccessible(page);
    await screenshots(page, 'profile');
    await comments.getByRole('link', { name: 'Plant fruit trees along the greenway' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plant fruit trees along the greenway' }).waitFor();
    await context.close();
  });

  it('works with the keyboard alone: skip link, links, language', async () => {
    const { context, page } = await newPerson(suite.browser);
    await page.goto(suite.server.url);
    await page.getByRole('link', { name: CAMPAIGN }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
    // Tab to the consultation's link and follow it.
    for (let i = 0; i < 10; i += 1) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent)) === CAMPAIGN) break;
    }
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: CAMPAIGN }).waitFor();

    await page.getByLabel('Language').selectOption('es');
    await page.getByText('Cómo funciona esta consulta').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await expectAccessible(page);
    await page.goto(`${suite.server.url}/no/such/page`);
    await page.getByRole('heading', { name: 'Página no encontrada' }).waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it('opens and closes the menu on a phone with the keyboard', async () => {
    const { context, page } = await newPerson(suite.browser, 360);
    await page.goto(suite.server.url);
    const menu = page.getByRole('button', { name: 'Menu', exact: true });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await menu.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Close menu×');
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'Sign in' }).waitFor({ state: 'hidden' });
    expect(await menu.evaluate((node) => node === document.activeElement)).toBe(true);
    await context.close();
  });

  it('signs up with a form that explains its errors, and keeps what was typed', async () => {
    const { context, page } = await newPerson(suite.browser);
    await page.goto(`${suite.server.url}/sign-up`);
    await page.getByLabel('Your name').fill('Nora Newcomer');
    await page.getByLabel('Email address').fill('not-an-email');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create an account' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.getByText('There is a problem').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('error-summary');
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.getByLabel('Your name').inputValue()).toBe('Nora Newcomer');
    await expectAccessible(page);
    await screenshots(page, 'sign-up-errors');

    await page.getByLabel('Email address').fill('nora@example.org');
    await page.getByLabel('Password').fill('a long enough passphrase');
    await page.getByRole('button', { name: 'Create an account' }).click();
    await page.getByText('Signed in as Nora Newcomer').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    await page.goto(`${suite.server.url}/sign-in`);
    await page.getByLabel('Email address').fill('nora@example.org');
    await page.getByLabel('Password').fill('the wrong passphrase');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The email address or password is not right.').waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it('comes back to where it started after signing in, from every way in', async () => {
    const { context, page } = await newPerson(suite.browser, 360);
    const title = 'Shade over the Riverside playground';
    await page.goto(`${suite.server.url}/campaigns/better-parks-for-summer`);
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('link', { name: 'Sign in to vote' }).click();
    await page.getByLabel('Email address').fill('lena@example.org');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText(/^Signed in as /).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/ideas\//);
    await context.close();

    // The header's link, from a consultation; and a forged return path stays on the site.
    const other = await newPerson(suite.browser);
    await other.page.goto(`${suite.server.url}/campaigns/better-parks-for-summer?sort=NEW`);
    await other.page.getByRole('link', { name: 'Sign in', exact: true }).click();
    await other.page.getByLabel('Email address').fill('lena@example.org');
    await other.page.getByLabel('Password').fill(DEMO_PASSWORD);
    await other.page.getByRole('button', { name: 'Sign in' }).click();
    await other.page.getByRole('heading', { level: 1, name: 'Better parks for summer' }).waitFor();
    expect(new URL(other.page.url()).search).toBe('?sort=NEW');
    await other.page.getByRole('button', { name: 'Sign out' }).click();
    await other.page.goto(`${suite.server.url}/sign-in?next=${encodeURIComponent('/\\evil.example')}`);
    await other.page.getByLabel('Email address').fill('lena@example.org');
    await other.page.getByLabel('Password').fill(DEMO_PASSWORD);
    await other.page.getByRole('button', { name: 'Sign in' }).click();
    await other.page.getByText(/^Signed in as /).waitFor();
    expect(new URL(other.page.url()).origin).toBe(suite.server.url);
    expect(new URL(other.page.url()).pathname).toBe('/');
    await other.context.close();
  });
});
