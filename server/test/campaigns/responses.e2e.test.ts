import { DatabaseService } from '../../src/database/database.service.js';
import type { TestApp } from '../support/app.js';
import { makeCampaign, makeIdea, makeUser, outcome, type Personas, appWithPersonas } from '../support/factories.js';

const RESPOND = `mutation ($input: PostOfficialResponseInput!) {
  postOfficialResponse(input: $input) { id status body bodyHtml createdAt author { id } agency { id name } idea { id status awaitingResponse duplicateOf { id } } }
}`;
const IDEA = `query ($id: ID!) { idea(id: $id) { status awaitingResponse viewerFollows duplicateOf { id } responses { status body agency { id } } } }`;
const CAST = 'mutation ($id: ID!) { castVote(input: { ideaId: $id, value: 1 }) { score awaitingResponse } }';
const AWAITING = `query ($id: ID!) { campaign(id: $id) {
  ideasAwaitingResponse(first: 10) { totalCount edges { node { id } } }
  responseStats { owed answered awaiting medianDaysToAnswer } } }`;

describe('official responses and accountability', () => {
  let t: TestApp;
  let p: Personas;
  beforeAll(async () => ({ t, p } = await appWithPersonas()));
  afterAll(() => t.close());

  it('let an official of the agency answer, set the status, sign with the agency, and keep a history', async () => {
    const c = await makeCampaign(t, p.agency);
    const idea = await makeIdea(t, c, p.author);
    const first = await t.gql(
      RESPOND,
      { input: { ideaId: idea.gid, body: 'We are **looking** at it.', status: 'UNDER_REVIEW' } },
      { token: p.official.token },
    );
    expect(first.errors).toBeUndefined();
    expect(first.data!.postOfficialResponse).toMatchObject({
      status: 'UNDER_REVIEW',
      author: { id: p.official.id },
      agency: { id: p.agency.gid, name: p.agency.name },
      idea: { id: idea.gid, status: 'UNDER_REVIEW' },
    });
    expect(first.data!.postOfficialResponse.bodyHtml).toContain('<strong>looking</strong>');
    await t.gql(
      RESPOND,
      { input: { ideaId: idea.gid, body: 'Approved for next year.', status: 'ACCEPTED' } },
      { token: p.agencyAdmin.token },
    );
    const read = await t.gql(IDEA, { id: idea.gid });
    expect(read.data!.idea.status).toBe('ACCEPTED');
    expect(read.data!.idea.responses.map((r: any) => r.status)).toEqual(['UNDER_REVIEW', 'ACCEPTED']);
    const log = await t.app
      .get(DatabaseService)
      .dataSource.query(
        "SELECT actor_id, details FROM audit_log WHERE action = 'idea.response_posted' AND target_id = $1 ORDER BY created_at",
        [idea.id],
      );
    expect(log.map((e: any) => [e.actor_id, e.details.from, e.details.to])).toEqual([
      [p.official.user.id, 'SUBMITTED', 'UNDER_REVIEW'],
      [p.agencyAdmin.user.id, 'UNDER_REVIEW', 'ACCEPTED'],
    ]);
  });

  it('stop the author from editing once answered', async () => {
    const c = await makeCampaign(t, p.agency);
    const idea = await makeIdea(t, c, p.author);
    await t.gql(
      RESPOND,
      { input: { ideaId: idea.gid, body: 'Noted.', status: 'UNDER_REVIEW' } },
      { token: p.official.token },
    );
    const edit = await t.gql(
      'mutation ($input: UpdateIdeaInput!) { updateIdea(input: $input) { id } }',
      { input: { id: idea.gid, title: 'Changed afterwards' } },
      { token: p.author.token },
    );
    expect(outcome(edit)).toBe('CONFLICT');
  });

  it('are refused to everyone outside the agency, site admins and other agencies’ officials included', async () => {
    const c = await makeCampaign(t, p.agency);
    const idea = await makeIdea(t, c, p.author);
    const input = { ideaId: idea.gid, body: 'Not yours to answer.', status: 'REJECTED' };
    expect(outcome(await t.gql(RESPOND, { input }))).toBe('UNAUTHENTICATED');
    for (const who of [p.citizen, p.author, p.otherOfficial, p.moderator, p.admin]) {
      expect(outcome(await t.gql(RESPOND, { input }, { token: who.token }))).toBe('FORBIDDEN');
    }
    expect((await t.gql(IDEA, { id: idea.gid })).data!.idea.status).toBe('SUBMITTED');
  });

  it('check the input: status, body, and the duplicate target', async () => {
    const c = await makeCampaign(t, p.agency);
    const idea = await makeIdea(t, c, p.author);
    const original = await makeIdea(t, c, p.citizen);
    const elsewhere = await makeIdea(t, await makeCampaign(t, p.agency), p.citizen);
    const bad = async (input: Record<string, unknown>) =>
      (await t.gql(RESPOND, { input: { ideaId: idea.gid, body: 'Because.', ...input } }, { token: p.official.token }))
        .errors?.[0]?.extensions;
    expect(await bad({ status: 'SUBMITTED' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { status: expect.any(String) },
    });
    expect(await bad({ status: 'WITHDRAWN' })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await bad({ status: 'ACCEPTED', body: '   ' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { body: expect.any(String) },
    });
    expect(await bad({ status: 'DUPLICATE' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { duplicateOfId: expect.any(String) },
    });
    expect(await bad({ status: 'DUPLICATE', duplicateOfId: elsewhere.gid })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await bad({ status: 'DUPLICATE', duplicateOfId: idea.gid })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await bad({ status: 'ACCEPTED', duplicateOfId: original.gid })).toMatchObject({ code: 'BAD_USER_INPUT' });
    const dup = await t.gql(
      RESPOND,
      { input: { ideaId: idea.gid, body: 'Same as another.', status: 'DUPLICATE', duplicateOfId: original.gid } },
      { token: p.official.token },
    );
    expect(dup.data!.postOfficialResponse.idea).toMatchObject({
      status: 'DUPLICATE',
      duplicateOf: { id: original.gid },
    });
    const gone = await makeIdea(t, c, p.author);
    await t.gql('mutation ($id: ID!) { withdrawIdea(id: $id) { id } }', { id: gone.gid }, { token: p.author.token });
    expect(
      outcome(
        await t.gql(
          RESPOND,
          { input: { ideaId: gone.gid, body: 'Too late.', status: 'REJECTED' } },
          { token: p.official.token },
        ),
      ),
    ).toBe('CONFLICT');
  });

  it('owe an answer once the score reaches the threshold, list those longest waiting first, and count them', async () => {
    const c = await makeCampaign(t, p.agency, { responseThreshold: 2 });
    const first = await makeIdea(t, c, p.author);
    const second = await makeIdea(t, c, p.author);
    const quiet = await makeIdea(t, c, p.author);
    const voters = await Promise.all([makeUser(t), makeUser(t)]);
    expect((await t.gql(CAST, { id: first.gid }, { token: voters[0]!.token })).data!.castVote.awaitingResponse).toBe(
      false,
    );
    expect((await t.gql(CAST, { id: first.gid }, { token: voters[1]!.token })).data!.castVote.awaitingResponse).toBe(
      true,
    );
    await t.gql(CAST, { id: second.gid }, { token: voters[0]!.token });
    await t.gql(CAST, { id: second.gid }, { token: voters[1]!.token });
    await t.gql(CAST, { id: quiet.gid }, { token: voters[0]!.token });
    const waiting = await t.gql(AWAITING, { id: c.gid });
    expect(waiting.data!.campaign.ideasAwaitingResponse.edges.map((e: any) => e.node.id)).toEqual([
      first.gid,
      second.gid,
    ]);
    expect(waiting.data!.campaign.responseStats).toEqual({
      owed: 2,
      answered: 0,
      awaiting: 2,
      medianDaysToAnswer: null,
    });

    await t.gql(
      RESPOND,
      { input: { ideaId: second.gid, body: 'Yes.', status: 'ACCEPTED' } },
      { token: p.official.token },
    );
    const after = await t.gql(AWAITING, { id: c.gid });
    expect(after.data!.campaign.ideasAwaitingResponse.edges.map((e: any) => e.node.id)).toEqual([first.gid]);
    expect(after.data!.campaign.responseStats).toMatchObject({ owed: 2, answered: 1, awaiting: 1 });
    expect(after.data!.campaign.responseStats.medianDaysToAnswer).toBeGreaterThanOrEqual(0);
    expect((await t.gql(IDEA, { id: second.gid })).data!.idea.awaitingResponse).toBe(false);
    const [stored] = await t.app
      .get(DatabaseService)
      .dataSource.query('SELECT threshold_reached_at FROM ideas WHERE id = $1', [first.id]);
    expect(stored.threshold_reached_at).toBeInstanceOf(Date);
  });
});

describe('follows', () => {
  let t: TestApp;
  let p: Personas;
  beforeAll(async () => ({ t, p } = await appWithPersonas()));
  afterAll(() => t.close());

  it('are idempotent, automatic for authors, and shown as viewerFollows', async () => {
    const c = await makeCampaign(t, p.agency);
    const idea = await makeIdea(t, c, p.author);
    const follows = async (token?: string) => (await t.gql(IDEA, { id: idea.gid }, { token })).data!.idea.viewerFollows;
    expect(await follows(p.author.token)).toBe(true);
    expect(await follows(p.citizen.token)).toBe(false);
    expect(await follows()).toBe(false);
    const FOLLOW = 'mutation ($id: ID!) { followIdea(ideaId: $id) { viewerFollows } }';
    const UNFOLLOW = 'mutation ($id: ID!) { unfollowIdea(ideaId: $id) { viewerFollows } }';
    expect((await t.gql(FOLLOW, { id: idea.gid }, { token: p.citizen.token })).data!.followIdea.viewerFollows).toBe(
      true,
    );
    expect((await t.gql(FOLLOW, { id: idea.gid }, { token: p.citizen.token })).data!.followIdea.viewerFollows).toBe(
      true,
    );
    expect((await t.gql(UNFOLLOW, { id: idea.gid }, { token: p.citizen.token })).data!.unfollowIdea.viewerFollows).toBe(
      false,
    );
    expect((await t.gql(UNFOLLOW, { id: idea.gid }, { token: p.citizen.token })).data!.unfollowIdea.viewerFollows).toBe(
      false,
    );
    expect(outcome(await t.gql(FOLLOW, { id: idea.gid }))).toBe('UNAUTHENTICATED');
    expect(outcome(await t.gql(FOLLOW, { id: 'nope' }, { token: p.citizen.token }))).toBe('NOT_FOUND');
  });
});
