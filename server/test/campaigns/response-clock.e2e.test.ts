import { Clock } from '../../src/common/clock/clock.js';
import { DatabaseService } from '../../src/database/database.service.js';
import type { TestApp } from '../support/app.js';
import { appWithPersonas, makeCampaign, makeIdea, makeUser, outcome, type Personas } from '../support/factories.js';

const DAY = 86_400_000;
const CAST = 'mutation ($id: ID!) { castVote(input: { ideaId: $id, value: 1 }) { score } }';
const RETRACT = 'mutation ($id: ID!) { retractVote(ideaId: $id) { score } }';
const RESPOND = `mutation ($input: PostOfficialResponseInput!) { postOfficialResponse(input: $input) { id } }`;
const IDEA = 'query ($id: ID!) { idea(id: $id) { awaitingResponse responseDueAt responseOverdue } }';
const CLOCK = `query ($id: ID!, $after: String) { campaign(id: $id) {
  responseDays
  ideasOverdue(first: 1, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } }
  ideasAwaitingResponse(first: 10) { totalCount }
  responseStats { owed answered awaiting answeredInTime answeredLate overdue } } }`;
const CREATE = `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { id responseDays } }`;
const UPDATE = `mutation ($input: UpdateCampaignInput!) { updateCampaign(input: $input) { id responseDays closesAt } }`;

