import { startServer, type RunningServer } from './support/server.js';

/** Link previews are served by the built server with the built SPA, so this runs beside the browser tests. */
describe('link previews for shared pages', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.stop());

  const gql = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return ((await response.json()) as { data: any }).data;
  };
  const signIn = async (email: string) =>
    (
      await gql('mutation ($e: String!) { signIn(input: { email: $e, password: "consulta-demo-2026" }) { token } }', {
        e: email,
      })
    ).signIn.token as string;
  const page = async (path: string, accept = '*/*') => {
    const response = await fetch(`${server.url}${path}`, { headers: { accept } });
    return { status: response.status, html: await response.text() };
  };
  const ogTitle = (html: string) => /<meta property="og:title" content="([^"]*)"/.exec(html)?.[1];

  it('show an idea’s and a consultation’s own title and text, escaped, to crawlers that run no JavaScript', async () => {
    const campaign = (await gql('{ campaign(slug: "better-parks-for-summer") { id title } }')).campaign;
    const token = await signIn('carmen@example.org');
    const idea = (
      await gql(
        'mutation ($input: SubmitIdeaInput!) { submitIdea(input: $input) { id } }',
        {
          input: {
            campaignId: campaign.id,
            title: 'Benches <script>alert(1)</script> & "shade" for $& $\' $1',
            body: '**Two** benches.',
          },
        },
        token,
      )
    ).submitIdea;
    const ideaPage = await page(`/ideas/${idea.id}`);
    expect(ideaPage.status).toBe(200);
    expect(ogTitle(ideaPage.html)).toBe(
      'Benches &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;shade&quot; for $&amp; $&#39; $1 | Better parks for summer',
    );
    expect(ideaPage.html).toContain('<meta property="og:description" content="Two benches." />');
    expect(ideaPage.html).not.toContain('<script>alert(1)');
    expect(ideaPage.html.match(/<div id="root">/g)).toHaveLength(1);

    const campaignPage = await page('/campaigns/better-parks-for-summer', 'text/html');
    expect(ogTitle(campaignPage.html)).toBe('Better parks for summer');
    // Feed readers find the consultation's feed and the site's in the page's head.
    expect(campaignPage.html).toContain(
      '<link rel="alternate" type="application/atom+xml" title="Better parks for summer: ideas and answers" href="/campaigns/better-parks-for-summer/feed.atom" />',
    );
    expect(campaignPage.html).toContain(
      'type="application/atom+xml" title="Consulta: new consultations" href="/feed.atom"',
    );
    expect(campaignPage.html).toContain('<title>Better parks for summer</title>');
    // Content systems find the oEmbed endpoint, which proposes the consultation's embed.
    const oembed =
      /<link rel="alternate" type="application\/json\+oembed" title="Better parks for summer" href="([^"]+)" \/>/.exec(
        campaignPage.html,
      );
    expect(oembed).not.toBeNull();
    const href = oembed![1]!.replace(/&amp;/g, '&');
    expect(href).toBe(
      `${server.url}/oembed?format=json&url=${encodeURIComponent(`${server.url}/campaigns/better-parks-for-summer`)}`,
    );
    const answer = (await (await fetch(href)).json()) as { type: string; html: string };
    expect(answer.type).toBe('rich');
    expect(answer.html).toContain(`src="${server.url}/embed/campaigns/better-parks-for-summer"`);
  });

  it('give hidden, draft and missing things the same generic preview, and missing files a 404', async () => {
    const campaign = (await gql('{ campaign(slug: "better-parks-for-summer") { id } }')).campaign;
    const idea = (
      await gql(
        'mutation ($input: SubmitIdeaInput!) { submitIdea(input: $input) { id } }',
        { input: { campaignId: campaign.id, title: 'A secret idea to hide', body: 'Spam.' } },
        await signIn('dev@example.org'),
      )
    ).submitIdea;
    await gql(
      'mutation ($id: ID!) { hideContent(targetId: $id, reason: "Spam") { __typename } }',
      { id: idea.id },
      await signIn('moderator@example.org'),
    );
    const agencies = (await gql('{ agencies { id slug } }')).agencies as Array<{ id: string; slug: string }>;
    const draft = (
      await gql(
        'mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { slug status } }',
        {
          input: {
            agencyId: agencies.find((a) => a.slug === 'city-parks')!.id,
            title: 'An unannounced draft',
            summary: 'Not public yet, not even in previews.',
            body: 'Draft.',
          },
        },
        await signIn('parks.official@example.org'),
      )
    ).createCampaign;
    expect(draft.status).toBe('DRAFT');
    for (const path of [`/ideas/${idea.id}`, `/campaigns/${draft.slug}`, '/ideas/not-an-id', '/campaigns/nope']) {
      const { status, html } = await page(path);
      expect({ path, status, title: ogTitle(html) }).toEqual({ path, status: 200, title: 'Consulta' });
    }
    expect((await page('/assets/missing-1234.js')).status).toBe(404);
  });
});
