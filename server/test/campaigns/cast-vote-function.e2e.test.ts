import { DatabaseService } from '../../src/database/database.service.js';
import { campaignsRepository } from '../../src/modules/campaigns/campaigns.repository.js';
import { findDrift } from '../../src/modules/votes/reconciliation.js';
import { votesRepository, type VoteChange } from '../../src/modules/votes/votes.repository.js';
import type { TestApp } from '../support/app.js';
import { appWithPersonas, makeCampaign, makeIdea, makeUser, outcome, type Personas } from '../support/factories.js';

/**
 * castVote and retractVote are one statement each, the database functions consulta_cast_vote (migrations
 * 1795999000000 and 1796000000000) and consulta_retract_vote (1796001000000). Their writes must stay the
 * write of VotesRepository.apply: the same votes and counters, sort keys and events. A cast takes back what
 * it did when it refuses.
 */
const CAST = 'mutation ($id: ID!, $v: Int!) { castVote(input: { ideaId: $id, value: $v }) { score viewerVote } }';
const RETRACT = 'mutation ($id: ID!) { retractVote(ideaId: $id) { score viewerVote } }';

describe('castVote as one statement', () => {
  let t: TestApp;
  let p: Personas;
  beforeAll(async () => ({ t, p } = await appWithPersonas()));
  afterAll(async () => {
    expect(await findDrift(db())).toEqual([]);
    await t.close();
  });
  const db = () => t.app.get(DatabaseService).dataSource;

  /** What a vote leaves on the idea, the vote row and the events, independent of which idea it was. */
  async function traces(ideaId: string) {
    const [idea] = await db().query(
      `SELECT upvotes, downvotes, score, wilson, hot = consulta_hot(score, created_at) AS hot_kept,
              threshold_reached_at IS NOT NULL AS owed
         FROM ideas WHERE id = $1`,
      [ideaId],
    );
    const votes = await db().query('SELECT user_id, campaign_id, value FROM votes WHERE idea_id = $1', [ideaId]);
    const events = await db().query(
      `SELECT type, aggregate_type, payload FROM domain_events WHERE aggregate_id = $1 AND type IN ('IdeaVoted', 'ResponseOwed')
        ORDER BY id`,
      [ideaId],
    );
    return { idea, votes, events };
  }

  /** The same change written by the transaction retractions use: the participant lock, the idea lock, apply. */
  async function applyInTransaction(change: Omit<VoteChange, 'at'>) {
    await t.app.get(DatabaseService).transaction(async (manager) => {
      await campaignsRepository.contributionState(manager, change.campaignId, change.userId);
      await votesRepository.lockIdea(manager, change.ideaId, change.userId);
      await votesRepository.apply(manager, { ...change, at: new Date() });
    });
  }

  const participant = async (campaignId: string, userId: string) =>
    (
      await db().query('SELECT votes_used FROM campaign_participants WHERE campaign_id = $1 AND user_id = $2', [
        campaignId,
        userId,
      ])
    )[0] as { votes_used: number } | undefined;

  it('writes what apply writes: a new vote, then a changed one, with the events and the answer owed', async () => {
    const c = await makeCampaign(t, p.agency, { votingMode: 'UP_DOWN', responseThreshold: 1 });
    const [viaFunction, viaApply] = [await makeIdea(t, c, p.official), await makeIdea(t, c, p.official)];
    const voter = await makeUser(t);
    const base = { campaignId: c.id, userId: voter.user.id };

    expect((await t.gql(CAST, { id: viaFunction.gid, v: 1 }, { token: voter.token })).data).toEqual({
      castVote: { score: 1, viewerVote: 1 },
    });
    await applyInTransaction({ ...base, ideaId: viaApply.id, row: 'insert', value: 1, budget: 1, up: 1, down: 0 });
    const [afterCast, afterApply] = [await traces(viaFunction.id), await traces(viaApply.id)];
    expect(afterCast.idea).toEqual({
      upvotes: 1,
      downvotes: 0,
      score: 1,
      wilson: afterCast.idea.wilson,
      hot_kept: true,
      owed: true,
    });
    expect(afterCast.events.map((e: { type: string }) => e.type)).toEqual(['IdeaVoted', 'ResponseOwed']);
    expect(afterCast).toEqual(afterApply);
    expect((await participant(c.id, voter.user.id))!.votes_used).toBe(2);

    expect((await t.gql(CAST, { id: viaFunction.gid, v: -1 }, { token: voter.token })).data).toEqual({
      castVote: { score: -1, viewerVote: -1 },
    });
    await applyInTransaction({ ...base, ideaId: viaApply.id, row: 'update', value: -1, budget: 0, up: -1, down: 1 });
    const [changedCast, changedApply] = [await traces(viaFunction.id), await traces(viaApply.id)];
    expect(changedCast.idea).toMatchObject({ upvotes: 0, downvotes: 1, score: -1, hot_kept: true });
    expect(changedCast.events).toHaveLength(3);
    expect(changedCast).toEqual(changedApply);
    // A changed vote uses no more of the budget.
    expect((await participant(c.id, voter.user.id))!.votes_used).toBe(2);
  });

  it('a newcomer refused leaves no participant row and no count; a newcomer accepted is counted once', async () => {
    const c = await makeCampaign(t, p.agency, { voteBudget: 1 });
    const decided = await makeIdea(t, c, p.official);
    const open = await makeIdea(t, c, p.official);
    await db().query("UPDATE ideas SET status = 'IMPLEMENTED' WHERE id = $1", [decided.id]);
    const count = async () =>
      (await db().query('SELECT participant_count FROM campaigns WHERE id = $1', [c.id]))[0].participant_count;
    const before = await count();
    const newcomer = await makeUser(t);

    const refused = await t.gql(CAST, { id: decided.gid, v: 1 }, { token: newcomer.token });
    expect(outcome(refused)).toBe('CONFLICT');
    expect(refused.errors![0]!.extensions).toMatchObject({ reason: 'IDEA_DECIDED' });
    expect(await participant(c.id, newcomer.user.id)).toBeUndefined();
    expect(await count()).toBe(before);

    expect((await t.gql(CAST, { id: open.gid, v: 1 }, { token: newcomer.token })).data).toEqual({
      castVote: { score: 1, viewerVote: 1 },
    });
    expect(await participant(c.id, newcomer.user.id)).toEqual({ votes_used: 1 });
    expect(await count()).toBe(before + 1);
  });

  it('an idea gone by the time of the statement writes nothing and is refused as not found', async () => {
    const c = await makeCampaign(t, p.agency);
    const newcomer = await makeUser(t);
    const gone = await votesRepository.cast(db(), {
      ideaId: '00000000-0000-4000-8000-000000000000',
      userId: newcomer.user.id,
      value: 1,
      decided: [],
      at: new Date(),
    });
    expect(gone).toMatchObject({ written: false, state: null, current: null, idea: null });
    expect(await participant(c.id, newcomer.user.id)).toBeUndefined();
  });

  it('gives each refusal its own reason, and writes no vote and no participant for any', async () => {
    const later = await makeCampaign(t, p.agency);
    const archived = await makeCampaign(t, p.agency);
    const open = await makeCampaign(t, p.agency);
    const ideas = {
      later: await makeIdea(t, later, p.official),
      archived: await makeIdea(t, archived, p.official),
      withdrawn: await makeIdea(t, open, p.official),
      hidden: await makeIdea(t, open, p.official),
    };
    await db().query("UPDATE campaigns SET opens_at = now() + interval '1 day' WHERE id = $1", [later.id]);
    await db().query("UPDATE campaigns SET status = 'ARCHIVED' WHERE id = $1", [archived.id]);
    await db().query("UPDATE ideas SET status = 'WITHDRAWN' WHERE id = $1", [ideas.withdrawn.id]);
    await db().query("UPDATE ideas SET visibility = 'HIDDEN' WHERE id = $1", [ideas.hidden.id]);
    const voter = await makeUser(t);
    const cases = [
      [ideas.later, voter.token, 'CAMPAIGN_NOT_OPEN_YET'],
      [ideas.archived, voter.token, 'CAMPAIGN_ARCHIVED'],
      [ideas.withdrawn, voter.token, 'IDEA_WITHDRAWN'],
      [ideas.hidden, p.moderator.token, 'IDEA_HIDDEN'],
    ] as const;
    const seen = [];
    // The reason each refusal gives; no vote row and no participant row for the two who were refused.
    for (const [idea, token] of cases) {
      const refused = await t.gql(CAST, { id: idea.gid, v: 1 }, { token });
      seen.push(refused.errors?.[0]?.extensions?.reason ?? refused.errors?.[0]?.extensions?.code ?? 'OK');
    }
    const rows = await db().query(
      'SELECT campaign_id, user_id FROM campaign_participants WHERE campaign_id = ANY($1) AND user_id = ANY($2)',
      [
        [later.id, archived.id, open.id],
        [voter.user.id, p.moderator.user.id],
      ],
    );
    const ids = Object.values(ideas).map((idea) => idea.id);
    const votes = await db().query('SELECT count(*)::int AS n FROM votes WHERE idea_id = ANY($1)', [ids]);
    // Put back what the statements above changed behind the app's back, so the counters hold again.
    await db().query("UPDATE ideas SET status = 'SUBMITTED', visibility = 'VISIBLE' WHERE id = ANY($1)", [
      [ideas.withdrawn.id, ideas.hidden.id],
    ]);
    await db().query("UPDATE campaigns SET status = 'OPEN', opens_at = NULL WHERE id = ANY($1)", [
      [later.id, archived.id],
    ]);
    expect(seen).toEqual(cases.map((c) => c[2]));
    expect(rows).toEqual([]);
    expect(votes[0].n).toBe(0);
  });

  it('says why a closed campaign refuses, from the state the statement read', async () => {
    const c = await makeCampaign(t, p.agency);
    const idea = await makeIdea(t, c, p.official);
    await db().query("UPDATE campaigns SET closes_at = now() - interval '1 hour' WHERE id = $1", [c.id]);
    const refused = await t.gql(CAST, { id: idea.gid, v: 1 }, { token: p.citizen.token });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CAMPAIGN_CLOSED' });
    expect((await db().query('SELECT count(*)::int AS n FROM votes WHERE idea_id = $1', [idea.id]))[0].n).toBe(0);
  });

  it('reads nothing before it: what the person may not see is NOT_FOUND, a down vote in SUPPORT bad input, none written', async () => {
    const support = await makeCampaign(t, p.agency);
    const draft = await makeCampaign(t, p.agency, { votingMode: 'UP_DOWN' });
    const author = await makeUser(t);
    const ideas = {
      hidden: await makeIdea(t, support, author),
      inDraft: await makeIdea(t, draft, p.official),
      supported: await makeIdea(t, support, p.official),
    };
    await db().query("UPDATE ideas SET visibility = 'HIDDEN' WHERE id = $1", [ideas.hidden.id]);
    await db().query("UPDATE campaigns SET status = 'DRAFT' WHERE id = $1", [draft.id]);
    const voter = await makeUser(t);
    const reasonOf = async (idea: { gid: string }, v: number, token: string) => {
      const answer = await t.gql(CAST, { id: idea.gid, v }, { token });
      return answer.errors?.[0]?.extensions?.reason ?? answer.errors?.[0]?.extensions?.code ?? 'OK';
    };
    const seen = [
      await reasonOf(ideas.hidden, 1, voter.token),
      await reasonOf(ideas.inDraft, 1, voter.token),
      await reasonOf(ideas.supported, -1, voter.token),
      // Its author sees the hidden idea, so is told why it takes no vote.
      await reasonOf(ideas.hidden, 1, author.token),
    ];
    // The statement itself: a down vote in a SUPPORT campaign stops before the campaign's state.
    const down = await votesRepository.cast(db(), {
      ideaId: ideas.supported.id,
      userId: voter.user.id,
      value: -1,
      decided: [],
      at: new Date(),
    });
    const participants = await db().query(
      'SELECT campaign_id FROM campaign_participants WHERE campaign_id = ANY($1) AND user_id = $2',
      [[support.id, draft.id], voter.user.id],
    );
    const ids = Object.values(ideas).map((idea) => idea.id);
    const votes = await db().query('SELECT count(*)::int AS n FROM votes WHERE idea_id = ANY($1)', [ids]);
    await db().query("UPDATE ideas SET visibility = 'VISIBLE' WHERE id = $1", [ideas.hidden.id]);
    await db().query("UPDATE campaigns SET status = 'OPEN' WHERE id = $1", [draft.id]);
    expect(seen).toEqual(['NOT_FOUND', 'NOT_FOUND', 'BAD_USER_INPUT', 'IDEA_HIDDEN']);
    expect(down).toMatchObject({ written: false, state: null, current: null, idea: null });
    expect(participants).toEqual([]);
    expect(votes[0].n).toBe(0);
  });

  it('takes a vote back as apply does: the counters, votes used and the events', async () => {
    const c = await makeCampaign(t, p.agency, { votingMode: 'UP_DOWN', responseThreshold: 1 });
    const [viaFunction, viaApply] = [await makeIdea(t, c, p.official), await makeIdea(t, c, p.official)];
    const voter = await makeUser(t);
    for (const idea of [viaFunction, viaApply]) await t.gql(CAST, { id: idea.gid, v: -1 }, { token: voter.token });
    expect((await participant(c.id, voter.user.id))!.votes_used).toBe(2);

    expect((await t.gql(RETRACT, { id: viaFunction.gid }, { token: voter.token })).data).toEqual({
      retractVote: { score: 0, viewerVote: null },
    });
    await applyInTransaction({
      campaignId: c.id,
      userId: voter.user.id,
      ideaId: viaApply.id,
      row: 'delete',
      budget: -1,
      up: 0,
      down: -1,
    });
    const [afterRetract, afterApply] = [await traces(viaFunction.id), await traces(viaApply.id)];
    // The score goes back up to 0, short of the threshold of 1: no answer is owed yet.
    expect(afterRetract.idea).toMatchObject({ upvotes: 0, downvotes: 0, score: 0, hot_kept: true, owed: false });
    expect(afterRetract.votes).toEqual([]);
    expect(afterRetract.events.map((e: { type: string }) => e.type)).toEqual(['IdeaVoted', 'IdeaVoted']);
    expect(afterRetract).toEqual(afterApply);
    expect((await participant(c.id, voter.user.id))!.votes_used).toBe(0);
  });

  it('takes back nothing it may not, each refusal with its reason, and keeps the budget of a withdrawn idea', async () => {
    const c = await makeCampaign(t, p.agency, { voteBudget: 5 });
    const author = await makeUser(t);
    const ideas = {
      hidden: await makeIdea(t, c, author),
      withdrawn: await makeIdea(t, c, author),
      closed: await makeIdea(t, c, p.official),
    };
    const voter = await makeUser(t);
    for (const idea of Object.values(ideas)) await t.gql(CAST, { id: idea.gid, v: 1 }, { token: voter.token });
    const stranger = await makeUser(t);
    await db().query("UPDATE ideas SET visibility = 'HIDDEN' WHERE id = $1", [ideas.hidden.id]);
    const answer = async (idea: { gid: string }, token: string) => {
      const result = await t.gql(RETRACT, { id: idea.gid }, { token });
      return result.errors?.[0]?.extensions?.reason ?? result.errors?.[0]?.extensions?.code ?? result.data;
    };
    // A hidden idea: to whoever has no vote on it, it does not exist; its voters may take theirs back.
    expect(await answer(ideas.hidden, stranger.token)).toBe('NOT_FOUND');
    expect(await answer(ideas.hidden, voter.token)).toEqual({ retractVote: { score: 0, viewerVote: null } });
    // Someone who never took part has nothing to take back, and does not become a participant.
    expect(await answer(ideas.closed, stranger.token)).toEqual({ retractVote: { score: 1, viewerVote: null } });
    expect(await participant(c.id, stranger.user.id)).toBeUndefined();
    // A withdrawn idea's votes were given back to their budgets when it was withdrawn.
    const withdrawn = await t.gql(
      'mutation ($id: ID!) { withdrawIdea(id: $id) { status } }',
      {
        id: ideas.withdrawn.gid,
      },
      { token: author.token },
    );
    expect(withdrawn.errors).toBeUndefined();
    const usedBefore = (await participant(c.id, voter.user.id))!.votes_used;
    expect(await answer(ideas.withdrawn, voter.token)).toMatchObject({ retractVote: { viewerVote: null } });
    expect((await participant(c.id, voter.user.id))!.votes_used).toBe(usedBefore);
    // A closed campaign takes nothing back, and says so.
    await db().query("UPDATE campaigns SET closes_at = now() - interval '1 hour' WHERE id = $1", [c.id]);
    expect(await answer(ideas.closed, voter.token)).toBe('CAMPAIGN_CLOSED');
    const left = await db().query('SELECT idea_id FROM votes WHERE user_id = $1', [voter.user.id]);
    await db().query("UPDATE ideas SET visibility = 'VISIBLE' WHERE id = $1", [ideas.hidden.id]);
    expect(left).toEqual([{ idea_id: ideas.closed.id }]);
  });
});