describe('the response clock', () => {
  let t: TestApp;
  let p: Personas;
  let clock: Clock;
  beforeAll(async () => {
    ({ t, p } = await appWithPersonas());
    clock = t.app.get(Clock);
  });
  afterEach(() => clock.reset());
  afterAll(() => t.close());

  const support = async (ideaGid: string, times: number) => {
    for (let i = 0; i < times; i++) {
      const voter = await makeUser(t);
      expect(outcome(await t.gql(CAST, { id: ideaGid }, { token: voter.token }))).toBe('OK');
    }
  };
  const answer = (ideaGid: string, status = 'ACCEPTED') =>
    t.gql(RESPOND, { input: { ideaId: ideaGid, body: 'We will do it.', status } }, { token: p.official.token });

  it('takes 0 to 365 whole days or none, named on the field when refused', async () => {
    const base = { agencyId: p.agency.gid, title: 'Commitments', summary: 'Answer within days.', body: 'Body' };
    for (const responseDays of [-1, 366]) {
      const refused = await t.gql(CREATE, { input: { ...base, responseDays } }, { token: p.official.token });
      expect(outcome(refused)).toBe('BAD_USER_INPUT');
      expect(refused.errors![0]!.extensions!.fieldKeys.responseDays).toEqual({
        key: 'wholeDays',
        values: { max: 365 },
      });
    }
    const made = await t.gql(CREATE, { input: { ...base, responseDays: 0 } }, { token: p.official.token });
    expect(made.data!.createCampaign.responseDays).toBe(0);
    const id = made.data!.createCampaign.id;
    const changed = await t.gql(UPDATE, { input: { id, responseDays: 14 } }, { token: p.official.token });
    expect(changed.data!.updateCampaign.responseDays).toBe(14);
    const cleared = await t.gql(UPDATE, { input: { id, responseDays: null } }, { token: p.official.token });
    expect(cleared.data!.updateCampaign.responseDays).toBeNull();
  });

  it('makes an idea due when it reaches the threshold, overdue after the days, and done when answered', async () => {
    const c = await makeCampaign(t, p.agency, { responseThreshold: 2, responseDays: 7 });
    const early = await makeIdea(t, c, p.author);
    const late = await makeIdea(t, c, p.author);
    const below = await makeIdea(t, c, p.author);
    await support(early.gid, 2);
    await t.app
      .get(DatabaseService)
      .dataSource.query(
        "UPDATE ideas SET threshold_reached_at = threshold_reached_at - interval '1 hour' WHERE id = $1",
        [early.id],
      );
    await support(late.gid, 2);
    await support(below.gid, 1);

    const [reached] = await t.app
      .get(DatabaseService)
      .dataSource.query('SELECT threshold_reached_at FROM ideas WHERE id = $1', [late.id]);
    const due = (await t.gql(IDEA, { id: late.gid })).data!.idea;
    expect(due).toEqual({
      awaitingResponse: true,
      responseDueAt: new Date(reached.threshold_reached_at.getTime() + 7 * DAY).toISOString(),
      responseOverdue: false,
    });
    expect((await t.gql(IDEA, { id: below.gid })).data!.idea).toEqual({
      awaitingResponse: false,
      responseDueAt: null,
      responseOverdue: false,
    });
    let read = (await t.gql(CLOCK, { id: c.gid })).data!.campaign;
    expect(read.ideasOverdue.totalCount).toBe(0);
    expect(read.responseStats).toMatchObject({ owed: 2, awaiting: 2, overdue: 0 });

    clock.advance(7 * DAY + 60_000);
    read = (await t.gql(CLOCK, { id: c.gid })).data!.campaign;
    expect(read.ideasOverdue.totalCount).toBe(2);
    // Longest overdue first, one per page.
    expect(read.ideasOverdue.edges.map((e: any) => e.node.id)).toEqual([early.gid]);
    const next = (await t.gql(CLOCK, { id: c.gid, after: read.ideasOverdue.pageInfo.endCursor })).data!.campaign;
    expect(next.ideasOverdue.edges.map((e: any) => e.node.id)).toEqual([late.gid]);
    expect(next.ideasOverdue.pageInfo.hasNextPage).toBe(false);
    expect(read.responseStats).toMatchObject({ owed: 2, awaiting: 2, overdue: 2 });
    expect((await t.gql(IDEA, { id: late.gid })).data!.idea.responseOverdue).toBe(true);

    expect(outcome(await answer(early.gid))).toBe('OK');
    read = (await t.gql(CLOCK, { id: c.gid })).data!.campaign;
    expect(read.ideasOverdue.totalCount).toBe(1);
    expect(read.ideasAwaitingResponse.totalCount).toBe(1);
    expect(read.responseStats).toMatchObject({
      owed: 2,
      answered: 1,
      awaiting: 1,
      answeredInTime: 0,
      answeredLate: 1,
      overdue: 1,
    });
    expect((await t.gql(IDEA, { id: early.gid })).data!.idea).toEqual({
      awaitingResponse: false,
      responseDueAt: null,
      responseOverdue: false,
    });
  });

  it('counts an answer before the due time as in time, and nothing as late without a commitment', async () => {
    const committed = await makeCampaign(t, p.agency, { responseThreshold: 1, responseDays: 3 });
    const idea = await makeIdea(t, committed, p.author);
    await support(idea.gid, 1);
    clock.advance(2 * DAY);
    await answer(idea.gid);
    const stats = (await t.gql(CLOCK, { id: committed.gid })).data!.campaign.responseStats;
    expect(stats).toMatchObject({ owed: 1, answeredInTime: 1, answeredLate: 0, overdue: 0 });

    const open = await makeCampaign(t, p.agency, { responseThreshold: 1 });
    const waiting = await makeIdea(t, open, p.author);
    const answered = await makeIdea(t, open, p.author);
    await support(waiting.gid, 1);
    await support(answered.gid, 1);
    clock.advance(400 * DAY);
    await answer(answered.gid);
    const read = (await t.gql(CLOCK, { id: open.gid })).data!.campaign;
    expect(read.responseDays).toBeNull();
    expect(read.ideasOverdue.totalCount).toBe(0);
    expect(read.responseStats).toMatchObject({ owed: 2, answeredInTime: 1, answeredLate: 0, overdue: 0 });
    expect((await t.gql(IDEA, { id: waiting.gid })).data!.idea).toEqual({
      awaitingResponse: true,
      responseDueAt: null,
      responseOverdue: false,
    });
  });

  it('reads the overdue list through the awaiting index, not the whole table', async () => {
    const db = t.app.get(DatabaseService).dataSource;
    const c = await makeCampaign(t, p.agency, { responseThreshold: 1, responseDays: 1 });
    const plan = await db.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_seqscan = off');
      return manager.query(
        `EXPLAIN SELECT id FROM ideas i WHERE i.campaign_id = $1 AND i.responded_at IS NULL
           AND i.threshold_reached_at IS NOT NULL AND i.score >= 1
           AND i.threshold_reached_at < now() - make_interval(days => 1)
           AND i.visibility = 'VISIBLE' AND i.status <> 'WITHDRAWN' ORDER BY i.threshold_reached_at, i.id LIMIT 20`,
        [c.id],
      );
    });
    expect(plan.map((row: any) => row['QUERY PLAN']).join('\n')).toContain('ideas_awaiting_idx');
  });
});

