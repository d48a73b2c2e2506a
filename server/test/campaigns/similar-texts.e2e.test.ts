import { SimilarTexts1795998000000 } from '../../../migrations/1795998000000-similar-texts.js';
import { DatabaseService } from '../../src/database/database.service.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeAgency, makeCampaign, makeIdea, makeUser, type TestUser } from '../support/factories.js';

const SIMILAR = `query ($c: ID!, $text: String!, $first: Int) {
  similarIdeas(campaignId: $c, text: $text, first: $first) { id title } }`;
const UPDATE = 'mutation ($input: UpdateIdeaInput!) { updateIdea(input: $input) { id title } }';
const CAST = 'mutation ($id: ID!) { castVote(input: { ideaId: $id, value: 1 }) { id } }';

/** A corpus in the bench's manner: few words, each in many titles and bodies. */
const WORDS = ['pond', 'reed', 'heron', 'willow', 'path', 'bridge', 'meadow', 'orchard'];
const corpus = (n: number): [string, string] => [
  `${WORDS[n % 8]} and ${WORDS[Math.floor(n / 8) % 8]} plan ${n}`,
  `We need more ${WORDS[Math.floor(n / 3) % 8]} near the ${WORDS[Math.floor(n / 5) % 8]}.`,
];

describe('similar ideas from their own texts', () => {
  let t: TestApp;
  let campaign: { id: string; gid: string };
  let author: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    campaign = await makeCampaign(t, await makeAgency(t), { votingMode: 'UP_DOWN' });
    author = await makeUser(t);
    for (let n = 0; n < 12; n++) {
      const [title, body] = corpus(n);
      await makeIdea(t, campaign, author, { title, body });
    }
    // The rest written without the app, as the bench and imports write them: the trigger keeps the texts.
    const rest = Array.from({ length: 600 }, (_, k) => {
      const [title, body] = corpus(k + 12);
      return { title, body, n: k + 12 };
    });
    await db().query(
      `INSERT INTO ideas (campaign_id, author_id, title, body, body_html, hot, score, upvotes)
       SELECT $1, $2, t.title, t.body, '<p>b</p>', 0, t.n % 7, t.n % 7
         FROM jsonb_to_recordset($3::jsonb) AS t(title text, body text, n int)`,
      [campaign.id, author.user.id, JSON.stringify(rest)],
    );
    await db().query("UPDATE ideas SET visibility = 'HIDDEN', hidden_reason = 'spam' WHERE title LIKE '% plan 4_'");
    await db().query("UPDATE ideas SET status = 'WITHDRAWN' WHERE title LIKE '% plan 5_'");
  }, 60000);
  afterAll(() => t.close());

  const db = () => t.app.get(DatabaseService).dataSource;

  const similar = async (text: string, first?: number): Promise<Array<{ id: string; title: string }>> => {
    const result: { data?: any; errors?: unknown } = await t.gql(SIMILAR, { c: campaign.gid, text, first });
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.similarIdeas;
  };

  /** Every listed idea's distance from the text by a full scan: the nearer of its title and body. */
  const scanned = async (text: string): Promise<Map<string, number>> => {
    const found = await db().query(
      `SELECT i.title, least($2 <<-> i.title, $2 <<-> left(i.body, 300))::float8 AS distance FROM ideas i
        WHERE i.campaign_id = $1 AND i.visibility = 'VISIBLE' AND i.status <> 'WITHDRAWN'`,
      [campaign.id, text],
    );
    return new Map(found.map((row: { title: string; distance: number }) => [row.title, row.distance]));
  };

  /** What the texts table holds against what the listed ideas say now: no row may differ. */
  const drift = () =>
    db().query(`
      WITH listed AS (
        SELECT id, campaign_id, title, left(body, 300) FROM ideas WHERE visibility = 'VISIBLE' AND status <> 'WITHDRAWN')
      (SELECT * FROM listed EXCEPT SELECT idea_id, campaign_id, title, body FROM idea_similar_texts)
      UNION ALL
      (SELECT idea_id, campaign_id, title, body FROM idea_similar_texts EXCEPT SELECT * FROM listed)`);

  it('finds the nearest ideas a full scan finds, nearest first, above the threshold, listed ones only', async () => {
    const probes = ['pond and reed', 'heron and willow', 'orchard and pond', 'bridge', 'more meadow near', 'reed and'];
    for (const text of probes) {
      for (const first of [5, 12]) {
        const shown = await similar(text, first);
        const all = await scanned(text.toLowerCase());
        const best = [...all.values()].filter((d) => d <= 0.7).sort((a, b) => a - b);
        // The same distances as the full scan's nearest, in order; each idea at its own distance.
        expect(shown.map((idea) => all.get(idea.title))).toEqual(best.slice(0, first));
      }
    }
    expect((await similar('pond and reed', 20)).every(({ title }) => !/ plan [45]\d$/.test(title))).toBe(true);
  });

  it('matches the body as well as the title', async () => {
    await makeIdea(t, campaign, author, { title: 'Kingfisher boxes', body: 'Nesting boxes along the sluice gate.' });
    expect((await similar('sluice gate')).map((idea) => idea.title)).toEqual(['Kingfisher boxes']);
    expect((await similar('kingfisher')).map((idea) => idea.title)).toEqual(['Kingfisher boxes']);
  });

  it('is kept when ideas are written, edited, hidden, withdrawn and deleted; votes never touch it', async () => {
    const idea = await makeIdea(t, campaign, author, { title: 'Dragonfly pools', body: 'Shallow pools.' });
    expect(await drift()).toEqual([]);
    const renamed = await t.gql(
      UPDATE,
      { input: { id: idea.gid, title: 'Damselfly pools', body: 'A long body. '.repeat(40) } },
      { token: author.token },
    );
    expect(renamed.errors).toBeUndefined();
    expect(await drift()).toEqual([]);
    expect((await similar('dragonfly')).map((i) => i.title)).toEqual([]);
    expect((await similar('damselfly')).map((i) => i.title)).toEqual(['Damselfly pools']);

    const version = async () =>
      (await db().query('SELECT xmin::text AS v FROM idea_similar_texts WHERE idea_id = $1', [idea.id]))[0]?.v;
    const before = await version();
    const voter = await makeUser(t);
    expect((await t.gql(CAST, { id: idea.gid }, { token: voter.token })).errors).toBeUndefined();
    expect(await version()).toBe(before);
    // A status that keeps it listed leaves the row as it was too.
    await db().query("UPDATE ideas SET status = 'UNDER_REVIEW' WHERE id = $1", [idea.id]);
    expect(await version()).toBe(before);

    // Hidden or withdrawn, an idea has no row; restored, it has one again.
    await db().query("UPDATE ideas SET visibility = 'HIDDEN', hidden_reason = 'spam' WHERE id = $1", [idea.id]);
    expect(await version()).toBeUndefined();
    expect(await similar('damselfly')).toEqual([]);
    await db().query("UPDATE ideas SET visibility = 'VISIBLE', hidden_reason = NULL WHERE id = $1", [idea.id]);
    expect((await similar('damselfly')).map((i) => i.title)).toEqual(['Damselfly pools']);
    await db().query("UPDATE ideas SET status = 'WITHDRAWN' WHERE id = $1", [idea.id]);
    expect(await version()).toBeUndefined();
    expect(await drift()).toEqual([]);
    await db().query("UPDATE ideas SET status = 'SUBMITTED' WHERE id = $1", [idea.id]);
    expect(await drift()).toEqual([]);

    await db().query('DELETE FROM ideas WHERE id = $1', [idea.id]);
    expect(await version()).toBeUndefined();
    expect(await drift()).toEqual([]);
  });

  it('the migration writes the texts of the ideas there before it, and takes them away again', async () => {
    const count = async () => (await db().query('SELECT count(*)::int AS n FROM idea_similar_texts'))[0].n as number;
    const before = await count();
    const distances = async () => {
      const all = await scanned('heron and willow');
      return (await similar('heron and willow', 12)).map((idea) => all.get(idea.title));
    };
    const nearest = await distances();
    expect(nearest).toHaveLength(12);
    const migration = new SimilarTexts1795998000000();
    const runner = db().createQueryRunner();
    try {
      await migration.down(runner);
      const left = await db().query("SELECT to_regclass('idea_similar_texts') AS t");
      expect(left).toEqual([{ t: null }]);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(before).toBeGreaterThan(500);
    expect(await count()).toBe(before);
    expect(await drift()).toEqual([]);
    expect(await distances()).toEqual(nearest);
  });
});
