import { parse } from 'csv-parse/sync';
import { DatabaseService } from '../../src/database/database.service.js';
import type { TestApp } from '../support/app.js';
import { appWithPersonas, makeCampaign, makeIdea, makeUser, outcome, type Personas } from '../support/factories.js';

const HIDE = 'mutation ($id: ID!, $reason: String!) { hideContent(targetId: $id, reason: $reason) { __typename } }';
const CAST = 'mutation ($id: ID!, $v: Int!) { castVote(input: { ideaId: $id, value: $v }) { score } }';
const COMMENT = 'mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }';

describe('the open data', () => {
  let t: TestApp;
  let p: Personas;
  beforeAll(async () => ({ t, p } = await appWithPersonas()));
  afterAll(() => t.close());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${t.url}${path}`, { headers });
  const table = async (path: string) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    return parse(await response.text(), { columns: true }) as Record<string, string>[];
  };

  it('describe themselves as a Frictionless Data Package whose fields match the files', async () => {
    const response = await get('/open-data/datapackage.json');
    expect(response.status).toBe(200);
    const descriptor = (await response.json()) as any;
    expect(descriptor).toMatchObject({ name: 'consulta', licenses: [{ name: 'CC-BY-4.0' }] });
    expect(descriptor.resources.map((r: any) => r.name)).toEqual([
      'campaigns',
      'ideas',
      'official-responses',
      'comments',
      'votes',
    ]);
    for (const resource of descriptor.resources) {
      expect(resource).toMatchObject({ path: `${resource.name}.csv`, format: 'csv', mediatype: 'text/csv' });
      for (const field of resource.schema.fields) expect(field.description.length).toBeGreaterThan(5);
      const header = (await (await get(`/open-data/${resource.path}`)).text()).split('\r\n')[0];
      expect(header).toBe(resource.schema.fields.map((field: any) => field.name).join(','));
    }
  });

  it('publish what the public can see and nothing more, authors by name and pseudonym', async () => {
    const c = await makeCampaign(t, p.agency, { votingMode: 'UP_DOWN' });
    const draft = await makeCampaign(t, p.agency, { open: false });
    const listed = await makeIdea(t, c, p.author, { title: '=cmd|"/c calc"!A1 benches', body: '+1 for shade' });
    const hidden = await makeIdea(t, c, p.author, { title: 'Hidden away from the data' });
    const withdrawn = await makeIdea(t, c, p.author, { title: 'Withdrawn by its author' });
    await t.gql(HIDE, { id: hidden.gid, reason: 'Off topic, moderation note' }, { token: p.moderator.token });
    await t.gql(
      'mutation ($id: ID!) { withdrawIdea(id: $id) { id } }',
      { id: withdrawn.gid },
      { token: p.author.token },
    );
    const kept = await t.gql(
      COMMENT,
      { input: { ideaId: listed.gid, body: 'Kept comment' } },
      { token: p.citizen.token },
    );
    const gone = await t.gql(
      COMMENT,
      { input: { ideaId: listed.gid, body: 'Hidden comment' } },
      { token: p.citizen.token },
    );
    await t.gql(HIDE, { id: gone.data!.addComment.id, reason: 'Rude' }, { token: p.moderator.token });
    await t.gql(CAST, { id: listed.gid, v: 1 }, { token: p.citizen.token });
    await t.gql(CAST, { id: listed.gid, v: -1 }, { token: (await makeUser(t)).token });

    const campaigns = await table('/open-data/campaigns.csv');
    expect(campaigns.map((row) => row.id)).toContain(c.gid);
    expect(campaigns.map((row) => row.id)).not.toContain(draft.gid);

    const ideas = await table(`/open-data/ideas.csv?campaign=${c.slug}`);
    expect(ideas.map((row) => row.id)).toEqual([listed.gid]);
    expect(ideas[0]).toMatchObject({
      title: '\'=cmd|"/c calc"!A1 benches',
      body: "'+1 for shade",
      author_name: p.author.user.displayName,
      upvotes: '1',
      downvotes: '1',
    });
    expect(ideas[0]!.author_id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(ideas[0]!.author_id).not.toContain(p.author.user.id);

    const comments = await table(`/open-data/comments.csv?campaign=${c.slug}`);
    expect(comments.map((row) => row.id)).toEqual([kept.data!.addComment.id]);
    const commenter = comments[0]!.author_id;
    // The same person has the same pseudonym across the tables.
    await makeIdea(t, c, p.citizen, { title: 'The commenter proposes too' });
    const again = await table(`/open-data/ideas.csv?campaign=${c.slug}`);
    expect(again.find((row) => row.title === 'The commenter proposes too')!.author_id).toBe(commenter);

    const votes = await table(`/open-data/votes.csv?campaign=${c.slug}`);
    expect(votes).toEqual([{ idea_id: listed.gid, date: new Date().toISOString().slice(0, 10), up: '1', down: '1' }]);

    // Nothing private anywhere: no email, no moderation reason, nothing hidden.
    for (const name of ['campaigns', 'ideas', 'official-responses', 'comments', 'votes']) {
      const text = await (await get(`/open-data/${name}.csv`)).text();
      for (const secret of [
        p.author.email,
        p.citizen.email,
        'Off topic, moderation note',
        'Hidden comment',
        draft.gid,
        draft.title,
        'Withdrawn by its author',
        hidden.gid,
      ]) {
        expect(text).not.toContain(secret);
      }
    }
    expect((await get('/open-data/ideas.csv?campaign=no-such-campaign')).status).toBe(404);
    expect((await get(`/open-data/ideas.csv?campaign=${draft.slug}`)).status).toBe(404);
    expect((await get('/open-data/users.csv')).status).toBe(404);
  });

  it('answer 304 while nothing changed, and a change shows in the next download', async () => {
    const c = await makeCampaign(t, p.agency);
    const idea = await makeIdea(t, c, p.author);
    const first = await get(`/open-data/votes.csv?campaign=${c.slug}`);
    const etag = first.headers.get('etag')!;
    const modified = first.headers.get('last-modified')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    await first.text();
    expect((await get(`/open-data/votes.csv?campaign=${c.slug}`, { 'if-none-match': etag })).status).toBe(304);
    expect((await get(`/open-data/votes.csv?campaign=${c.slug}`, { 'if-modified-since': modified })).status).toBe(304);
    // Each file and each narrowing has its own tag.
    const other = await get(`/open-data/ideas.csv?campaign=${c.slug}`, { 'if-none-match': etag });
    expect(other.status).toBe(200);
    await other.text();

    expect(outcome(await t.gql(CAST, { id: idea.gid, v: 1 }, { token: p.citizen.token }))).toBe('OK');
    const after = await get(`/open-data/votes.csv?campaign=${c.slug}`, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(parse(await after.text(), { columns: true })).toHaveLength(1);

    // A renamed author shows under the new name.
    const tag = (await get(`/open-data/ideas.csv?campaign=${c.slug}`)).headers.get('etag')!;
    await t.gql(
      'mutation { updateProfile(input: { displayName: "Renamed Author" }) { user { displayName } } }',
      {},
      {
        token: p.author.token,
      },
    );
    const renamed = await get(`/open-data/ideas.csv?campaign=${c.slug}`, { 'if-none-match': tag });
    expect(renamed.status).toBe(200);
    expect(await renamed.text()).toContain('Renamed Author');
  });

  it('stream large tables in pages: every row once, in order', async () => {
    const c = await makeCampaign(t, p.agency);
    const db = t.app.get(DatabaseService).dataSource;
    await db.query(
      `INSERT INTO ideas (campaign_id, author_id, title, body, body_html, hot, created_at)
       SELECT $1, $2, 'Bulk idea ' || n, 'Body', '<p>Body</p>', 0, now() - n * interval '1 second'
         FROM generate_series(1, 4500) n`,
      [c.id, p.author.user.id],
    );
    const ideas = await table(`/open-data/ideas.csv?campaign=${c.slug}`);
    expect(ideas).toHaveLength(4500);
    expect(new Set(ideas.map((row) => row.id)).size).toBe(4500);
    expect(ideas[0]!.title).toBe('Bulk idea 4500');
    expect(ideas[4499]!.title).toBe('Bulk idea 1');
  });
});