describe('votes on decided ideas', () => {
  let t: TestApp;
  let p: Personas;
  beforeAll(async () => ({ t, p } = await appWithPersonas()));
  afterAll(() => t.close());

  it.each(['IMPLEMENTED', 'REJECTED', 'DUPLICATE'])(
    'are refused once it is %s; retracting still works',
    async (status) => {
      const c = await makeCampaign(t, p.agency, { voteBudget: 2 });
      const idea = await makeIdea(t, c, p.author);
      const original = await makeIdea(t, c, p.author);
      await t.gql(CAST, { id: idea.gid }, { token: p.citizen.token });
      const answered = await t.gql(
        RESPOND,
        {
          input: {
            ideaId: idea.gid,
            body: 'Decided.',
            status,
            ...(status === 'DUPLICATE' ? { duplicateOfId: original.gid } : {}),
          },
        },
        { token: p.official.token },
      );
      expect(outcome(answered)).toBe('OK');
      const voter = await makeUser(t);
      const refused = await t.gql(CAST, { id: idea.gid }, { token: voter.token });
      expect(outcome(refused)).toBe('CONFLICT');
      expect(refused.errors![0]!.extensions!.reason).toBe('IDEA_DECIDED');
      const back = await t.gql(RETRACT, { id: idea.gid }, { token: p.citizen.token });
      expect(back.data!.retractVote.score).toBe(0);
      const remaining = await t.gql(
        `query ($id: ID!) { campaign(id: $id) { viewerVotesRemaining } }`,
        { id: c.gid },
        {
          token: p.citizen.token,
        },
      );
      expect(remaining.data!.campaign.viewerVotesRemaining).toBe(2);
    },
  );

  it('are still taken while an idea is under review, accepted or in progress', async () => {
    const c = await makeCampaign(t, p.agency);
    const idea = await makeIdea(t, c, p.author);
    await t.gql(
      RESPOND,
      { input: { ideaId: idea.gid, body: 'Soon.', status: 'IN_PROGRESS' } },
      { token: p.official.token },
    );
    expect(outcome(await t.gql(CAST, { id: idea.gid }, { token: p.citizen.token }))).toBe('OK');
  });
});

describe('a draft with a closing time', () => {
  let t: TestApp;
  let p: Personas;
  beforeAll(async () => ({ t, p } = await appWithPersonas()));
  afterAll(() => t.close());

  it('cannot be saved with the closing time in the past; the error names closesAt', async () => {
    const past = new Date(Date.now() - 60_000).toISOString();
    const input = {
      agencyId: p.agency.gid,
      title: 'Too late',
      summary: 'Closing in the past.',
      body: 'Body',
      closesAt: past,
    };
    const refused = await t.gql(CREATE, { input }, { token: p.official.token });
    expect(outcome(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0]!.extensions!.fieldKeys.closesAt).toEqual({ key: 'timeInFuture' });
    const draft = await t.gql(CREATE, { input: { ...input, closesAt: null } }, { token: p.official.token });
    const id = draft.data!.createCampaign.id;
    const update = await t.gql(UPDATE, { input: { id, closesAt: past } }, { token: p.official.token });
    expect(update.errors![0]!.extensions!.fields).toHaveProperty('closesAt');
    const future = new Date(Date.now() + DAY).toISOString();
    expect(outcome(await t.gql(UPDATE, { input: { id, closesAt: future } }, { token: p.official.token }))).toBe('OK');
  });
});

