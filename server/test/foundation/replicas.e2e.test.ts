import { startTestApp, type TestApp } from '../support/app.js';
import { makeCampaign, makeIdea, makePersonas, type Personas } from '../support/factories.js';
import { startPrimaryWithReplica, type PrimaryWithReplica } from '../support/replica.js';
import { waitFor } from '../support/wait.js';

const LIST =
  'query ($slug: String!) { campaign(slug: $slug) { ideas(first: 50, sort: NEW) { edges { node { id } } } } }';
const VOTE = 'mutation ($id: ID!) { castVote(input: { ideaId: $id, value: 1 }) { upvotes } }';

/** A streaming replica made with pg_basebackup -R; DATABASE_REPLICA_URLS names it. */
describe('read replicas', () => {
  let cluster: PrimaryWithReplica;
  let t: TestApp;
  let p: Personas;

  beforeAll(async () => {
    cluster = await startPrimaryWithReplica();
    t = await startTestApp({ databaseUrl: cluster.primaryUrl, config: { databaseReplicaUrls: [cluster.replicaUrl] } });
    p = await makePersonas(t);
  }, 120000);
  afterAll(async () => {
    await t?.close();
    await cluster?.stop();
  });

  const listed = async (slug: string, token?: string) =>
    ((await t.gql(LIST, { slug }, { token })).data!.campaign.ideas.edges as Array<{ node: { id: string } }>).map(
      (edge) => edge.node.id,
    );

  it('serve lists from the replica, writes and the writer’s own reads from the primary', async () => {
    const campaign = await makeCampaign(t, p.agency);
    const first = await makeIdea(t, campaign, p.citizen);
    await waitFor('the replica to catch up', async () => (await listed(campaign.slug)).includes(first.gid));

    // With the replica's replay paused, what it serves stands still while the primary moves on.
    await cluster.onReplica('SELECT pg_wal_replay_pause()');
    const second = await makeIdea(t, campaign, p.author);
    expect(await listed(campaign.slug)).toEqual([first.gid]);
    const direct = await t.gql('query ($id: ID!) { idea(id: $id) { id } }', { id: second.gid });
    expect(direct.data!.idea).toEqual({ id: second.gid });

    // A write goes to the primary (a replica would refuse it), and the writer's next list reads from it too.
    const voted = await t.gql(VOTE, { id: second.gid }, { token: p.official.token });
    expect(voted.errors).toBeUndefined();
    expect(voted.data!.castVote.upvotes).toBe(1);
    expect(await listed(campaign.slug, p.official.token)).toEqual([second.gid, first.gid]);
    expect(await listed(campaign.slug)).toEqual([first.gid]);

    await cluster.onReplica('SELECT pg_wal_replay_resume()');
    await waitFor('the replica to replay', async () => (await listed(campaign.slug)).length === 2);
  });

  it('fall back to the primary while the replica is down, and use it again once it is back', async () => {
    const campaign = await makeCampaign(t, p.agency);
    const idea = await makeIdea(t, campaign, p.citizen);
    await cluster.stopReplica();
    expect(await listed(campaign.slug)).toEqual([idea.gid]);
    const search = await t.gql('{ searchIdeas(query: "idea") { totalCount } }');
    expect(search.errors).toBeUndefined();
    expect(t.logs.some((line) => line.includes('read replica not reachable'))).toBe(true);

    await cluster.startReplica();
    await waitFor(
      'reads from the replica again',
      async () => {
        await cluster.onReplica('SELECT 1');
        return (await listed(campaign.slug)).includes(idea.gid);
      },
      20000,
    );
    await cluster.onReplica('SELECT pg_wal_replay_pause()');
    const later = await makeIdea(t, campaign, p.author);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await listed(campaign.slug)).not.toContain(later.gid);
    await cluster.onReplica('SELECT pg_wal_replay_resume()');
  }, 60000);
});
