import { DatabaseService } from '../../src/database/database.service.js';
import type { TestApp } from '../support/app.js';
import { makeCampaign, makeIdea, makeUser, outcome, type Personas, appWithPersonas } from '../support/factories.js';

const SUBMIT = `mutation ($input: SubmitIdeaInput!) {
  submitIdea(input: $input) { id title body bodyHtml tag status visibility score author { id } campaign { ideaCount participantCount } }
}`;
const UPDATE = 'mutation ($input: UpdateIdeaInput!) { updateIdea(input: $input) { id title body tag updatedAt } }';
const WITHDRAW = 'mutation ($id: ID!) { withdrawIdea(id: $id) { id status } }';
const IDEAS =
  'query ($id: ID!, $status: IdeaStatus, $tag: String) { campaign(id: $id) { ideaCount ideas(first: 50, status: $status, tag: $tag) { totalCount edges { node { id } } } } }';

describe('ideas', () => {
  let t: TestApp;
  let p: Personas;
  beforeAll(async () => ({ t, p } = await appWithPersonas()));
  afterAll(() => t.close());

  describe('submitIdea', () => {
    it('adds an idea with safe HTML and counts the idea and the participant', async () => {
      const c = await makeCampaign(t, p.agency, { tags: ['Parks'] });
      const result = await t.gql(
        SUBMIT,
        {
          input: {
            campaignId: c.gid,
            title: '  More benches  ',
            body: 'Benches **now**. [x](javascript:alert(1)) <img src=x onerror=alert(1)>',
            tag: 'Parks',
          },
        },
        { token: p.citizen.token },
      );
      expect(result.errors).toBeUndefined();
      const idea = result.data!.submitIdea;
      expect(idea).toMatchObject({
        title: 'More benches',
        tag: 'Parks',
        status: 'SUBMITTED',
        visibility: 'VISIBLE',
        score: 0,
        author: { id: p.citizen.id },
      });
      expect(idea.campaign).toEqual({ ideaCount: 1, participantCount: 1 });
      expect(idea.bodyHtml).toContain('<strong>now</strong>');
      expect(idea.bodyHtml).not.toMatch(/<img|href="javascript|<[^>]*onerror/);
      const second = await t.gql(
        SUBMIT,
        { input: { campaignId: c.gid, title: 'Even more benches', body: 'Yes.' } },
        { token: p.citizen.token },
      );
      expect(second.data!.submitIdea.campaign).toEqual({ ideaCount: 2, participantCount: 1 });
    });

    it.each([
      [{ title: 'Shrt' }, 'title', { key: 'lengthBetween', values: { min: 5, max: 140 } }],
      [{ title: '      x     ' }, 'title', { key: 'lengthBetween', values: { min: 5, max: 140 } }],
      [{ title: 'x'.repeat(141) }, 'title', { key: 'lengthBetween', values: { min: 5, max: 140 } }],
      [{ body: '' }, 'body', { key: 'lengthBetween', values: { min: 1, max: 5000 } }],
      [{ body: '   ' }, 'body', { key: 'required' }],
      [{ body: 'x'.repeat(5001) }, 'body', { key: 'lengthBetween', values: { min: 1, max: 5000 } }],
      [{ tag: 'Not a tag' }, 'tag', { key: 'tagChoice', values: { tags: 'Parks' } }],
    ])('refuses %p with a message on %s, and its key for translation', async (extra, field, key) => {
      const c = await makeCampaign(t, p.agency, { tags: ['Parks'] });
      const result = await t.gql(
        SUBMIT,
        { input: { campaignId: c.gid, title: 'A good title', body: 'A body', ...extra } },
        { token: p.citizen.token },
      );
      expect(outcome(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0]!.extensions!.fields).toHaveProperty(field);
      expect(result.errors![0]!.extensions!.fieldKeys).toEqual({ [field]: key });
    });

    it('needs a session, an open campaign, a visible campaign and an unsuspended person', async () => {
      const open = await makeCampaign(t, p.agency);
      const input = { campaignId: open.gid, title: 'A good title', body: 'A body' };
      expect(outcome(await t.gql(SUBMIT, { input }))).toBe('UNAUTHENTICATED');
      const closed = await makeCampaign(t, p.agency);
      await t.gql(
        'mutation ($id: ID!) { closeCampaign(id: $id) { id } }',
        { id: closed.gid },
        { token: p.official.token },
      );
      expect(
        outcome(await t.gql(SUBMIT, { input: { ...input, campaignId: closed.gid } }, { token: p.citizen.token })),
      ).toBe('CONFLICT');
      const draft = await makeCampaign(t, p.agency, { open: false });
      expect(
        outcome(await t.gql(SUBMIT, { input: { ...input, campaignId: draft.gid } }, { token: p.citizen.token })),
      ).toBe('NOT_FOUND');
      const later = await makeCampaign(t, p.agency, { opensAt: new Date(Date.now() + 3600000) });
      expect(
        outcome(await t.gql(SUBMIT, { input: { ...input, campaignId: later.gid } }, { token: p.citizen.token })),
      ).toBe('CONFLICT');
      const suspended = await makeUser(t);
      await t.app
        .get(DatabaseService)
        .dataSource.query("UPDATE users SET suspended_until = now() + interval '1 day' WHERE id = $1", [
          suspended.user.id,
        ]);
      expect(outcome(await t.gql(SUBMIT, { input }, { token: suspended.token }))).toBe('CONFLICT');
    });
  });

  describe('updateIdea', () => {
    it('lets the author edit while the campaign is open', async () => {
      const c = await makeCampaign(t, p.agency, { tags: ['Parks', 'Streets'] });
      const idea = await makeIdea(t, c, p.citizen);
      const result = await t.gql(
        UPDATE,
        { input: { id: idea.gid, title: 'A better title', tag: 'Streets' } },
        { token: p.citizen.token },
      );
      expect(result.data!.updateIdea).toMatchObject({ title: 'A better title', body: idea.body, tag: 'Streets' });
      expect(new Date(result.data!.updateIdea.updatedAt).getTime()).toBeGreaterThanOrEqual(idea.updatedAt.getTime());
    });

    it('is refused to others, after closing, after withdrawal and once the agency has answered', async () => {
      const c = await makeCampaign(t, p.agency);
      const idea = await makeIdea(t, c, p.citizen);
      const edit = { input: { id: idea.gid, title: 'Changed by someone' } };
      expect(outcome(await t.gql(UPDATE, edit))).toBe('UNAUTHENTICATED');
      for (const who of [p.official, p.moderator, p.admin])
        expect(outcome(await t.gql(UPDATE, edit, { token: who.token }))).toBe('FORBIDDEN');
      await t.app
        .get(DatabaseService)
        .dataSource.query("UPDATE ideas SET status = 'UNDER_REVIEW' WHERE id = $1", [idea.id]);
      expect(outcome(await t.gql(UPDATE, edit, { token: p.citizen.token }))).toBe('CONFLICT');
      const other = await makeIdea(t, c, p.citizen);
      await t.gql(WITHDRAW, { id: other.gid }, { token: p.citizen.token });
      expect(
        outcome(await t.gql(UPDATE, { input: { id: other.gid, title: 'Edit withdrawn' } }, { token: p.citizen.token })),
      ).toBe('CONFLICT');
      const third = await makeIdea(t, c, p.citizen);
      await t.gql('mutation ($id: ID!) { closeCampaign(id: $id) { id } }', { id: c.gid }, { token: p.official.token });
      expect(
        outcome(
          await t.gql(UPDATE, { input: { id: third.gid, title: 'Edit after close' } }, { token: p.citizen.token }),
        ),
      ).toBe('CONFLICT');
    });
  });

  describe('withdrawIdea', () => {
    it('takes the idea out of default lists and counts, and is idempotent', async () => {
      const c = await makeCampaign(t, p.agency);
      const keep = await makeIdea(t, c, p.citizen);
      const gone = await makeIdea(t, c, p.citizen);
      expect(outcome(await t.gql(WITHDRAW, { id: gone.gid }, { token: p.official.token }))).toBe('FORBIDDEN');
      expect((await t.gql(WITHDRAW, { id: gone.gid }, { token: p.citizen.token })).data!.withdrawIdea.status).toBe(
        'WITHDRAWN',
      );
      expect((await t.gql(WITHDRAW, { id: gone.gid }, { token: p.citizen.token })).data!.withdrawIdea.status).toBe(
        'WITHDRAWN',
      );
      const list = await t.gql(IDEAS, { id: c.gid });
      expect(list.data!.campaign.ideaCount).toBe(1);
      expect(list.data!.campaign.ideas.edges.map((e: any) => e.node.id)).toEqual([keep.gid]);
      expect(list.data!.campaign.ideas.totalCount).toBe(1);
      const withdrawn = await t.gql(IDEAS, { id: c.gid, status: 'WITHDRAWN' });
      expect(withdrawn.data!.campaign.ideas.edges.map((e: any) => e.node.id)).toEqual([gone.gid]);
      expect((await t.gql('query ($id: ID!) { idea(id: $id) { status } }', { id: gone.gid })).data!.idea.status).toBe(
        'WITHDRAWN',
      );
    });
  });

  describe('reading', () => {
    it('filters by tag and status', async () => {
      const c = await makeCampaign(t, p.agency, { tags: ['Parks', 'Streets'] });
      const park = await makeIdea(t, c, p.citizen, { tag: 'Parks' });
      await makeIdea(t, c, p.citizen, { tag: 'Streets' });
      const parks = await t.gql(IDEAS, { id: c.gid, tag: 'Parks' });
      expect(parks.data!.campaign.ideas.edges.map((e: any) => e.node.id)).toEqual([park.gid]);
      expect((await t.gql(IDEAS, { id: c.gid, status: 'ACCEPTED' })).data!.campaign.ideas.totalCount).toBe(0);
    });

    it('resolves ideas by id and node, and hides those of draft campaigns', async () => {
      const c = await makeCampaign(t, p.agency);
      const idea = await makeIdea(t, c, p.citizen);
      const byNode = await t.gql('query ($id: ID!) { node(id: $id) { ... on Idea { title campaign { id } } } }', {
        id: idea.gid,
      });
      expect(byNode.data!.node).toEqual({ title: idea.title, campaign: { id: c.gid } });
      await t.app.get(DatabaseService).dataSource.query("UPDATE campaigns SET status = 'DRAFT' WHERE id = $1", [c.id]);
      expect(
        (await t.gql('query ($id: ID!) { idea(id: $id) { id } }', { id: idea.gid }, { token: p.citizen.token })).data!
          .idea,
      ).toBeNull();
      expect(
        (await t.gql('query ($id: ID!) { idea(id: $id) { id } }', { id: idea.gid }, { token: p.official.token })).data!
          .idea,
      ).not.toBeNull();
    });
  });

  describe('search', () => {
    let c: Awaited<ReturnType<typeof makeCampaign>>;
    beforeAll(async () => {
      c = await makeCampaign(t, p.agency);
      await makeIdea(t, c, p.citizen, {
        title: 'Water the young trees',
        body: 'Watering in summer keeps saplings alive.',
      });
      await makeIdea(t, c, p.citizen, { title: 'Benches by the pond', body: 'People want to sit near the water.' });
      await makeIdea(t, c, p.citizen, { title: 'Repaint the crossings', body: 'Faded lines are dangerous.' });
    });
    const SEARCH =
      'query ($q: String!, $c: ID) { searchIdeas(query: $q, campaignId: $c) { totalCount edges { node { title } } } }';

    it('stems words and ranks the best match first', async () => {
      const result = await t.gql(SEARCH, { q: 'watering trees', c: c.gid });
      expect(result.data!.searchIdeas.edges.map((e: any) => e.node.title)).toEqual(['Water the young trees']);
      const water = await t.gql(SEARCH, { q: 'water', c: c.gid });
      expect(water.data!.searchIdeas.edges[0].node.title).toBe('Water the young trees');
      expect(water.data!.searchIdeas.totalCount).toBe(2);
      const inCampaign = await t.gql(
        'query ($id: ID!) { campaign(id: $id) { ideas(search: "crossing") { edges { node { title } } } } }',
        { id: c.gid },
      );
      expect(inCampaign.data!.campaign.ideas.edges.map((e: any) => e.node.title)).toEqual(['Repaint the crossings']);
    });

    it('is safe with any characters, refuses empty and overlong queries', async () => {
      for (const q of ["'); DROP TABLE ideas; --", '&|!:*()<>\\', '"unclosed', '😀 ñ ü 中文', 'a:* | !b']) {
        const result = await t.gql(SEARCH, { q });
        expect(result.errors).toBeUndefined();
      }
      expect(outcome(await t.gql(SEARCH, { q: '   ' }))).toBe('BAD_USER_INPUT');
      expect(outcome(await t.gql(SEARCH, { q: 'x'.repeat(201) }))).toBe('BAD_USER_INPUT');
      expect(
        (await t.app.get(DatabaseService).dataSource.query('SELECT count(*)::int AS n FROM ideas'))[0].n,
      ).toBeGreaterThan(0);
    });

    it('puts the nearest suggestion first, takes `first`, and leaves withdrawn ideas out', async () => {
      const SIMILAR =
        'query ($c: ID!, $text: String!, $first: Int) { similarIdeas(campaignId: $c, text: $text, first: $first) { title } }';
      const place = await makeCampaign(t, p.agency);
      const body = { body: 'Details.' };
      await makeIdea(t, place, p.citizen, { title: 'Drinking fountains in every park', ...body });
      await makeIdea(t, place, p.citizen, { title: 'Fountains for dogs', ...body });
      const gone = await makeIdea(t, place, p.citizen, { title: 'Drinking fountains in parks', ...body });
      await makeIdea(t, place, p.citizen, { title: 'Bike lanes on Main Street', ...body });
      for (let i = 0; i < 8; i++) await makeIdea(t, place, p.author, { title: `Drinking water ${i}`, ...body });
      const titles = async (text: string, first?: number) =>
        (await t.gql(SIMILAR, { c: place.gid, text, first })).data!.similarIdeas.map((idea: any) => idea.title);

      expect((await titles('drinking fountains in parks', 2))[0]).toBe('Drinking fountains in parks');
      expect(await titles('drinking fountains in parks', 2)).toHaveLength(2);
      const water = await titles('drinking water', 12);
      expect(water).toHaveLength(10);
      expect(water.slice(0, 8).every((title: string) => title.startsWith('Drinking water'))).toBe(true);
      expect(await titles('bike lanes')).toEqual(['Bike lanes on Main Street']);
      await t.gql(WITHDRAW, { id: gone.gid }, { token: p.citizen.token });
      const after = await titles('drinking fountains in parks');
      expect(after[0]).toBe('Drinking fountains in every park');
      expect(after).not.toContain('Drinking fountains in parks');
    });

    it('suggests similar ideas while typing, within the campaign, visible ones only', async () => {
      const SIMILAR = 'query ($c: ID!, $text: String!) { similarIdeas(campaignId: $c, text: $text) { title } }';
      const similar = await t.gql(SIMILAR, { c: c.gid, text: 'benchs near pond' });
      expect(similar.data!.similarIdeas[0].title).toBe('Benches by the pond');
      expect((await t.gql(SIMILAR, { c: c.gid, text: 'be' })).data!.similarIdeas).toEqual([]);
      const other = await makeCampaign(t, p.agency);
      expect((await t.gql(SIMILAR, { c: other.gid, text: 'benches by the pond' })).data!.similarIdeas).toEqual([]);
      const draft = await makeCampaign(t, p.agency, { open: false });
      expect(outcome(await t.gql(SIMILAR, { c: draft.gid, text: 'benches' }))).toBe('NOT_FOUND');
    });
  });
});
