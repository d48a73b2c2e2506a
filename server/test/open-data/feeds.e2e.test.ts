import { SaxesParser } from 'saxes';
import type { TestApp } from '../support/app.js';
import { appWithPersonas, makeCampaign, makeIdea, type Personas } from '../support/factories.js';

const HIDE = 'mutation ($id: ID!, $reason: String!) { hideContent(targetId: $id, reason: $reason) { __typename } }';

/** The feed parsed as XML (it must be well-formed): its entries' titles and ids, and the feed's links. */
function readAtom(text: string) {
  const parser = new SaxesParser({ xmlns: true });
  const entries: Array<{ id: string; title: string; content: string }> = [];
  const links: string[] = [];
  let root = '';
  let path: string[] = [];
  let current: { id: string; title: string; content: string } | null = null;
  parser.on('opentag', (tag) => {
    if (!root) root = `${tag.uri} ${tag.local}`;
    path.push(tag.local);
    if (tag.local === 'entry') current = { id: '', title: '', content: '' };
    if (tag.local === 'link' && path.length === 2)
      links.push(`${tag.attributes.rel?.value} ${tag.attributes.href?.value}`);
  });
  parser.on('text', (value) => {
    const name = path[path.length - 1];
    if (current && (name === 'id' || name === 'title' || name === 'content')) current[name] += value;
  });
  parser.on('closetag', (tag) => {
    path = path.slice(0, -1);
    if (tag.local === 'entry' && current) {
      entries.push(current);
      current = null;
    }
  });
  parser.write(text).close();
  return { root, entries, links };
}

describe('Atom feeds', () => {
  let t: TestApp;
  let p: Personas;
  beforeAll(async () => ({ t, p } = await appWithPersonas()));
  afterAll(() => t.close());

  it("list a consultation's newest ideas and official answers, and nothing hidden", async () => {
    const c = await makeCampaign(t, p.agency);
    const first = await makeIdea(t, c, p.author, { title: 'Benches & <shade>', body: '**Please**' });
    const hidden = await makeIdea(t, c, p.author, { title: 'Hidden from the feed' });
    await t.gql(HIDE, { id: hidden.gid, reason: 'Spam' }, { token: p.moderator.token });
    await t.gql(
      'mutation ($input: PostOfficialResponseInput!) { postOfficialResponse(input: $input) { id } }',
      { input: { ideaId: first.gid, body: 'We will.', status: 'ACCEPTED' } },
      { token: p.official.token },
    );
    const response = await fetch(`${t.url}/campaigns/${c.slug}/feed.atom`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const feed = readAtom(await response.text());
    expect(feed.root).toBe('http://www.w3.org/2005/Atom feed');
    expect(feed.links).toEqual([
      expect.stringMatching(new RegExp(`^self https?://[^ ]+/campaigns/${c.slug}/feed\\.atom$`)),
      expect.stringMatching(new RegExp(`^alternate https?://[^ ]+/campaigns/${c.slug}$`)),
    ]);
    expect(feed.entries.map((e) => e.title)).toEqual([
      `${p.agency.name} answered: Benches & <shade> (accepted)`,
      'Benches & <shade>',
    ]);
    expect(feed.entries[1]!.content).toBe('<p><strong>Please</strong></p>\n');
    expect(new Set(feed.entries.map((e) => e.id)).size).toBe(2);
    expect(JSON.stringify(feed)).not.toContain('Hidden from the feed');
  });

  it('list new public consultations site-wide, never drafts', async () => {
    const open = await makeCampaign(t, p.agency);
    const draft = await makeCampaign(t, p.agency, { open: false });
    const response = await fetch(`${t.url}/feed.atom`);
    expect(response.status).toBe(200);
    const titles = readAtom(await response.text()).entries.map((e) => e.title);
    expect(titles).toContain(open.title);
    expect(titles).not.toContain(draft.title);
    expect((await fetch(`${t.url}/campaigns/${draft.slug}/feed.atom`)).status).toBe(404);
    expect((await fetch(`${t.url}/campaigns/no-such-thing/feed.atom`)).status).toBe(404);
  });
});
