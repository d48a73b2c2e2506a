import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { DEMO_PASSWORD, expectAccessible, expectProblem, newPerson, screenshots, signIn } from './support/journey.js';
import { browserSuite } from './support/suite.js';

describe('a civic developer', () => {
  // Webhooks to the test's own receiver on loopback, retried after a second.
  const suite = browserSuite({ WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true', WEBHOOK_RETRY_BASE_SECONDS: '1' });

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

  it('subscribes a webhook in the settings, gets a signed delivery, sees it listed, and deletes it', async () => {
    const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
    const receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        received.push({ headers: request.headers, body });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/consulta`;
    try {
      const { context, page } = await newPerson(suite.browser);
      await signIn(page, suite.server.url, 'lena@example.org');
      await page.goto(`${suite.server.url}/settings`);
      const hooks = page.getByRole('region', { name: 'Webhooks' });
      await hooks.getByText('You have no webhooks.').waitFor();
      await hooks.getByRole('button', { name: 'Create the webhook' }).click();
      await hooks.getByTestId('error-summary').getByRole('link', { name: 'Enter the address to send to.' }).waitFor();
      await hooks.getByLabel('Address (URL)').fill(hookUrl);
      // By keyboard, as the boxes are drawn by USWDS over the hidden inputs.
      await hooks.getByLabel('An idea is proposed').focus();
      await page.keyboard.press('Space');
      await hooks.getByLabel('An agency answers an idea').focus();
      await page.keyboard.press('Space');
      expect(await hooks.getByLabel('An idea is proposed').isChecked()).toBe(true);
      expect(await hooks.getByLabel('An agency answers an idea').isChecked()).toBe(false);
      expect(await hooks.getByLabel('Every public consultation').isChecked()).toBe(true);
      await hooks.getByRole('button', { name: 'Create the webhook' }).click();
      await hooks.getByText('Copy it now: it is shown only this once.').waitFor();
      const secret = (await hooks.getByTestId('new-webhook-secret').textContent())!.trim();
      expect(secret).toMatch(/^whsec_/);
      await hooks.getByRole('heading', { level: 3, name: hookUrl }).waitFor();
      await expectAccessible(page);

      // Someone proposes an idea through the API; the receiver gets it, signed.
      const gql = async (query: string, variables: Record<string, unknown>, token?: string) =>
        (
          await (
            await fetch(`${suite.server.url}/graphql`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
              body: JSON.stringify({ query, variables }),
            })
          ).json()
        ).data;
      const session = await gql('mutation ($input: SignInInput!) { signIn(input: $input) { token } }', {
        input: { email: 'carmen@example.org', password: DEMO_PASSWORD },
      });
      const open = await gql('{ campaigns(first: 1, statuses: [OPEN]) { edges { node { id } } } }', {});
      await gql(
        'mutation ($input: SubmitIdeaInput!) { submitIdea(input: $input) { id } }',
        {
          input: {
            campaignId: open.campaigns.edges[0].node.id,
            title: 'Drinking fountains at every playground',
            body: 'Children need water on hot days.',
          },
        },
        session.signIn.token,
      );
      for (let i = 0; i < 100 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(received).toHaveLength(1);
      const delivered = new Webhook(secret).verify(received[0]!.body, {
        'webhook-id': String(received[0]!.headers['webhook-id']),
        'webhook-timestamp': String(received[0]!.headers['webhook-timestamp']),
        'webhook-signature': String(received[0]!.headers['webhook-signature']),
      }) as { type: string; data: { idea: { title: string } } };
      expect(delivered.type).toBe('idea.submitted');
      expect(delivered.data.idea.title).toBe('Drinking fountains at every playground');

      await page.reload();
      const card = page.getByRole('region', { name: hookUrl });
      await card.getByRole('cell', { name: 'Delivered: HTTP 204' }).waitFor();
      await card.getByRole('cell', { name: 'An idea is proposed' }).waitFor();
      await expectAccessible(page);
      await card.scrollIntoViewIfNeeded();
      await screenshots(page, 'settings-webhooks');

      await card.getByRole('button', { name: /^Delete\W+http/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete this webhook?' });
      await dialog.getByRole('button', { name: 'Delete the webhook' }).click();
      await page.getByText(`The webhook for ${hookUrl} is deleted.`).waitFor();
      await hooks.getByText('You have no webhooks.').waitFor();
      await context.close();
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });

  it("sees a consultation framed on an agency's own site, the full pages still refusing to be framed", async () => {
    const slug = 'better-parks-for-summer';
    // Another origin: the agency's site, with the iframe the oEmbed answer proposes and one of a full page.
    const oembed = (await (
      await fetch(`${suite.server.url}/oembed?url=${encodeURIComponent(`${suite.server.url}/campaigns/${slug}`)}`)
    ).json()) as { html: string };
    const agencySite = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
        `<!doctype html><html lang="en"><head><title>City news</title></head><body><main><h1>City news</h1>
        ${oembed.html}
        <iframe id="full" title="The full page" src="${suite.server.url}/campaigns/${slug}"></iframe></main></body></html>`,
      );
    });
    await new Promise<void>((resolve) => agencySite.listen(0, 'localhost', resolve));
    try {
      const { context, page } = await newPerson(suite.browser, 360);
      const blocked: string[] = [];
      page.on('console', (message) => {
        if (/frame-ancestors|Refused to display/.test(message.text())) blocked.push(message.text());
      });
      await page.goto(`http://localhost:${(agencySite.address() as AddressInfo).port}/`);
      const frame = page.frameLocator(`iframe[src$="/embed/campaigns/${slug}"]`);
      await frame.getByRole('heading', { level: 1, name: 'Better parks for summer' }).waitFor();
      await frame.getByRole('heading', { level: 2, name: 'Most supported ideas' }).waitFor();
      const takePart = frame.getByRole('link', { name: /Take part on Consulta/ });
      expect(await takePart.getAttribute('href')).toBe(`${suite.server.url}/campaigns/${slug}`);
      expect(await takePart.getAttribute('target')).toBe('_blank');
      // The full page is refused inside the frame (frame-ancestors 'none').
      for (let i = 0; i < 50 && blocked.length === 0; i++) await page.waitForTimeout(100);
      expect(blocked.join('\n')).toMatch(/frame-ancestors/);
      // Chromium logs that refusal as a console error: it is what this test wants.
      expectProblem(/frame-ancestors 'none'/);
      await screenshots(page, 'embed-on-another-site');

      // The embed alone, as its own page: accessible, in English and in Spanish.
      await page.goto(`${suite.server.url}/embed/campaigns/${slug}`);
      await expectAccessible(page);
      await screenshots(page, 'embed');
      await page.goto(`${suite.server.url}/embed/campaigns/${slug}?lang=es`);
      await page.getByRole('link', { name: /Participe en Consulta/ }).waitFor();
      await expectAccessible(page);
      await context.close();
    } finally {
      await new Promise<void>((resolve) => agencySite.close(() => resolve()));
    }
  });
});
