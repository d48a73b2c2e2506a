import { DatabaseService } from '../../src/database/database.service.js';
import { findDrift } from '../../src/modules/votes/reconciliation.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeAgency, makeCampaign, makeIdea, makeUser, outcome, type TestUser } from '../support/factories.js';

/**
 * Votes under real concurrency: each request is its own HTTP call, all started together, served by a pool
 * of 50 PostgreSQL connections, so the transactions truly overlap. Counts are checked exactly afterwards,
 * and the reconciliation query must find no drift.
 */
const CAST = 'mutation ($id: ID!, $v: Int!) { castVote(input: { ideaId: $id, value: $v }) { score } }';

describe('votes under concurrency', () => {
  let t: TestApp;
  let agency: Awaited<ReturnType<typeof makeAgency>>;
  let people: TestUser[];
  beforeAll(async () => {
    t = await startTestApp({ config: { dbPoolSize: 50 } });
    agency = await makeAgency(t);
    people = await Promise.all(Array.from({ length: 40 }, () => makeUser(t)));
  });
  afterAll(() => t.close());

  const db = () => t.app.get(DatabaseService).dataSource;

  it('40 people voting at once give exactly 40', async () => {
    const c = await makeCampaign(t, agency, { voteBudget: 3 });
    const idea = await makeIdea(t, c, people[0]!);
    const results = await Promise.all(
      people.map((person) => t.gql(CAST, { id: idea.gid, v: 1 }, { token: person.token })),
    );
    expect(results.map(outcome).filter((o) => o !== 'OK')).toEqual([]);
    const [row] = await db().query('SELECT upvotes, score FROM ideas WHERE id = $1', [idea.id]);
    expect(row).toEqual({ upvotes: 40, score: 40 });
    expect((await db().query('SELECT count(*)::int AS n FROM votes WHERE idea_id = $1', [idea.id]))[0].n).toBe(40);
    const [campaign] = await db().query('SELECT participant_count FROM campaigns WHERE id = $1', [c.id]);
    expect(campaign.participant_count).toBe(40);
  });

  it('one person sending the same vote 12 times at once counts once', async () => {
    const c = await makeCampaign(t, agency, { voteBudget: 3 });
    const idea = await makeIdea(t, c, people[0]!);
    const voter = people[1]!;
    const results = await Promise.all(
      Array.from({ length: 12 }, () => t.gql(CAST, { id: idea.gid, v: 1 }, { token: voter.token })),
    );
    expect(results.map(outcome).filter((o) => o !== 'OK')).toEqual([]);
    expect((await db().query('SELECT upvotes FROM ideas WHERE id = $1', [idea.id]))[0].upvotes).toBe(1);
    const [p] = await db().query(
      'SELECT votes_used FROM campaign_participants WHERE campaign_id = $1 AND user_id = $2',
      [c.id, voter.user.id],
    );
    expect(p.votes_used).toBe(1);
  });

  it('a budget of 3 holds against 10 simultaneous votes on 10 ideas', async () => {
    const c = await makeCampaign(t, agency, { voteBudget: 3 });
    const ideas = [];
    for (let i = 0; i < 10; i++) ideas.push(await makeIdea(t, c, people[2]!));
    const voter = people[3]!;
    const results = await Promise.all(ideas.map((idea) => t.gql(CAST, { id: idea.gid, v: 1 }, { token: voter.token })));
    const outcomes = results.map(outcome);
    expect(outcomes.filter((o) => o === 'OK')).toHaveLength(3);
    expect(outcomes.filter((o) => o === 'CONFLICT')).toHaveLength(7);
    expect(
      (
        await db().query('SELECT count(*)::int AS n FROM votes WHERE user_id = $1 AND campaign_id = $2', [
          voter.user.id,
          c.id,
        ])
      )[0].n,
    ).toBe(3);
  });

  it('mixed casts, flips, retractions and a withdrawal at once leave no drift', async () => {
    const c = await makeCampaign(t, agency, { votingMode: 'UP_DOWN', voteBudget: 2 });
    const author = people[4]!;
    const ideas = [await makeIdea(t, c, author), await makeIdea(t, c, author), await makeIdea(t, c, author)];
    const operations = people
      .slice(5, 35)
      .flatMap((person, i) => [
        t.gql(CAST, { id: ideas[i % 3]!.gid, v: i % 2 ? 1 : -1 }, { token: person.token }),
        t.gql(CAST, { id: ideas[(i + 1) % 3]!.gid, v: 1 }, { token: person.token }),
        t.gql(CAST, { id: ideas[(i + 2) % 3]!.gid, v: -1 }, { token: person.token }),
        t.gql(
          'mutation ($id: ID!) { retractVote(ideaId: $id) { score } }',
          { id: ideas[i % 3]!.gid },
          { token: person.token },
        ),
      ]);
    operations.push(
      t.gql('mutation ($id: ID!) { withdrawIdea(id: $id) { status } }', { id: ideas[1]!.gid }, { token: author.token }),
    );
    const outcomes = (await Promise.all(operations)).map(outcome);
    expect(outcomes.filter((o) => !['OK', 'CONFLICT'].includes(o))).toEqual([]);
    expect(await findDrift(db())).toEqual([]);
  });

  it('the reconciliation query does find drift when a counter is wrong', async () => {
    const c = await makeCampaign(t, agency);
    const idea = await makeIdea(t, c, people[36]!);
    await db().query('UPDATE ideas SET upvotes = upvotes + 1, score = score + 1 WHERE id = $1', [idea.id]);
    const drift = await findDrift(db());
    expect(drift.map((d) => d.kind)).toContain('idea counters');
    await db().query('UPDATE ideas SET upvotes = upvotes - 1, score = score - 1 WHERE id = $1', [idea.id]);
    expect(await findDrift(db())).toEqual([]);
  });
});
