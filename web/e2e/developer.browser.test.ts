import { expectAccessible, newPerson, screenshots, signIn } from './support/journey.js';
import { browserSuite } from './support/suite.js';

describe('a civic developer', () => {
  const suite = browserSuite();

  const viewerWith = async (token: string) => {
    const response = await fetch(`${suite.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ viewer { user { displayName } } }' }),
    });
    return ((await response.json()) as { data: { viewer: { user: { displayName: string } } | null } }).data.viewer;
  };

  it('makes a read-only token in the settings, uses it from an app, sees it used, and revokes it', async () => {
    const { context, page } = await newPerson(suite.browser);
    await signIn(page, suite.server.url, 'dev@example.org');
    await page.goto(`${suite.server.url}/settings`);
    const tokens = page.getByRole('region', { name: 'API tokens' });
    await tokens.getByText('You have no API tokens.').waitFor();
    await tokens.getByRole('button', { name: 'Create the token' }).click();
    await tokens.getByTestId('error-summary').getByRole('link', { name: 'Give the token a name.' }).waitFor();
    await tokens.getByLabel('Name').fill('Neighbourhood map');
    await tokens.getByText('Read only').click();
    await tokens.getByRole('button', { name: 'Create the token' }).click();
    await tokens.getByText('Copy it now: it is shown only this once.').waitFor();
    const token = (await tokens.getByTestId('new-token').textContent())!.trim();
    expect(token).toMatch(/^cst_/);
    await expectAccessible(page);
    await screenshots(page, 'settings-api-tokens');

    // The app reads as Dev; the settings then show when the token was last used.
    expect(await viewerWith(token)).toEqual({ user: { displayName: 'Dev Patel' } });
    await page.reload();
    const row = page.getByRole('row', { name: /Neighbourhood map/ });
    await row.getByRole('cell', { name: 'Read only' }).waitFor();
    expect(await row.getByRole('cell', { name: 'Never' }).count()).toBe(0);

    await row.getByRole('button', { name: /^Revoke\W+Neighbourhood map$/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke “Neighbourhood map”?' });
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Revoke the token' }).click();
    await page.getByText('The token “Neighbourhood map” is revoked.').waitFor();
    await page.getByText('You have no API tokens.').waitFor();
    expect(await viewerWith(token)).toBeNull();
    await context.close();
  });

  it('opens /graphql in a browser, is sent to the developer page, reads it in English and Spanish', async () => {
    const { context, page } = await newPerson(suite.browser, 360);
    await page.goto(`${suite.server.url}/graphql`);
    await page.getByRole('heading', { level: 1, name: "This is Consulta's GraphQL API" }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'developer page' }).click();
    await page.getByRole('heading', { level: 1, name: 'Build on Consulta' }).waitFor();
    await page.getByRole('region', { name: 'Acting for a person: API tokens' }).waitFor();
    await page
      .getByLabel('Example: the open consultations')
      .getByText(/curl -s http/)
      .waitFor();
    await expectAccessible(page);
    await screenshots(page, 'developers');
    // The schema it links is the API's own, as SDL.
    const href = await page.getByRole('link', { name: 'Download the schema (GraphQL SDL)' }).getAttribute('href');
    const sdl = await (await fetch(`${suite.server.url}${href}`)).text();
    expect(sdl).toContain('type Query {');
    expect(sdl).toContain('createApiToken(input: CreateApiTokenInput!): CreatedApiToken!');
    // The example query works as written.
    const example = await fetch(`${suite.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ campaigns(first: 5, statuses: [OPEN]) { edges { node { slug title ideaCount } } } }',
      }),
    });
    expect(((await example.json()) as any).data.campaigns.edges.length).toBeGreaterThan(0);
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { level: 1, name: 'Construya sobre Consulta' }).waitFor();
    await expectAccessible(page);
    await context.close();
  });
});
