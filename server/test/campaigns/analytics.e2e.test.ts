import { DatabaseService } from '../../src/database/database.service.js';
import type { TestApp } from '../support/app.js';
import { appWithPersonas, makeCampaign, makeIdea, makeUser, outcome, type Personas } from '../support/factories.js';

const DAY = 86_400_000;
const ANALYTICS = `query ($id: ID!) { campaign(id: $id) { analytics {
  days { date ideas votes comments participants }
  tags { tag ideas votes }
  statuses { status ideas }
  owed answeredInTime answeredLate waiting } } }`;
const CAST = 'mutation ($id: ID!) { castVote(input: { ideaId: $id, value: 1 }) { score } }';
const COMMENT = 'mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }';
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

describe("a campaign's analytics", () => {
  let t: TestApp;
  let p: Personas;
  beforeAll(async () => ({ t, p } = await appWithPersonas()));
  afterAll(() => t.close());

  it('count ideas, votes, comments and distinct participants per UTC day, from opening to today', async () => {
    const c = await makeCampaign(t, p.agency, {
      opensAt: new Date(Date.now() - 3 * DAY),
      responseThreshold: 2,
      tags: ['Parks', 'Streets', 'Buses'],
    });
    const db = t.app.get(DatabaseService).dataSource;
    const parks = await makeIdea(t, c, p.author, { tag: 'Parks' });
    const streets = await makeIdea(t, c, p.citizen, { tag: 'Streets' });
    const untagged = await makeIdea(t, c, p.author);
    const voters = await Promise.all([makeUser(t), makeUser(t), makeUser(t)]);
    for (const voter of voters) await t.gql(CAST, { id: parks.gid }, { token: voter.token });
    await t.gql(CAST, { id: streets.gid }, { token: voters[0]!.token });
    await t.gql(CAST, { id: parks.gid }, { token: p.author.token });
    for (const voter of voters.slice(0, 2)) await t.gql(CAST, { id: untagged.gid }, { token: voter.token });
    await t.gql(COMMENT, { input: { ideaId: parks.gid, body: 'Yes please' } }, { token: voters[1]!.token });
    // Two days ago: the Streets idea, its author, and one vote.
    await db.query("UPDATE ideas SET created_at = created_at - interval '2 days' WHERE id = $1", [streets.id]);
    await db.query("UPDATE votes SET created_at = created_at - interval '2 days' WHERE idea_id = $1", [streets.id]);
    await t.gql(
      'mutation ($input: PostOfficialResponseInput!) { postOfficialResponse(input: $input) { id } }',
      { input: { ideaId: untagged.gid, body: 'No.', status: 'REJECTED' } },
      { token: p.official.token },
    );

    const result = await t.gql(ANALYTICS, { id: c.gid }, { token: p.official.token });
    expect(result.errors).toBeUndefined();
    const a = result.data!.campaign.analytics;
    expect(a.days.map((d: any) => d.date)).toEqual([isoDay(-3), isoDay(-2), isoDay(-1), isoDay(0)]);
    expect(a.days[0]).toEqual({ date: isoDay(-3), ideas: 0, votes: 0, comments: 0, participants: 0 });
    expect(a.days[1]).toEqual({ date: isoDay(-2), ideas: 1, votes: 1, comments: 0, participants: 2 });
    // Today: two ideas (author), six votes (three voters and the author), one comment (a voter).
    expect(a.days[3]).toEqual({ date: isoDay(0), ideas: 2, votes: 6, comments: 1, participants: 4 });
    expect(a.tags).toEqual([
      { tag: 'Parks', ideas: 1, votes: 4 },
      { tag: 'Streets', ideas: 1, votes: 1 },
      { tag: 'Buses', ideas: 0, votes: 0 },
    ]);
    const statuses = Object.fromEntries(a.statuses.map((s: any) => [s.status, s.ideas]));
    expect(statuses).toMatchObject({ SUBMITTED: 2, REJECTED: 1, ACCEPTED: 0 });
    expect(statuses).not.toHaveProperty('WITHDRAWN');
    expect(a).toMatchObject({ owed: 2, answeredInTime: 1, answeredLate: 0, waiting: 1 });
  });

  it('stop at the closing date', async () => {
    const c = await makeCampaign(t, p.agency, { opensAt: new Date(Date.now() - 5 * DAY) });
    await t.app
      .get(DatabaseService)
      .dataSource.query("UPDATE campaigns SET closes_at = now() - interval '2 days' WHERE id = $1", [c.id]);
    const a = (await t.gql(ANALYTICS, { id: c.gid }, { token: p.agencyAdmin.token })).data!.campaign.analytics;
    expect(a.days.map((d: any) => d.date)).toEqual([isoDay(-5), isoDay(-4), isoDay(-3), isoDay(-2)]);
  });

  it("are for the agency's members and site admins only: null for everyone else", async () => {
    const c = await makeCampaign(t, p.agency);
    const read = async (token?: string) => {
      const result = await t.gql(ANALYTICS, { id: c.gid }, token ? { token } : {});
      expect(outcome(result)).toBe('OK');
      return result.data!.campaign.analytics;
    };
    for (const who of [p.official, p.agencyAdmin, p.admin]) expect(await read(who.token)).not.toBeNull();
    expect(await read()).toBeNull();
    for (const who of [p.citizen, p.author, p.otherOfficial, p.moderator]) expect(await read(who.token)).toBeNull();
  });

  it('read the votes through their campaign index, not the whole table', async () => {
    const db = t.app.get(DatabaseService).dataSource;
    const plan = await db.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_seqscan = off');
      return manager.query(
        `EXPLAIN SELECT v.created_at, v.user_id FROM votes v WHERE v.campaign_id = $1 AND v.created_at >= now() - interval '3 days'`,
        [p.agency.id],
      );
    });
    expect(plan.map((row: any) => row['QUERY PLAN']).join('\n')).toMatch(/Index Only Scan using votes_activity_idx/);
  });
});
