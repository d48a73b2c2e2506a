import { DatabaseService } from '../../src/database/database.service.js';
import type { TestApp } from '../support/app.js';
import { makeCampaign, outcome, type Personas, appWithPersonas } from '../support/factories.js';

const CREATE = `mutation ($input: CreateCampaignInput!) {
  createCampaign(input: $input) { id slug title status votingMode voteBudget responseThreshold tags bodyHtml agency { id } ideaCount participantCount }
}`;
const UPDATE =
  'mutation ($input: UpdateCampaignInput!) { updateCampaign(input: $input) { id title voteBudget tags closesAt status } }';
const CAMPAIGN =
  'query ($id: ID, $slug: String) { campaign(id: $id, slug: $slug) { id status acceptingContributions } }';

describe('campaigns', () => {
  let t: TestApp;
  let p: Personas;
  beforeAll(async () => ({ t, p } = await appWithPersonas()));
  afterAll(() => t.close());

  const input = (extra: Record<string, unknown> = {}) => ({
    agencyId: p.agency.gid,
    title: 'Safer crossings near schools',
    summary: 'Where should the city add crossings first?',
    body: 'Read the **plan** and <script>alert(1)</script> tell us.',
    ...extra,
  });

  describe('createCampaign', () => {
    it('lets an official of the agency create a DRAFT with defaults, rendering the body safely', async () => {
      const result = await t.gql(
        CREATE,
        { input: input({ slug: 'safer-crossings', tags: ['School', 'Traffic'] }) },
        { token: p.official.token },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.createCampaign).toMatchObject({
        slug: 'safer-crossings',
        status: 'DRAFT',
        votingMode: 'SUPPORT',
        voteBudget: null,
        responseThreshold: null,
        tags: ['School', 'Traffic'],
        agency: { id: p.agency.gid },
        ideaCount: 0,
        participantCount: 0,
      });
      expect(result.data!.createCampaign.bodyHtml).toContain('<strong>plan</strong>');
      expect(result.data!.createCampaign.bodyHtml).not.toContain('<script>');
    });

    it('is refused to officials of other agencies, citizens and moderators; admins and agency admins may', async () => {
      expect(outcome(await t.gql(CREATE, { input: input() }))).toBe('UNAUTHENTICATED');
      for (const who of [p.otherOfficial, p.citizen, p.moderator]) {
        expect(outcome(await t.gql(CREATE, { input: input() }, { token: who.token }))).toBe('FORBIDDEN');
      }
      expect(
        outcome(
          await t.gql(CREATE, { input: input({ title: 'By the agency admin' }) }, { token: p.agencyAdmin.token }),
        ),
      ).toBe('OK');
      expect(
        outcome(await t.gql(CREATE, { input: input({ title: 'By the site admin' }) }, { token: p.admin.token })),
      ).toBe('OK');
      expect(outcome(await t.gql(CREATE, { input: input({ agencyId: p.citizen.id }) }, { token: p.admin.token }))).toBe(
        'NOT_FOUND',
      );
    });

    it.each([
      [{ title: 'Hey' }, 'title'],
      [{ summary: '' }, 'summary'],
      [{ body: '' }, 'body'],
      [{ voteBudget: 0 }, 'voteBudget'],
      [{ responseThreshold: -1 }, 'responseThreshold'],
      [{ tags: ['a', 'a'] }, 'tags'],
      [{ tags: ['x'.repeat(41)] }, 'tags'],
      [{ opensAt: '2030-01-02T00:00:00Z', closesAt: '2030-01-01T00:00:00Z' }, 'closesAt'],
      [{ slug: 'Bad Slug' }, 'slug'],
    ])('refuses %p with a message on %s', async (extra, field) => {
      const result = await t.gql(CREATE, { input: input(extra) }, { token: p.official.token });
      expect(outcome(result)).toBe('BAD_USER_INPUT');
      expect(Object.keys(result.errors![0]!.extensions!.fields).join()).toContain(field);
    });

    it('refuses a slug in use (CONFLICT)', async () => {
      await t.gql(CREATE, { input: input({ slug: 'taken-slug' }) }, { token: p.official.token });
      expect(outcome(await t.gql(CREATE, { input: input({ slug: 'taken-slug' }) }, { token: p.official.token }))).toBe(
        'CONFLICT',
      );
    });
  });

  describe('drafts', () => {
    it('are visible only to the agency’s members and admins, by id, slug, node and in lists', async () => {
      const draft = await makeCampaign(t, p.agency, { open: false });
      const list = '{ campaigns(first: 50) { edges { node { id } } } }';
      for (const who of [p.official, p.agencyAdmin, p.admin]) {
        expect((await t.gql(CAMPAIGN, { id: draft.gid }, { token: who.token })).data!.campaign).toMatchObject({
          status: 'DRAFT',
        });
        const ids = (await t.gql(list, {}, { token: who.token })).data!.campaigns.edges.map((e: any) => e.node.id);
        expect(ids).toContain(draft.gid);
      }
      for (const token of [undefined, p.citizen.token, p.otherOfficial.token, p.moderator.token]) {
        expect((await t.gql(CAMPAIGN, { id: draft.gid }, { token })).data!.campaign).toBeNull();
        expect((await t.gql(CAMPAIGN, { slug: draft.slug }, { token })).data!.campaign).toBeNull();
        expect(
          (await t.gql('query ($id: ID!) { node(id: $id) { id } }', { id: draft.gid }, { token })).data!.node,
        ).toBeNull();
        const ids = (await t.gql(list, {}, { token })).data!.campaigns.edges.map((e: any) => e.node.id);
        expect(ids).not.toContain(draft.gid);
      }
    });
  });

  describe('open, close, archive', () => {
    it('move through their states, are idempotent, and refuse impossible moves with CONFLICT', async () => {
      const c = await makeCampaign(t, p.agency, { open: false });
      const run = (op: string) =>
        t.gql(`mutation ($id: ID!) { ${op}(id: $id) { status } }`, { id: c.gid }, { token: p.official.token });
      expect(outcome(await run('closeCampaign'))).toBe('CONFLICT');
      expect(outcome(await run('archiveCampaign'))).toBe('CONFLICT');
      expect((await run('openCampaign')).data!.openCampaign.status).toBe('OPEN');
      expect((await run('openCampaign')).data!.openCampaign.status).toBe('OPEN');
      expect((await run('closeCampaign')).data!.closeCampaign.status).toBe('CLOSED');
      expect((await run('closeCampaign')).data!.closeCampaign.status).toBe('CLOSED');
      expect((await run('archiveCampaign')).data!.archiveCampaign.status).toBe('ARCHIVED');
      expect(outcome(await run('openCampaign'))).toBe('CONFLICT');
      expect(
        outcome(await t.gql(UPDATE, { input: { id: c.gid, title: 'Too late now' } }, { token: p.official.token })),
      ).toBe('CONFLICT');
      const actions = await t.app
        .get(DatabaseService)
        .dataSource.query('SELECT action FROM audit_log WHERE target_id = $1 ORDER BY created_at', [c.id]);
      expect(actions.map((a: { action: string }) => a.action)).toEqual([
        'campaign.created',
        'campaign.open',
        'campaign.closed',
        'campaign.archived',
      ]);
    });

    it('are refused to the wrong people', async () => {
      const c = await makeCampaign(t, p.agency, { open: false });
      const open = 'mutation ($id: ID!) { openCampaign(id: $id) { status } }';
      expect(outcome(await t.gql(open, { id: c.gid }))).toBe('UNAUTHENTICATED');
      expect(outcome(await t.gql(open, { id: c.gid }, { token: p.citizen.token }))).toBe('NOT_FOUND');
      expect(outcome(await t.gql(open, { id: c.gid }, { token: p.otherOfficial.token }))).toBe('NOT_FOUND');
      await t.gql(open, { id: c.gid }, { token: p.official.token });
      expect(outcome(await t.gql(open, { id: c.gid }, { token: p.otherOfficial.token }))).toBe('FORBIDDEN');
    });

    it('closes by itself when closesAt passes, with no job, and a future opensAt means not yet', async () => {
      const ended = await makeCampaign(t, p.agency, { closesAt: new Date(Date.now() + 1500) });
      expect((await t.gql(CAMPAIGN, { id: ended.gid })).data!.campaign).toMatchObject({
        status: 'OPEN',
        acceptingContributions: true,
      });
      await new Promise((resolve) => setTimeout(resolve, 1600));
      expect((await t.gql(CAMPAIGN, { id: ended.gid })).data!.campaign).toMatchObject({
        status: 'CLOSED',
        acceptingContributions: false,
      });
      const closedList = await t.gql(
        'query ($a: ID) { campaigns(agencyId: $a, status: CLOSED) { edges { node { id } } } }',
        { a: p.agency.gid },
      );
      expect(closedList.data!.campaigns.edges.map((e: any) => e.node.id)).toContain(ended.gid);
      const later = await makeCampaign(t, p.agency, { opensAt: new Date(Date.now() + 86400000) });
      expect((await t.gql(CAMPAIGN, { id: later.gid })).data!.campaign).toMatchObject({
        status: 'OPEN',
        acceptingContributions: false,
      });
    });
  });

  describe('updateCampaign', () => {
    it('changes what was given and nothing else', async () => {
      const c = await makeCampaign(t, p.agency, { voteBudget: 3, tags: ['One'] });
      const result = await t.gql(
        UPDATE,
        { input: { id: c.gid, title: 'A clearer question', voteBudget: 5, tags: ['One', 'Two'] } },
        { token: p.official.token },
      );
      expect(result.data!.updateCampaign).toMatchObject({
        title: 'A clearer question',
        voteBudget: 5,
        tags: ['One', 'Two'],
        status: 'OPEN',
      });
    });

    it('never lowers the budget of an opened campaign, nor removes a tag in use', async () => {
      const c = await makeCampaign(t, p.agency, { voteBudget: 3, tags: ['Used', 'Unused'] });
      await t.gql(
        'mutation ($input: SubmitIdeaInput!) { submitIdea(input: $input) { id } }',
        {
          input: { campaignId: c.gid, title: 'Tagged idea', body: 'Body', tag: 'Used' },
        },
        { token: p.citizen.token },
      );
      const lower = await t.gql(UPDATE, { input: { id: c.gid, voteBudget: 2 } }, { token: p.official.token });
      expect(lower.errors![0]!.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { voteBudget: expect.any(String) },
      });
      const untag = await t.gql(UPDATE, { input: { id: c.gid, tags: ['Unused'] } }, { token: p.official.token });
      expect(untag.errors![0]!.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { tags: expect.any(String) },
      });
      expect(outcome(await t.gql(UPDATE, { input: { id: c.gid, tags: ['Used'] } }, { token: p.official.token }))).toBe(
        'OK',
      );
    });

    it('is refused to the wrong people', async () => {
      const c = await makeCampaign(t, p.agency);
      expect(outcome(await t.gql(UPDATE, { input: { id: c.gid, title: 'Hijacked title' } }))).toBe('UNAUTHENTICATED');
      for (const who of [p.citizen, p.otherOfficial, p.moderator]) {
        expect(
          outcome(await t.gql(UPDATE, { input: { id: c.gid, title: 'Hijacked title' } }, { token: who.token })),
        ).toBe('FORBIDDEN');
      }
    });
  });

  describe('lists', () => {
    it('page newest first with exact totals, and filter by agency and status', async () => {
      const agencyWithMany = p.otherAgency;
      const made = [];
      for (let i = 0; i < 5; i++) made.push(await makeCampaign(t, agencyWithMany));
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const result: any = await t.gql(
          'query ($a: ID, $after: String) { campaigns(agencyId: $a, first: 2, after: $after, status: OPEN) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }',
          { a: agencyWithMany.gid, after },
        );
        expect(result.data.campaigns.totalCount).toBe(5);
        seen.push(...result.data.campaigns.edges.map((e: any) => e.node.id));
        after = result.data.campaigns.pageInfo.hasNextPage ? result.data.campaigns.pageInfo.endCursor : null;
      } while (after);
      expect(seen).toEqual(made.reverse().map((c) => c.gid));
      const viaAgency = await t.gql(
        'query ($id: ID!) { node(id: $id) { ... on Agency { campaigns(first: 50) { totalCount } } } }',
        { id: agencyWithMany.gid },
      );
      expect(viaAgency.data!.node.campaigns.totalCount).toBe(5);
    });

    it('refuse a cursor from another list and a non-positive first', async () => {
      expect(outcome(await t.gql('{ campaigns(after: "bm9wZQ") { totalCount } }'))).toBe('BAD_USER_INPUT');
      expect(outcome(await t.gql('{ campaigns(first: 0) { totalCount } }'))).toBe('BAD_USER_INPUT');
      const capped = await t.gql('{ campaigns(first: 1000) { edges { cursor } } }');
      expect(capped.data!.campaigns.edges.length).toBeLessThanOrEqual(50);
    });
  });
});
