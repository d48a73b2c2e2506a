import { findDrift } from '../../src/modules/votes/reconciliation.js';
import { DatabaseService } from '../../src/database/database.service.js';
import type { TestApp } from '../support/app.js';
import { makeCampaign, makeIdea, makeUser, outcome, type Personas, appWithPersonas } from '../support/factories.js';
import { countStatements } from '../support/statements.js';

const CAST =
  'mutation ($id: ID!, $v: Int!) { castVote(input: { ideaId: $id, value: $v }) { id upvotes downvotes score viewerVote campaign { viewerVotesRemaining participantCount } } }';
const RETRACT =
  'mutation ($id: ID!) { retractVote(ideaId: $id) { upvotes downvotes score viewerVote campaign { viewerVotesRemaining } } }';

describe('votes', () => {
  let t: TestApp;
  let p: Personas;
  beforeAll(async () => ({ t, p } = await appWithPersonas()));
  afterAll(async () => {
    expect(await findDrift(t.app.get(DatabaseService).dataSource)).toEqual([]);
    await t.close();
  });

  it('support campaigns take +1, idempotently; -1 and other values are BAD_USER_INPUT', async () => {
    const c = await makeCampaign(t, p.agency, { voteBudget: 5 });
    const idea = await makeIdea(t, c, p.official);
    const first = await t.gql(CAST, { id: idea.gid, v: 1 }, { token: p.citizen.token });
    expect(first.data!.castVote).toMatchObject({
      upvotes: 1,
      downvotes: 0,
      score: 1,
      viewerVote: 1,
      campaign: { viewerVotesRemaining: 4, participantCount: 2 },
    });
    const again = await t.gql(CAST, { id: idea.gid, v: 1 }, { token: p.citizen.token });
    expect(again.data!.castVote).toMatchObject({ upvotes: 1, score: 1, campaign: { viewerVotesRemaining: 4 } });
    expect(outcome(await t.gql(CAST, { id: idea.gid, v: -1 }, { token: p.citizen.token }))).toBe('BAD_USER_INPUT');
    for (const v of [0, 2, -5])
      expect(outcome(await t.gql(CAST, { id: idea.gid, v }, { token: p.citizen.token }))).toBe('BAD_USER_INPUT');
    expect(outcome(await t.gql(CAST, { id: idea.gid, v: 1 }))).toBe('UNAUTHENTICATED');
  });

  it('up/down campaigns take both, and a different value replaces the vote', async () => {
    const c = await makeCampaign(t, p.agency, { votingMode: 'UP_DOWN', voteBudget: 2 });
    const idea = await makeIdea(t, c, p.official);
    expect((await t.gql(CAST, { id: idea.gid, v: -1 }, { token: p.citizen.token })).data!.castVote).toMatchObject({
      upvotes: 0,
      downvotes: 1,
      score: -1,
      viewerVote: -1,
    });
    const flipped = await t.gql(CAST, { id: idea.gid, v: 1 }, { token: p.citizen.token });
    expect(flipped.data!.castVote).toMatchObject({
      upvotes: 1,
      downvotes: 0,
      score: 1,
      viewerVote: 1,
      campaign: { viewerVotesRemaining: 1 },
    });
    const retracted = await t.gql(RETRACT, { id: idea.gid }, { token: p.citizen.token });
    expect(retracted.data!.retractVote).toMatchObject({
      upvotes: 0,
      downvotes: 0,
      score: 0,
      viewerVote: null,
      campaign: { viewerVotesRemaining: 2 },
    });
    expect(outcome(await t.gql(RETRACT, { id: idea.gid }, { token: p.citizen.token }))).toBe('OK');
  });

  it('holds the vote budget, and retracting frees a vote', async () => {
    const c = await makeCampaign(t, p.agency, { voteBudget: 2 });
    const ideas = [
      await makeIdea(t, c, p.official),
      await makeIdea(t, c, p.official),
      await makeIdea(t, c, p.official),
    ];
    await t.gql(CAST, { id: ideas[0]!.gid, v: 1 }, { token: p.citizen.token });
    await t.gql(CAST, { id: ideas[1]!.gid, v: 1 }, { token: p.citizen.token });
    const over = await t.gql(CAST, { id: ideas[2]!.gid, v: 1 }, { token: p.citizen.token });
    expect(over.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', votesRemaining: 0 });
    await t.gql(RETRACT, { id: ideas[0]!.gid }, { token: p.citizen.token });
    expect(outcome(await t.gql(CAST, { id: ideas[2]!.gid, v: 1 }, { token: p.citizen.token }))).toBe('OK');
  });

  it('gives votes on a withdrawn idea back to the budgets', async () => {
    const c = await makeCampaign(t, p.agency, { voteBudget: 1 });
    const author = await makeUser(t);
    const idea = await makeIdea(t, c, author);
    const other = await makeIdea(t, c, author);
    await t.gql(CAST, { id: idea.gid, v: 1 }, { token: p.citizen.token });
    expect(outcome(await t.gql(CAST, { id: other.gid, v: 1 }, { token: p.citizen.token }))).toBe('CONFLICT');
    await t.gql('mutation ($id: ID!) { withdrawIdea(id: $id) { id } }', { id: idea.gid }, { token: author.token });
    expect(outcome(await t.gql(CAST, { id: idea.gid, v: 1 }, { token: p.moderator.token }))).toBe('CONFLICT');
    expect(outcome(await t.gql(CAST, { id: other.gid, v: 1 }, { token: p.citizen.token }))).toBe('OK');
  });

  it('are refused once the campaign is closed or past closesAt, and for suspended people', async () => {
    const c = await makeCampaign(t, p.agency);
    const idea = await makeIdea(t, c, p.official);
    await t.gql(CAST, { id: idea.gid, v: 1 }, { token: p.citizen.token });
    await t.app
      .get(DatabaseService)
      .dataSource.query("UPDATE campaigns SET closes_at = now() - interval '1 second' WHERE id = $1", [c.id]);
    expect(outcome(await t.gql(CAST, { id: idea.gid, v: 1 }, { token: p.moderator.token }))).toBe('CONFLICT');
    expect(outcome(await t.gql(RETRACT, { id: idea.gid }, { token: p.citizen.token }))).toBe('CONFLICT');
    const open = await makeCampaign(t, p.agency);
    const target = await makeIdea(t, open, p.official);
    const suspended = await makeUser(t);
    await t.app
      .get(DatabaseService)
      .dataSource.query("UPDATE users SET suspended_until = now() + interval '1 day' WHERE id = $1", [
        suspended.user.id,
      ]);
    expect(outcome(await t.gql(CAST, { id: target.gid, v: 1 }, { token: suspended.token }))).toBe('CONFLICT');
    expect(outcome(await t.gql(CAST, { id: 'not-an-id', v: 1 }, { token: p.citizen.token }))).toBe('NOT_FOUND');
  });

  it('cost a fixed handful of SQL statements each, the transaction included', async () => {
    const c = await makeCampaign(t, p.agency, { votingMode: 'UP_DOWN' });
    const ideas = [await makeIdea(t, c, p.official), await makeIdea(t, c, p.official)];
    const VOTE = 'mutation ($id: ID!, $v: Int!) { castVote(input: { ideaId: $id, value: $v }) { score viewerVote } }';
    const UNVOTE = 'mutation ($id: ID!) { retractVote(ideaId: $id) { score viewerVote } }';
    const run = (document: string, variables: Record<string, unknown>, expected: unknown) =>
      countStatements(async () => {
        const result = await t.gql(document, variables, { token: p.citizen.token });
        expect(result.data).toEqual(expected);
      });
    // The first vote in the campaign also makes the person a participant (and counts them).
    await run(VOTE, { id: ideas[0]!.gid, v: 1 }, { castVote: { score: 1, viewerVote: 1 } });
    // The session, then one statement that is its own transaction (consulta_cast_vote: the idea's campaign,
    // its state with the person's suspension, the participant lock, the idea lock with the current vote, the
    // vote, the budget and the counters). The answer needs nothing more.
    // After the commit, one NOTIFY tells the other API processes of the new counts (the live updates'
    // bus over PostgreSQL; with REDIS_URL that message goes to Redis instead).
    expect(await run(VOTE, { id: ideas[1]!.gid, v: -1 }, { castVote: { score: -1, viewerVote: -1 } })).toBe(3);
    expect(await run(VOTE, { id: ideas[1]!.gid, v: 1 }, { castVote: { score: 1, viewerVote: 1 } })).toBe(3);
    // A retraction likewise: the session, consulta_retract_vote, the NOTIFY.
    expect(await run(UNVOTE, { id: ideas[1]!.gid }, { retractVote: { score: 0, viewerVote: null } })).toBe(3);
  });

  it('rank BEST by the Wilson lower bound: 6 up / 0 down above 20 up / 10 down', async () => {
    const c = await makeCampaign(t, p.agency, { votingMode: 'UP_DOWN' });
    const few = await makeIdea(t, c, p.official, { title: 'Six and none' });
    const many = await makeIdea(t, c, p.official, { title: 'Twenty and ten' });
    const voters = await Promise.all(Array.from({ length: 30 }, () => makeUser(t)));
    const results = await Promise.all([
      ...voters.slice(0, 6).map((v) => t.gql(CAST, { id: few.gid, v: 1 }, { token: v.token })),
      ...voters.slice(0, 20).map((v) => t.gql(CAST, { id: many.gid, v: 1 }, { token: v.token })),
      ...voters.slice(20, 30).map((v) => t.gql(CAST, { id: many.gid, v: -1 }, { token: v.token })),
    ]);
    expect(results.filter((r) => outcome(r) !== 'OK').map((r) => r.errors)).toEqual([]);
    const order = async (sort: string) =>
      (
        await t.gql(
          `query ($id: ID!) { campaign(id: $id) { ideas(sort: ${sort}) { edges { node { title score } } } } }`,
          { id: c.gid },
        )
      ).data!.campaign.ideas.edges.map((e: any) => e.node.title);
    expect(await order('BEST')).toEqual(['Six and none', 'Twenty and ten']);
    expect(await order('TOP')).toEqual(['Twenty and ten', 'Six and none']);
    expect(await order('NEW')).toEqual(['Twenty and ten', 'Six and none']);
  });
});
