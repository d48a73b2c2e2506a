import { AgencyRole } from '@consulta/shared';
import { DatabaseService } from '../../src/database/database.service.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeAgency, makeCampaign, makeMember, makeUser } from '../support/factories.js';

const SEARCH = `query ($q: String!, $c: ID, $after: String, $first: Int = 4) {
  searchIdeas(query: $q, campaignId: $c, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { title } } } }`;
const IN_CAMPAIGN = `query ($id: ID!, $q: String!, $after: String) {
  campaign(id: $id) { ideas(search: $q, first: 4, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { title viewerVote } } } } }`;

/** A fixed corpus: the two ideas about shade trees for the park say so in their titles. */
const CORPUS: Array<[string, string]> = [
  ['Plant trees along the park paths', 'Shade for walkers in summer.'],
  ['Shade trees in the park', 'The park needs trees near the playground.'],
  ['Repaint the crossings', 'The park by the school has no trees; plant trees in the park, the park is bare.'],
  ['More benches', 'Benches under the trees of the park.'],
  ['Park lighting', 'Lamps between the trees.'],
  ['Library hours', 'Open the library on Sundays.'],
  // Its text alone ranks higher than any title match (2.54), but its title lacks "park".
  ['Tree survey', 'Count the park trees: park trees here, park trees there, park trees everywhere.'],
  ...Array.from({ length: 9 }, (_, n): [string, string] => [`Other idea ${n}`, `A tree or two for park corner ${n}.`]),
];

describe('search ranking', () => {
  let t: TestApp;
  let campaignGid: string;
  beforeAll(async () => {
    t = await startTestApp();
    const agency = await makeAgency(t);
    const campaign = await makeCampaign(t, agency);
    campaignGid = campaign.gid;
    const author = await makeUser(t);
    const db = t.app.get(DatabaseService).dataSource;
    for (const [title, body] of CORPUS) {
      await db.query(
        `INSERT INTO ideas (campaign_id, author_id, title, body, body_html, hot) VALUES ($1, $2, $3, $4, '<p>b</p>', 0)`,
        [campaign.id, author.user.id, title, body],
      );
    }
  });
  afterAll(() => t.close());

  /** Every page of a search, four at a time, as the client pages it. */
  async function allPages(read: (after: string | null) => Promise<any>) {
    const titles: string[][] = [];
    let after: string | null = null;
    let totalCount: number;
    do {
      const page = await read(after);
      if (!page) throw new Error(t.logs.filter((line) => line.includes('error')).join('\n'));
      totalCount = page.totalCount;
      titles.push(page.edges.map((edge: any) => edge.node.title));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return { titles, totalCount };
  }

  it('puts the ideas whose title holds every word first, then the rest by rank, each once across pages', async () => {
    const { titles, totalCount } = await allPages(
      async (after) => (await t.gql(SEARCH, { q: 'park trees', c: campaignGid, after })).data?.searchIdeas,
    );
    const seen = titles.flat();
    // Titles holding both words first, then by ts_rank_cd (0.53, 0.33; then 2.54, 0.2, 0.13, 0.11, and 0.1).
    expect(seen.slice(0, 6)).toEqual([
      'Shade trees in the park',
      'Plant trees along the park paths',
      'Tree survey',
      'Repaint the crossings',
      'More benches',
      'Park lighting',
    ]);
    expect(seen).not.toContain('Library hours');
    expect(seen).toHaveLength(new Set(seen).size);
    expect(seen).toHaveLength(15);
    expect(totalCount).toBe(15);
    expect(titles.length).toBe(4);
  });

  it('ranks a campaign list searched for words the same way, with the viewer columns', async () => {
    const viewer = await makeUser(t);
    const { titles, totalCount } = await allPages(
      async (after) =>
        (await t.gql(IN_CAMPAIGN, { id: campaignGid, q: 'park trees', after }, { token: viewer.token })).data!.campaign
          .ideas,
    );
    const seen = titles.flat();
    expect(seen.slice(0, 2)).toEqual(['Shade trees in the park', 'Plant trees along the park paths']);
    expect(seen).toHaveLength(15);
    expect(new Set(seen).size).toBe(15);
    expect(totalCount).toBe(15);
  });

  it('pages within the title matches when they fill more than a page', async () => {
    const { titles } = await allPages(
      async (after) => (await t.gql(SEARCH, { q: 'park', c: campaignGid, after, first: 2 })).data!.searchIdeas,
    );
    const seen = titles.flat();
    expect(titles.length).toBe(8);
    // Three titles hold "park"; the other twelve matches say it in their text.
    expect(new Set(seen.slice(0, 3))).toEqual(
      new Set(['Plant trees along the park paths', 'Shade trees in the park', 'Park lighting']),
    );
    expect(seen).toHaveLength(15);
    expect(new Set(seen).size).toBe(15);
  });

  it('leaves out an idea whose title holds the words when its text holds a word the query excludes', async () => {
    const titles = async (q: string) =>
      (await t.gql(SEARCH, { q, c: campaignGid, first: 20 })).data!.searchIdeas.edges.map(
        (edge: any) => edge.node.title,
      );
    // "Shade trees in the park" says "playground" in its text, "Plant trees along the park paths" does not.
    const without = await titles('park trees -playground');
    expect(without[0]).toBe('Plant trees along the park paths');
    expect(without).not.toContain('Shade trees in the park');
    expect(await titles('lighting')).toEqual(['Park lighting']);
    expect(await titles('lighting -lamps')).toEqual([]);
    // Either word, in the title or the text: both title matches first.
    expect((await titles('paths or lighting')).sort()).toEqual(['Park lighting', 'Plant trees along the park paths']);
  });

  it('finds an idea of a draft campaign only for the people of its agency', async () => {
    const agency = await makeAgency(t);
    const draft = await makeCampaign(t, agency, { open: false });
    const author = await makeUser(t);
    await t.app
      .get(DatabaseService)
      .dataSource.query(
        `INSERT INTO ideas (campaign_id, author_id, title, body, body_html, hot) VALUES ($1, $2, 'Quokka draft idea', 'b', '<p>b</p>', 0)`,
        [draft.id, author.user.id],
      );
    const official = await makeMember(t, agency, AgencyRole.OFFICIAL);
    const titles = async (token?: string) =>
      (await t.gql(SEARCH, { q: 'quokka' }, { token })).data!.searchIdeas.edges.map((edge: any) => edge.node.title);
    expect(await titles()).toEqual([]);
    expect(await titles(author.token)).toEqual([]);
    expect(await titles(official.token)).toEqual(['Quokka draft idea']);
  });

  it('refuses a cursor whose tier is neither', async () => {
    const forged = Buffer.from(
      JSON.stringify(['search-ranked', 2, 0.5, '00000000-0000-4000-8000-000000000000']),
    ).toString('base64url');
    const result = await t.gql(SEARCH, { q: 'park', c: campaignGid, after: forged });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
