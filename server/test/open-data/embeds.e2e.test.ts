import { startTestApp, testConfig, type TestApp } from '../support/app.js';
import { makeCampaign, makeIdea, makePersonas, outcome, type Personas } from '../support/factories.js';

const SITE = 'http://consulta.test';

describe('embeds and oEmbed', () => {
  let t: TestApp;
  let p: Personas;
  beforeAll(async () => {
    t = await startTestApp({ config: { mail: { ...testConfig().mail, publicUrl: SITE } } });
    p = await makePersonas(t);
  });
  afterAll(() => t.close());

  const vote = (id: string, token: string) =>
    t.gql('mutation ($id: ID!) { castVote(input: { ideaId: $id, value: 1 }) { score } }', { id }, { token });

  it('show a public consultation compactly, top ideas first, framable by any site, linking to the full site', async () => {
    const campaign = await makeCampaign(t, p.agency);
    const first = await makeIdea(t, campaign, p.author, { title: 'Shade <trees> & benches' });
    const second = await makeIdea(t, campaign, p.author, { title: 'Water fountains' });
    const hidden = await makeIdea(t, campaign, p.author, { title: 'A hidden idea' });
    for (const person of [p.citizen, p.official, p.moderator])
      expect(outcome(await vote(first.gid, person.token))).toBe('OK');
    expect(outcome(await vote(second.gid, p.citizen.token))).toBe('OK');
    const hide = await t.gql(
      'mutation ($id: ID!) { hideContent(targetId: $id, reason: "Spam") { __typename } }',
      { id: hidden.gid },
      { token: p.moderator.token },
    );
    expect(outcome(hide)).toBe('OK');

    const response = await fetch(`${t.url}/embed/campaigns/${campaign.slug}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain('frame-ancestors *');
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    expect(response.headers.get('x-frame-options')).toBeNull();
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(`<h1>${campaign.title}</h1>`);
    expect(html).toContain('Shade &lt;trees&gt; &amp; benches');
    expect(html.indexOf('Shade &lt;trees&gt;')).toBeLessThan(html.indexOf('Water fountains'));
    expect(html).toContain('3 supports');
    expect(html).not.toContain('A hidden idea');
    expect(html).toContain(
      `href="${SITE}/campaigns/${campaign.slug}" target="_blank" rel="noopener">Take part on Consulta`,
    );
    expect(html).toContain(`href="${SITE}/ideas/${first.gid}"`);
    expect(html).not.toContain('<script');

    const spanish = await (
      await fetch(`${t.url}/embed/campaigns/${campaign.slug}`, { headers: { 'accept-language': 'es-ES,es;q=0.9' } })
    ).text();
    expect(spanish).toContain('<html lang="es">');
    expect(spanish).toContain('Participe en Consulta');
    expect(spanish).toContain('3 apoyos');
    expect(
      await (
        await fetch(`${t.url}/embed/campaigns/${campaign.slug}?lang=en`, { headers: { 'accept-language': 'es' } })
      ).text(),
    ).toContain('Take part on Consulta');
  });

  it('say "score" for up-and-down consultations', async () => {
    const campaign = await makeCampaign(t, p.agency, { votingMode: 'UP_DOWN' });
    await makeIdea(t, campaign, p.author, { title: 'Longer library hours' });
    const html = await (await fetch(`${t.url}/embed/campaigns/${campaign.slug}`)).text();
    expect(html).toContain('<h2>Ideas with the highest score</h2>');
    expect(html).toContain('score 0');
    expect(html).not.toContain('supports');
  });

  it('are 404 for drafts and unknown slugs; every other page still refuses to be framed', async () => {
    const draft = await makeCampaign(t, p.agency, { open: false });
    expect((await fetch(`${t.url}/embed/campaigns/${draft.slug}`)).status).toBe(404);
    expect((await fetch(`${t.url}/embed/campaigns/no-such-thing`)).status).toBe(404);
    for (const path of ['/health', '/feed.atom', '/open-data/datapackage.json', '/graphql']) {
      const response = await fetch(`${t.url}${path}`, { headers: { accept: 'text/html' } });
      expect([path, response.headers.get('x-frame-options')]).toEqual([path, 'DENY']);
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });

  it('answer oEmbed for a consultation link of this site', async () => {
    const campaign = await makeCampaign(t, p.agency);
    const url = encodeURIComponent(`${SITE}/campaigns/${campaign.slug}`);
    const response = await fetch(`${t.url}/oembed?url=${url}&maxwidth=360`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      version: '1.0',
      type: 'rich',
      provider_name: 'Consulta',
      provider_url: `${SITE}/`,
      title: campaign.title,
      width: 360,
      height: 520,
    });
    expect(body.html).toBe(
      `<iframe src="${SITE}/embed/campaigns/${campaign.slug}" width="360" height="520" title="${campaign.title}" loading="lazy" style="border:0;max-width:100%"></iframe>`,
    );
    expect((await fetch(`${t.url}/oembed?url=${url}&format=xml`)).status).toBe(501);
    const draft = await makeCampaign(t, p.agency, { open: false });
    for (const other of [
      `${SITE}/campaigns/${draft.slug}`,
      `https://elsewhere.example/campaigns/${campaign.slug}`,
      `${SITE}/ideas/whatever`,
      'not a url',
    ]) {
      const missing = await fetch(`${t.url}/oembed?url=${encodeURIComponent(other)}`);
      expect([other, missing.status]).toEqual([other, 404]);
    }
    expect((await fetch(`${t.url}/oembed`)).status).toBe(404);
  });
});

describe('embeds limited to named sites', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { embedAllowedOrigins: ['https://www.city.example', 'https://news.example'] } });
  });
  afterAll(() => t.close());

  it('name only those sites in frame-ancestors', async () => {
    const p = await makePersonas(t);
    const campaign = await makeCampaign(t, p.agency);
    const response = await fetch(`${t.url}/embed/campaigns/${campaign.slug}`);
    expect(response.headers.get('content-security-policy')).toContain(
      'frame-ancestors https://www.city.example https://news.example',
    );
  });

  it('refuse a misconfigured EMBED_ALLOWED_ORIGINS at start', async () => {
    const { loadConfig } = await import('../../src/config/config.js');
    expect(() => loadConfig({ EMBED_ALLOWED_ORIGINS: 'www.city.example' })).toThrow(/EMBED_ALLOWED_ORIGINS/);
    expect(() => loadConfig({ EMBED_ALLOWED_ORIGINS: 'https://city.example/path' })).toThrow(/EMBED_ALLOWED_ORIGINS/);
    expect(
      loadConfig({ EMBED_ALLOWED_ORIGINS: 'https://city.example/, https://b.example:8443' }).embedAllowedOrigins,
    ).toEqual(['https://city.example', 'https://b.example:8443']);
    expect(loadConfig({}).embedAllowedOrigins).toEqual(['*']);
  });
});
