import { DatabaseService } from '../../src/database/database.service.js';
import { rows } from '../../src/database/sql.js';
import { outboxRepository as outbox } from '../../src/events/outbox.repository.js';
import { votesRepository } from '../../src/modules/votes/votes.repository.js';
import { VotesService } from '../../src/modules/votes/votes.service.js';
import type { TestApp } from '../support/app.js';
import {
  appWithPersonas,
  makeCampaign,
  makeIdea,
  makeUser,
  outcome,
  viewerOf,
  type Personas,
} from '../support/factories.js';

interface Recorded {
  id: string;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: Record<string, unknown>;
}

/** Events recorded by each use case, in the outbox, with no worker running (nothing is delivered here). */
describe('domain events are recorded with the change', () => {
  let t: TestApp;
  let p: Personas;
  let since = '0';

  beforeAll(async () => ({ t, p } = await appWithPersonas()));
  afterAll(() => t.close());

  /** The events recorded since the last call, oldest first. */
  async function recorded(): Promise<Recorded[]> {
    const found = await rows<Recorded>(
      t.app.get(DatabaseService).dataSource,
      'SELECT id::text, type, aggregate_type, aggregate_id, payload FROM domain_events WHERE id > $1 ORDER BY domain_events.id',
      [since],
    );
    if (found.length) since = found[found.length - 1].id;
    return found;
  }

  beforeEach(async () => {
    await recorded();
  });

  it('CampaignOpened and CampaignClosed by officials; CampaignClosed once when the closing time passes', async () => {
    const campaign = await makeCampaign(t, p.agency);
    expect(await recorded()).toEqual([
      expect.objectContaining({ type: 'CampaignOpened', aggregate_type: 'campaign', aggregate_id: campaign.id }),
    ]);
    const closed = await t.gql(
      'mutation ($id: ID!) { closeCampaign(id: $id) { status } }',
      { id: campaign.gid },
      {
        token: p.official.token,
      },
    );
    expect(outcome(closed)).toBe('OK');
    expect(await recorded()).toEqual([
      expect.objectContaining({
        type: 'CampaignClosed',
        aggregate_id: campaign.id,
        payload: { agencyId: p.agency.id, actorId: p.official.user.id },
      }),
    ]);

    const timed = await makeCampaign(t, p.agency, { closesAt: new Date(Date.now() + 1500) });
    await recorded();
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const database = t.app.get(DatabaseService);
    expect(await outbox.recordScheduledClosures(database.dataSource)).toBe(1);
    expect(await outbox.recordScheduledClosures(database.dataSource)).toBe(0);
    expect(await recorded()).toEqual([
      expect.objectContaining({
        type: 'CampaignClosed',
        aggregate_id: timed.id,
        payload: expect.objectContaining({ actorId: null }),
      }),
    ]);
  });

  it('IdeaSubmitted, IdeaVoted with the counts after the vote, ResponseOwed once at the threshold', async () => {
    const campaign = await makeCampaign(t, p.agency, { votingMode: 'UP_DOWN', responseThreshold: 2 });
    await recorded();
    const idea = await makeIdea(t, campaign, p.author);
    expect(await recorded()).toEqual([
      expect.objectContaining({
        type: 'IdeaSubmitted',
        aggregate_id: idea.id,
        payload: { campaignId: campaign.id, authorId: p.author.user.id },
      }),
    ]);
    const votes = t.app.get(VotesService);
    const [a, b, c] = await Promise.all([makeUser(t), makeUser(t), makeUser(t)]);
    await votes.castVote(await viewerOf(t, a), idea.id, 1);
    await votes.castVote(await viewerOf(t, b), idea.id, 1);
    await votes.castVote(await viewerOf(t, c), idea.id, -1);
    await votes.retractVote(await viewerOf(t, c), idea.id);
    await votes.castVote(await viewerOf(t, a), idea.id, 1); // the same vote again changes nothing
    const events = await recorded();
    expect(events.map((e) => [e.type, e.payload.score])).toEqual([
      ['IdeaVoted', 1],
      ['IdeaVoted', 2],
      ['ResponseOwed', 2],
      ['IdeaVoted', 1],
      ['IdeaVoted', 2],
    ]);
    expect(events[2].payload).toEqual({ campaignId: campaign.id, score: 2, threshold: 2 });
    expect(events[3].payload).toEqual({ campaignId: campaign.id, upvotes: 2, downvotes: 1, score: 1 });
  });

  it('ResponseOwed for ideas already past a threshold set later', async () => {
    const campaign = await makeCampaign(t, p.agency);
    const idea = await makeIdea(t, campaign, p.author);
    await t.app.get(VotesService).castVote(await viewerOf(t, p.citizen), idea.id, 1);
    await recorded();
    const result = await t.gql(
      'mutation ($id: ID!) { updateCampaign(input: { id: $id, responseThreshold: 1 }) { id } }',
      { id: campaign.gid },
      { token: p.official.token },
    );
    expect(outcome(result)).toBe('OK');
    expect(await recorded()).toEqual([
      expect.objectContaining({
        type: 'ResponseOwed',
        aggregate_id: idea.id,
        payload: { campaignId: campaign.id, score: 1, threshold: 1 },
      }),
    ]);
  });

  it('OfficialResponsePosted and IdeaStatusChanged; CommentAdded; IdeaStatusChanged on withdrawal', async () => {
    const campaign = await makeCampaign(t, p.agency);
    const idea = await makeIdea(t, campaign, p.author);
    const other = await makeIdea(t, campaign, p.author);
    await recorded();
    const answered = await t.gql(
      'mutation ($id: ID!) { postOfficialResponse(input: { ideaId: $id, body: "We will.", status: ACCEPTED }) { id } }',
      { id: idea.gid },
      { token: p.official.token },
    );
    expect(outcome(answered)).toBe('OK');
    const comment = await t.gql(
      'mutation ($id: ID!) { addComment(input: { ideaId: $id, body: "Yes please" }) { id } }',
      {
        id: idea.gid,
      },
      { token: p.citizen.token },
    );
    expect(outcome(comment)).toBe('OK');
    const withdrawn = await t.gql(
      'mutation ($id: ID!) { withdrawIdea(id: $id) { status } }',
      { id: other.gid },
      {
        token: p.author.token,
      },
    );
    expect(outcome(withdrawn)).toBe('OK');
    const events = await recorded();
    expect(events.map((e) => [e.type, e.aggregate_id])).toEqual([
      ['OfficialResponsePosted', idea.id],
      ['IdeaStatusChanged', idea.id],
      ['CommentAdded', idea.id],
      ['IdeaStatusChanged', other.id],
    ]);
    expect(events[0].payload).toMatchObject({
      campaignId: campaign.id,
      authorId: p.official.user.id,
      status: 'ACCEPTED',
    });
    expect(events[1].payload).toEqual({
      campaignId: campaign.id,
      from: 'SUBMITTED',
      to: 'ACCEPTED',
      actorId: p.official.user.id,
    });
    expect(events[2].payload).toMatchObject({ campaignId: campaign.id, authorId: p.citizen.user.id, parentId: null });
    expect(events[3].payload).toMatchObject({ from: 'SUBMITTED', to: 'WITHDRAWN', actorId: p.author.user.id });
  });

  it('ContentHidden and ContentRestored, once per change; UserSuspended', async () => {
    const campaign = await makeCampaign(t, p.agency);
    const idea = await makeIdea(t, campaign, p.author);
    await recorded();
    const hide = 'mutation ($id: ID!) { hideContent(targetId: $id, reason: "Off topic") { __typename } }';
    const restore =
      'mutation ($id: ID!) { restoreContent(targetId: $id, reason: "On topic after all") { __typename } }';
    expect(outcome(await t.gql(hide, { id: idea.gid }, { token: p.moderator.token }))).toBe('OK');
    expect(outcome(await t.gql(hide, { id: idea.gid }, { token: p.moderator.token }))).toBe('OK');
    expect(outcome(await t.gql(restore, { id: idea.gid }, { token: p.moderator.token }))).toBe('OK');
    const target = await makeUser(t);
    const suspended = await t.gql(
      'mutation ($input: SuspendUserInput!) { suspendUser(input: $input) { id } }',
      { input: { userId: target.id, until: new Date(Date.now() + 86400000).toISOString(), reason: 'Spam' } },
      { token: p.moderator.token },
    );
    expect(outcome(suspended)).toBe('OK');
    const events = await recorded();
    expect(events.map((e) => [e.type, e.aggregate_id])).toEqual([
      ['ContentHidden', idea.id],
      ['ContentRestored', idea.id],
      ['UserSuspended', target.user.id],
    ]);
    expect(events[0].payload).toEqual({
      targetType: 'IDEA',
      campaignId: campaign.id,
      actorId: p.moderator.user.id,
      reason: 'Off topic',
      automatic: false,
    });
    expect(events[1].payload).toMatchObject({ reason: 'On topic after all', automatic: false });
  });

  it('a rolled-back vote leaves no event', async () => {
    const campaign = await makeCampaign(t, p.agency, { voteBudget: 1 });
    const [first, second] = await Promise.all([makeIdea(t, campaign, p.author), makeIdea(t, campaign, p.author)]);
    const votes = t.app.get(VotesService);
    const voter = await viewerOf(t, p.citizen);
    await votes.castVote(voter, first.id, 1);
    await recorded();
    // Over the budget: refused inside the vote's transaction.
    await expect(votes.castVote(voter, second.id, 1)).rejects.toThrow();
    // A vote written (with its events, in one statement) and then rolled back by a failure later in its transaction.
    const database = t.app.get(DatabaseService);
    const failing = database.transaction(async (manager) => {
      const idea = await votesRepository.apply(manager, {
        ideaId: second.id,
        campaignId: campaign.id,
        userId: p.admin.user.id,
        row: 'insert',
        value: 1,
        budget: 0,
        at: new Date(),
        up: 1,
        down: 0,
      });
      expect(idea.score).toBe(1);
      const inside = await rows<Recorded>(manager, 'SELECT type FROM domain_events WHERE id > $1', [since]);
      expect(inside).toEqual([{ type: 'IdeaVoted' }]);
      throw new TypeError('later step failed');
    });
    await expect(failing).rejects.toThrow('later step failed');
    expect(await recorded()).toEqual([]);
  });
});
