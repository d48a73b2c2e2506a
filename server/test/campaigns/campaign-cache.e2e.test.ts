import { AgencyRole } from '@consulta/shared';
import { DatabaseService } from '../../src/database/database.service.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeAgency, makeCampaign, makeIdea, makeMember, makeUser, type TestUser } from '../support/factories.js';
import { countStatements } from '../support/statements.js';

const CAMPAIGN = 'query ($id: ID!) { campaign(id: $id) { id title status ideaCount } }';
const BY_SLUG = 'query ($slug: String!) { campaign(slug: $slug) { id title } }';
const CLOSE = 'mutation ($id: ID!) { closeCampaign(id: $id) { status } }';

describe('campaigns read for the campaign query', () => {
  let t: TestApp;
  let reader: TestUser;
  beforeAll(async () => {
    t = await startTestApp({ config: { campaignCacheSeconds: 1 } });
    reader = await makeUser(t);
  });
  afterAll(() => t.close());

  const read = async (id: string) => (await t.gql(CAMPAIGN, { id }, { token: reader.token })).data!.campaign;
  const db = () => t.app.get(DatabaseService).dataSource;

  it('are read once, then served by this process for CAMPAIGN_CACHE_SECONDS', async () => {
    const agency = await makeAgency(t);
    const c = await makeCampaign(t, agency);
    await read(c.gid);
    expect(await countStatements(() => read(c.gid))).toBe(0);
    // A change made outside this process is seen once the second is over.
    await db().query("UPDATE campaigns SET title = 'Renamed elsewhere' WHERE id = $1", [c.id]);
    expect((await read(c.gid)).title).not.toBe('Renamed elsewhere');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await read(c.gid)).title).toBe('Renamed elsewhere');
    // The row read after the old one ran out is kept in its turn.
    expect(await countStatements(() => read(c.gid))).toBe(0);
    const slug = (await db().query('SELECT slug FROM campaigns WHERE id = $1', [c.id]))[0].slug;
    await t.gql(BY_SLUG, { slug }, { token: reader.token });
    expect(await countStatements(() => t.gql(BY_SLUG, { slug }, { token: reader.token }))).toBe(0);
  });

  it('are forgotten as soon as this process commits a change: status, settings, counters', async () => {
    const agency = await makeAgency(t);
    const official = await makeMember(t, agency, AgencyRole.OFFICIAL);
    const c = await makeCampaign(t, agency);
    expect(await read(c.gid)).toMatchObject({ status: 'OPEN', ideaCount: 0 });
    await makeIdea(t, c, official);
    expect((await read(c.gid)).ideaCount).toBe(1);
    expect((await t.gql(CLOSE, { id: c.gid }, { token: official.token })).errors).toBeUndefined();
    expect((await read(c.gid)).status).toBe('CLOSED');
  });

  it('still decide who sees the campaign on every read', async () => {
    const agency = await makeAgency(t);
    const c = await makeCampaign(t, agency);
    expect(await read(c.gid)).not.toBeNull();
    const anonymous = await t.gql(CAMPAIGN, { id: c.gid });
    expect(anonymous.data!.campaign.id).toBe(c.gid);
    const draft = await makeCampaign(t, agency, { open: false });
    expect(await read(draft.gid)).toBeNull();
    expect(await read(draft.gid)).toBeNull();
  });

  it('are not kept with CAMPAIGN_CACHE_SECONDS=0', async () => {
    const other = await startTestApp({ config: { campaignCacheSeconds: 0 } });
    try {
      const c = await makeCampaign(other, await makeAgency(other));
      const ask = () => other.gql(CAMPAIGN, { id: c.gid });
      await ask();
      expect(await countStatements(ask)).toBeGreaterThan(0);
    } finally {
      await other.close();
    }
  });
});