describe('the owed lists, narrowed', () => {
  let t: TestApp;
  let p: Personas;
  beforeAll(async () => ({ t, p } = await appWithPersonas()));
  afterAll(() => t.close());

  it('by tag, status and words, in both the awaiting and the overdue list', async () => {
    const c = await makeCampaign(t, p.agency, { responseThreshold: 1, responseDays: 0 });
    const shade = await makeIdea(t, c, p.author, { title: 'Shade sails over playgrounds', tag: 'Parks' });
    const lights = await makeIdea(t, c, p.author, { title: 'Brighter street lights', tag: 'Streets' });
    for (const idea of [shade, lights]) {
      expect(outcome(await t.gql(CAST, { id: idea.gid }, { token: p.citizen.token }))).toBe('OK');
    }
    await t.gql(
      RESPOND,
      { input: { ideaId: lights.gid, body: 'Looking.', status: 'UNDER_REVIEW' } },
      {
        token: p.official.token,
      },
    );
    // Under review counts as answered: only the shade idea is still owed.
    const lights2 = await makeIdea(t, c, p.author, { title: 'Lights on the river path', tag: 'Streets' });
    await t.gql(CAST, { id: lights2.gid }, { token: p.citizen.token });
    const LIST = `query ($id: ID!, $tag: String, $status: IdeaStatus, $search: String) { campaign(id: $id) {
      ideasAwaitingResponse(tag: $tag, status: $status, search: $search) { totalCount edges { node { id } } }
      ideasOverdue(tag: $tag, status: $status, search: $search) { totalCount edges { node { id } } } } }`;
    const ids = async (variables: Record<string, unknown>) => {
      const result = await t.gql(LIST, { id: c.gid, ...variables });
      expect(result.errors).toBeUndefined();
      const campaign = result.data!.campaign;
      return [
        campaign.ideasAwaitingResponse.edges.map((e: any) => e.node.id),
        campaign.ideasOverdue.edges.map((e: any) => e.node.id),
      ];
    };
    t.app.get(Clock).advance(DAY);
    expect(await ids({})).toEqual([
      [shade.gid, lights2.gid],
      [shade.gid, lights2.gid],
    ]);
    expect(await ids({ tag: 'Streets' })).toEqual([[lights2.gid], [lights2.gid]]);
    expect(await ids({ status: 'UNDER_REVIEW' })).toEqual([[], []]);
    expect(await ids({ search: 'playgrounds' })).toEqual([[shade.gid], [shade.gid]]);
    t.app.get(Clock).reset();
  });
});

describe('consultations that have ended', () => {
  let t: TestApp;
  let p: Personas;
  beforeAll(async () => ({ t, p } = await appWithPersonas()));
  afterAll(() => t.close());

  it('are listed by the statuses people see, and closing early dates the close', async () => {
    const open = await makeCampaign(t, p.agency, { closesAt: new Date(Date.now() + 30 * DAY) });
    const closed = await makeCampaign(t, p.agency, { closesAt: new Date(Date.now() + 30 * DAY) });
    const ended = await makeCampaign(t, p.agency);
    await t.app
      .get(DatabaseService)
      .dataSource.query("UPDATE campaigns SET closes_at = now() - interval '1 hour' WHERE id = $1", [ended.id]);
    const before = Date.now();
    const close = await t.gql(
      'mutation ($id: ID!) { closeCampaign(id: $id) { status closesAt } }',
      { id: closed.gid },
      {
        token: p.official.token,
      },
    );
    expect(close.data!.closeCampaign.status).toBe('CLOSED');
    const closedAt = new Date(close.data!.closeCampaign.closesAt).getTime();
    expect(closedAt).toBeGreaterThanOrEqual(before - 1000);
    expect(closedAt).toBeLessThanOrEqual(Date.now() + 1000);
    const PAST = `{ campaigns(statuses: [CLOSED, ARCHIVED], first: 50) { edges { node { id status } } } }`;
    const listed = (await t.gql(PAST)).data!.campaigns.edges.map((e: any) => e.node.id);
    expect(listed).toEqual(expect.arrayContaining([closed.gid, ended.gid]));
    expect(listed).not.toContain(open.gid);
    // Reopening needs a later closing time first, and says so.
    const reopen = await t.gql(
      'mutation ($id: ID!) { openCampaign(id: $id) { status } }',
      { id: closed.gid },
      {
        token: p.official.token,
      },
    );
    expect(reopen.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CLOSING_TIME_PASSED' });
  });
});
