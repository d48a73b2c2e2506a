import { TitleTermPairs1795996000000 } from '../../../migrations/1795996000000-title-term-pairs.js';
import { DatabaseService } from '../../src/database/database.service.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeAgency, makeCampaign, makeIdea, makeUser, type TestUser } from '../support/factories.js';

const SEARCH = `query ($q: String!, $c: ID, $after: String, $first: Int = 3) {
  searchIdeas(query: $q, campaignId: $c, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { title } } } }`;
const UPDATE = 'mutation ($input: UpdateIdeaInput!) { updateIdea(input: $input) { id title } }';

/**
 * Words no other test uses. A search of one campaign reads title matches from the title index and ranks them
 * all; a search of every campaign for one word or two reads them best first from idea_title_terms. Both must
 * give the same pages, in the same order, with cursors that carry on the same way.
 */
const CORPUS: Array<[string, string]> = [
  ['Quillwort ponds', 'Quillwort grows where the ponds are shallow.'],
  ['Quillwort survey', 'Count it.'],
  ['Protect the quillwort', 'Quillwort, quillwort everywhere: quillwort by the water.'],
  ['Quillworts at the lake', 'More ponds.'],
  ['Pond signs', 'Tell people about quillwort.'],
  ['Quillwort and ponds walk', 'A walk past the ponds.'],
  ...Array.from({ length: 5 }, (_, n): [string, string] => [`Quillwort patch ${n}`, `Patch ${n} of the ponds.`]),
  ['Benches', 'Nothing about that plant.'],
];

/** Titles that hold both words, or one, or one in the title and the other in the text (the second tier). */
const PAIRS: Array<[string, string]> = [
  ['Sedge marsh', 'Sedge, sedge and a marsh.'],
  ['Marsh sedge meadow', 'Marsh.'],
  ['Sedge by the marsh', 'Sedges, marshes: sedge marsh, marsh sedge.'],
  ['Marshes and sedges', 'Nothing else.'],
  ...Array.from({ length: 4 }, (_, n): [string, string] => [`Sedge marsh patch ${n}`, `Marsh ${n}.`.repeat(n + 1)]),
  ['Sedge alone', 'A marsh in the text only.'],
  ['Marsh alone', 'Nothing else.'],
];

