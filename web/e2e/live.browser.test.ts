import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, expectAccessible, newPerson, signIn } from './support/journey.js';
import { browserSuite } from './support/suite.js';

/** A demo person's session token, by the API (as a second device would sign in). */
async function tokenOf(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation ($email: String!, $password: String!) { signIn(input: { email: $email, password: $password }) { token } }`,
      variables: { email, password: DEMO_PASSWORD },
    }),
  });
  return ((await response.json()) as any).data.signIn.token as string;
}

async function api(url: string, token: string, query: string, variables: object = {}): Promise<any> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return ((await response.json()) as any).data;
}

/** Carmen supports the idea from her phone (the API), while the page under test stays open. */
async function castSupport(url: string, ideaId: string): Promise<void> {
  const voter = await tokenOf(url, 'carmen@example.org');
  await api(url, voter, 'mutation ($id: ID!) { castVote(input: { ideaId: $id, value: 1 }) { id } }', { id: ideaId });
}

const supportsOn = (page: Page) => page.getByTestId('vote-control').locator('[aria-live="polite"]');

describe('live updates in the web app', () => {
  const suite = browserSuite();
  let ideas: Array<{ id: string; upvotes: number }>;

  beforeAll(async () => {
    const token = await tokenOf(suite.server.url, 'carmen@example.org');
    const data = await api(
      suite.server.url,
      token,
      '{ campaign(slug: "better-parks-for-summer") { ideas(first: 20, sort: NEW) { edges { node { id upvotes viewerVote } } } } }',
    );
    ideas = data.campaign.ideas.edges.map((edge: any) => edge.node).filter((idea: any) => idea.viewerVote === null);
  });

  it('an idea page shows another person’s support at once, announced politely, without reloading', async () => {
    const { page, context } = await newPerson(suite.browser, 360);
    await signIn(page, suite.server.url, 'lena@example.org');
    const idea = ideas[0]!;
    await page.goto(`${suite.server.url}/ideas/${idea.id}`);
    const supports = supportsOn(page);
    await supports.waitFor();
    const before = await supports.textContent();
    await page.waitForTimeout(500);
    await castSupport(suite.server.url, idea.id);
    // Well inside the page's 10-second poll: this came over the socket.
    await page
      .getByTestId('vote-control')
      .getByText(`${idea.upvotes + 1} support`)
      .waitFor({ timeout: 4000 });
    expect(await supports.textContent()).not.toBe(before);
    await expectAccessible(page);
    await context.close();
  });

  it('a campaign page’s list follows votes as they happen', async () => {
    const { page, context } = await newPerson(suite.browser);
    const idea = ideas[2]!;
    await page.goto(`${suite.server.url}/campaigns/better-parks-for-summer?sort=NEW`);
    const item = page.getByRole('listitem').filter({ has: page.locator(`a[href="/ideas/${idea.id}"]`) });
    await item.getByTestId('vote-control').waitFor();
    await page.waitForTimeout(500);
    await castSupport(suite.server.url, idea.id);
    // The campaign page does not poll: only the subscription can bring this.
    await item
      .getByTestId('vote-control')
      .getByText(`${idea.upvotes + 1} support`)
      .waitFor({ timeout: 4000 });
    await context.close();
  });

  it('signing in and out reconnects live updates as the new person, with no console errors', async () => {
    const { page, context } = await newPerson(suite.browser);
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (['error', 'warning'].includes(message.type())) problems.push(`${message.type()}: ${message.text()}`);
    });
    // A new idea by Dev, which neither Lena nor Carmen has supported yet.
    const dev = await tokenOf(suite.server.url, 'dev@example.org');
    const campaign = await api(suite.server.url, dev, '{ campaign(slug: "better-parks-for-summer") { id } }');
    const submitted = await api(
      suite.server.url,
      dev,
      'mutation ($input: SubmitIdeaInput!) { submitIdea(input: $input) { id upvotes } }',
      {
        input: {
          campaignId: campaign.campaign.id,
          title: 'Drinking fountains at every playground',
          body: 'Kids get thirsty in summer.',
        },
      },
    );
    const idea = submitted.submitIdea as { id: string; upvotes: number };
    // Signed out, the idea page's subscription opens a socket as nobody.
    await page.goto(`${suite.server.url}/ideas/${idea.id}`);
    await supportsOn(page).waitFor();
    await page.waitForTimeout(500);
    await page.getByRole('link', { name: 'Sign in to vote' }).click();
    await page.getByLabel('Email address').fill('lena@example.org');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const support = page.getByRole('button', { name: /^Support\W/ });
    await support.click();
    await page.getByRole('button', { name: /^Supported\W/ }).waitFor();
    // Another person's vote arrives live; it is resolved for Lena, so her own support still shows.
    await castSupport(suite.server.url, idea.id);
    await page
      .getByTestId('vote-control')
      .getByText(`${idea.upvotes + 2} supports`)
      .waitFor({ timeout: 4000 });
    expect(await page.getByRole('button', { name: /^Supported\W/ }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).first().waitFor();
    // A console visited directly, as an official.
    await signIn(page, suite.server.url, 'parks.official@example.org');
    await page.goto(`${suite.server.url}/console`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('falls back to polling when the WebSocket cannot open', async () => {
    const { page, context } = await newPerson(suite.browser);
    await context.routeWebSocket(/\/graphql$/, (socket) => socket.close({ code: 1011, reason: 'blocked by the test' }));
    const idea = ideas[1]!;
    await page.goto(`${suite.server.url}/ideas/${idea.id}`);
    await supportsOn(page).waitFor();
    await castSupport(suite.server.url, idea.id);
    await page
      .getByTestId('vote-control')
      .getByText(`${idea.upvotes + 1} support`)
      .waitFor({ timeout: 15000 });
    await context.close();
  });
});
