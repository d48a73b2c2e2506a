import { DatabaseService } from '../../src/database/database.service.js';
import { countStatements } from '../support/statements.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeAgency, makeCampaign, makeUser, type TestUser } from '../support/factories.js';

const PAGE = `query ($id: ID!, $sort: IdeaSort, $after: String, $first: Int) {
  campaign(id: $id) { ideas(sort: $sort, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { node { id title score upvotes downvotes commentCount viewerVote author { displayName } campaign { title viewerVotesRemaining } } }
  } }
}`;

/** The expected order, computed independently of the API, from the rows. */
const ORDER_BY: Record<string, string> = {
  TOP: 'score DESC, created_at DESC, id DESC',
  NEW: 'created_at DESC, id DESC',
  TRENDING: 'hot DESC, id DESC',
  BEST: 'wilson DESC, created_at DESC, id DESC',
};

describe('idea lists', () => {
  let t: TestApp;
  let campaign: Awaited<ReturnType<typeof makeCampaign>>;
  let viewer: TestUser;
  beforeAll(async () => {
    // The campaign query's row stays cached for the whole file, so the statement counts below do not depend
    // on how long the tests before took.
    t = await startTestApp({ config: { campaignCacheSeconds: 60 } });
    const agency = await makeAgency(t);
    campaign = await makeCampaign(t, agency, { votingMode: 'UP_DOWN', voteBudget: 10 });
    viewer = await makeUser(t);
    const db = t.app.get(DatabaseService).dataSource;
    // 83 ideas with many ties in score and in creation time, plus a withdrawn and a hidden one.
    await db.query(
      `INSERT INTO ideas (campaign_id, author_id, title, body, body_html, status, visibility, upvotes, downvotes, score, hot, wilson, created_at)
       SELECT $1, $2, 'Idea ' || n, 'Body', '<p>Body</p>',
              CASE WHEN n = 84 THEN 'WITHDRAWN' ELSE 'SUBMITTED' END, CASE WHEN n = 85 THEN 'HIDDEN' ELSE 'VISIBLE' END,
              n % 7, n % 3, n % 7 - n % 3, consulta_hot(n % 7 - n % 3, ts), consulta_wilson(n % 7, n % 3), ts
         FROM generate_series(1, 85) n, LATERAL (SELECT timestamptz '2026-01-01' + ((n % 10) * interval '1 minute') AS ts) t`,
      [campaign.id, viewer.user.id],
    );
    // The counter the idea transactions keep (listed ideas), as they would have kept it.
    await db.query('UPDATE campaigns SET idea_count = 83 WHERE id = $1', [campaign.id]);
  });
  afterAll(() => t.close());

  it.each(Object.keys(ORDER_BY))('%s pages through every visible idea exactly once, in order', async (sort) => {
    const db = t.app.get(DatabaseService).dataSource;
    const expected = (
      await db.query(
        `SELECT id FROM ideas WHERE campaign_id = $1 AND visibility = 'VISIBLE' AND status <> 'WITHDRAWN' ORDER BY ${ORDER_BY[sort]}`,
        [campaign.id],
      )
    ).map((row: { id: string }) => Buffer.from(`Idea:${row.id}`).toString('base64url'));
    expect(expected).toHaveLength(83);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const result: any = await t.gql(PAGE, { id: campaign.gid, sort, after, first: 7 });
      const ideas = result.data.campaign.ideas;
      expect(ideas.totalCount).toBe(83);
      expect(ideas.pageInfo.hasPreviousPage).toBe(pages > 0);
      seen.push(...ideas.edges.map((edge: any) => edge.node.id));
      after = ideas.pageInfo.hasNextPage ? ideas.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(12);
    expect(seen).toEqual(expected);
  });

  it('refuses a cursor of another sort', async () => {
    const top: any = await t.gql(PAGE, { id: campaign.gid, sort: 'TOP', first: 2 });
    const wrong = await t.gql(PAGE, {
      id: campaign.gid,
      sort: 'NEW',
      after: top.data.campaign.ideas.pageInfo.endCursor,
    });
    expect(wrong.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { after: expect.any(String) },
    });
  });

  it('costs the same number of SQL statements for a page of 10 as for a page of 50 (no N+1)', async () => {
    const count = async (first: number) =>
      countStatements(async () => {
        const result = await t.gql(PAGE, { id: campaign.gid, sort: 'TOP', first }, { token: viewer.token });
        expect(result.data!.campaign.ideas.edges).toHaveLength(first);
      });
    const first = await count(10);
    const small = await count(10);
    const large = await count(50);
    // The page (authors and the viewer's votes come with it), and for each idea's campaign field the campaign
    // and the viewer's votes left: three, whatever the page size. The campaign query's row (its stored idea
    // count is the list's totalCount) was read by the tests before and is reused for CAMPAIGN_CACHE_SECONDS.
    // The first request also read the session; the next ones reuse it (reads only, for SESSION_CACHE_SECONDS).
    expect(first).toBe(4);
    expect(small).toBe(3);
    expect(large).toBe(small);
  });
});