describe('one- and two-word search from title terms', () => {
  let t: TestApp;
  let campaign: { id: string; gid: string };
  let author: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    campaign = await makeCampaign(t, await makeAgency(t));
    author = await makeUser(t);
    for (const [title, body] of CORPUS) await makeIdea(t, campaign, author, { title, body });
  });
  afterAll(() => t.close());

  const db = () => t.app.get(DatabaseService).dataSource;

  /** Every page's titles and the total, `first` at a time, as a client pages them. */
  async function pages(q: string, c?: string) {
    const seen: string[][] = [];
    let after: string | null = null;
    let totalCount: number;
    do {
      const result: { data?: any; errors?: unknown } = await t.gql(SEARCH, { q, c, after });
      const page: any = result.data?.searchIdeas;
      if (!page) throw new Error(JSON.stringify(result.errors));
      totalCount = page.totalCount;
      seen.push(page.edges.map((edge: any) => edge.node.title));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return { seen, totalCount };
  }

  /** Each idea's kept terms against what its title and search vector say now: no row may differ. */
  async function drift(): Promise<unknown[]> {
    return db().query(`
      WITH lexemes AS (
        SELECT i.id, i.search, l FROM ideas i, unnest(tsvector_to_array(to_tsvector('english', i.title))) l
         WHERE l ~ '^[[:alnum:]]+$'),
      expected AS (
        SELECT id AS idea_id, l AS terms, ts_rank_cd(search, quote_literal(l)::tsquery) AS rank FROM lexemes
        UNION ALL
        SELECT a.id, a.l || ' ' || b.l, ts_rank_cd(a.search, (quote_literal(a.l) || ' & ' || quote_literal(b.l))::tsquery)
          FROM lexemes a JOIN lexemes b ON b.id = a.id AND a.l COLLATE "C" < b.l COLLATE "C")
      (SELECT * FROM expected EXCEPT SELECT idea_id, terms, rank FROM idea_title_terms)
      UNION ALL
      (SELECT idea_id, terms, rank FROM idea_title_terms EXCEPT SELECT * FROM expected)`);
  }

  it('gives the pages of the title index, in its order, for one word, a word twice and two forms of it', async () => {
    const inCampaign = await pages('quillwort', campaign.gid);
    // Ten titles hold the word (one as "Quillworts"); "Pond signs" says it in its text only.
    expect(inCampaign.seen.flat().slice(0, 10)).toHaveLength(10);
    expect(inCampaign.seen.flat()[10]).toBe('Pond signs');
    expect(inCampaign.totalCount).toBe(11);
    for (const q of ['quillwort', 'Quillwort quillwort', 'quillworts quillwort']) {
      expect(await pages(q)).toEqual(inCampaign);
    }
    // The idea whose text says the word most ranks first among the title matches.
    expect(inCampaign.seen[0]![0]).toBe('Protect the quillwort');
  });

  it('gives the pages of the title index for two words, in any order, repeated or in other forms', async () => {
    for (const [title, body] of PAIRS) await makeIdea(t, campaign, author, { title, body });
    const inCampaign = await pages('sedge marsh', campaign.gid);
    // Eight titles hold both words; "Sedge alone" holds the second in its text only.
    expect(inCampaign.seen.flat()).toHaveLength(9);
    expect(inCampaign.seen.flat()[8]).toBe('Sedge alone');
    expect(inCampaign.seen.flat()[0]).toBe('Sedge by the marsh');
    for (const q of ['sedge marsh', 'Marsh sedge', 'marshes sedges sedge', 'sedge marsh marsh sedge']) {
      expect(await pages(q)).toEqual(inCampaign);
    }
    // Three words, and two of which one is excluded, keep the title index's plan.
    expect(await pages('sedge marsh meadow')).toEqual(await pages('sedge marsh meadow', campaign.gid));
    expect((await pages('sedge marsh meadow')).seen.flat()).toEqual(['Marsh sedge meadow']);
    expect((await pages('sedge -marsh')).seen.flat()).toEqual([]);
    // The pair's row is what is read: without it an idea drops out of the search of every campaign only.
    const [{ id }] = await db().query("SELECT id FROM ideas WHERE title = 'Marsh sedge meadow'");
    const where = "idea_id = $1 AND terms = 'marsh sedg'";
    const [pair] = await db().query(`SELECT * FROM idea_title_terms WHERE ${where}`, [id]);
    expect(pair).toBeDefined();
    await db().query(`DELETE FROM idea_title_terms WHERE ${where}`, [id]);
    try {
      expect((await pages('sedge marsh')).seen.flat()).not.toContain('Marsh sedge meadow');
      expect((await pages('sedge marsh', campaign.gid)).seen.flat()).toContain('Marsh sedge meadow');
    } finally {
      await db().query('INSERT INTO idea_title_terms (idea_id, terms, rank) VALUES ($1, $2, $3)', [
        id,
        pair.terms,
        pair.rank,
      ]);
    }
    expect(await drift()).toEqual([]);
  });

  it('reads those title matches from idea_title_terms (an idea without its terms is not found there)', async () => {
    const [{ id }] = await db().query("SELECT id FROM ideas WHERE title = 'Quillwort survey'");
    const kept = await db().query('SELECT * FROM idea_title_terms WHERE idea_id = $1', [id]);
    expect(kept.length).toBeGreaterThan(0);
    await db().query('DELETE FROM idea_title_terms WHERE idea_id = $1', [id]);
    try {
      expect((await pages('quillwort')).seen.flat()).not.toContain('Quillwort survey');
      expect((await pages('quillwort', campaign.gid)).seen.flat()).toContain('Quillwort survey');
    } finally {
      for (const row of kept)
        await db().query('INSERT INTO idea_title_terms (idea_id, terms, rank) VALUES ($1, $2, $3)', [
          row.idea_id,
          row.terms,
          row.rank,
        ]);
    }
    expect(await drift()).toEqual([]);
  });

  it('keeps each title lexeme and its rank through every write: new ideas, edits, votes, deletion', async () => {
    expect(await drift()).toEqual([]);
    const idea = await makeIdea(t, campaign, author, { title: 'Duckweed ponds', body: 'Duckweed and quillwort.' });
    expect((await pages('duckweed')).seen.flat()).toEqual(['Duckweed ponds']);
    const renamed = await t.gql(
      UPDATE,
      { input: { id: idea.gid, title: 'Frogbit ponds', body: 'Frogbit, frogbit.' } },
      { token: author.token },
    );
    expect(renamed.errors).toBeUndefined();
    expect((await pages('duckweed')).seen.flat()).toEqual([]);
    expect((await pages('frogbit')).seen.flat()).toEqual(['Frogbit ponds']);
    expect((await pages('ponds frogbit')).seen.flat()).toEqual(['Frogbit ponds']);
    expect((await pages('duckweed ponds')).seen.flat()).toEqual([]);
    // A body edit alone changes the rank kept for the title's words.
    await t.gql(UPDATE, { input: { id: idea.gid, body: 'Frogbit.' } }, { token: author.token });
    await db().query('UPDATE ideas SET upvotes = upvotes + 1, score = score + 1 WHERE id = $1', [idea.id]);
    expect(await drift()).toEqual([]);
    await db().query('DELETE FROM ideas WHERE id = $1', [idea.id]);
    expect(await db().query('SELECT 1 FROM idea_title_terms WHERE idea_id = $1', [idea.id])).toEqual([]);
    expect((await pages('frogbit')).seen.flat()).toEqual([]);
  });

  it('leaves out hidden and withdrawn ideas, as the title index does', async () => {
    const hidden = await makeIdea(t, campaign, author, { title: 'Bladderwort hidden', body: 'b' });
    const withdrawn = await makeIdea(t, campaign, author, { title: 'Bladderwort withdrawn', body: 'b' });
    await makeIdea(t, campaign, author, { title: 'Bladderwort shown', body: 'b' });
    await db().query("UPDATE ideas SET visibility = 'HIDDEN', hidden_reason = 'spam' WHERE id = $1", [hidden.id]);
    await db().query("UPDATE ideas SET status = 'WITHDRAWN' WHERE id = $1", [withdrawn.id]);
    expect((await pages('bladderwort')).seen.flat()).toEqual(['Bladderwort shown']);
    expect(await pages('bladderwort')).toEqual(await pages('bladderwort', campaign.gid));
  });

  it('answers other queries as before: phrases, excluded words, either word, compound words', async () => {
    await makeIdea(t, campaign, author, { title: 'Water-starwort ponds', body: 'Starwort.' });
    const titles = async (q: string) => (await pages(q)).seen.flat();
    expect(await titles('water-starwort')).toEqual(['Water-starwort ponds']);
    expect(await titles('"quillwort ponds"')).toEqual(['Quillwort ponds']);
    expect(await titles('quillwort -ponds')).not.toContain('Quillwort ponds');
    expect((await titles('frogbit or starwort')).sort()).toEqual(['Water-starwort ponds']);
  });

  it("keeps the search indexes' pending lists short, so a search never reads thousands of unmerged entries", async () => {
    const options = await db().query(
      `SELECT relname, reloptions FROM pg_class WHERE relname IN ('ideas_search_idx', 'ideas_title_search_idx') ORDER BY relname`,
    );
    expect(options).toEqual([
      { relname: 'ideas_search_idx', reloptions: ['gin_pending_list_limit=64'] },
      { relname: 'ideas_title_search_idx', reloptions: ['gin_pending_list_limit=64'] },
    ]);
  });

  it('writes the pairs of ideas that were there before it, in batches, and takes them away again', async () => {
    // More ideas than one batch of the backfill holds, written without the app.
    await db().query(
      `INSERT INTO ideas (campaign_id, author_id, title, body, body_html, hot)
       SELECT $1, $2, 'Fern ' || n || ' moss', 'Body', '<p>Body</p>', 0 FROM generate_series(1, 2500) n`,
      [campaign.id, author.user.id],
    );
    const pairs = async () =>
      (await db().query("SELECT count(*)::int AS n FROM idea_title_terms WHERE terms LIKE '% %'"))[0].n as number;
    const before = await pairs();
    const migration = new TitleTermPairs1795996000000();
    const runner = db().createQueryRunner();
    try {
      await migration.down(runner);
      const left = await db().query("SELECT count(*)::int AS n FROM idea_title_terms WHERE lexeme LIKE '% %'");
      expect(left).toEqual([{ n: 0 }]);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    // Each "Fern n moss" keeps three pairs: fern moss, fern n, moss n.
    expect(before).toBeGreaterThanOrEqual(3 * 2500);
    expect(await pairs()).toBe(before);
    expect(await drift()).toEqual([]);
    const found: any = (await t.gql(SEARCH, { q: 'moss fern' })).data?.searchIdeas;
    expect(found.totalCount).toBe(2500);
    expect(found.edges.map((edge: any) => edge.node.title)).toEqual([
      expect.stringMatching(/^Fern \d+ moss$/),
      expect.anything(),
      expect.anything(),
    ]);
    await db().query("DELETE FROM ideas WHERE title LIKE 'Fern % moss'");
  });
});
