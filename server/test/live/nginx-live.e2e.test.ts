import { Nginx } from '../support/nginx.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeCampaign, makeIdea, makePersonas, makeUser, type Personas } from '../support/factories.js';
import { liveClient, subscribe } from '../support/live-client.js';
import { startServerProcess, type ServerProcess } from '../support/processes.js';
import { waitFor } from '../support/wait.js';

const VOTE = 'mutation ($id: ID!) { castVote(input: { ideaId: $id, value: 1 }) { id } }';

/** web/nginx.conf (the deployment's own file) in front of two API processes, as docker compose runs them. */
describe('nginx in front of two API processes', () => {
  let t: TestApp;
  let p: Personas;
  let servers: ServerProcess[];
  let nginx: Nginx;

  beforeAll(async () => {
    t = await startTestApp();
    p = await makePersonas(t);
    const env = { DATABASE_URL: t.db.url, TRUST_PROXY: 'loopback', RATE_LIMIT_PER_MINUTE: '0', WORKERS: 'false' };
    servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    nginx = await Nginx.start(servers.map((server) => Number(new URL(server.url).port)));
  }, 60000);
  afterAll(async () => {
    await nginx?.stop();
    await Promise.all((servers ?? []).map((server) => server.stop()));
    await t.close();
  });

  it('proxies subscriptions over WebSocket, and every vote reaches them whichever replica took it', async () => {
    const campaign = await makeCampaign(t, p.agency);
    const idea = await makeIdea(t, campaign, p.author);
    const made = liveClient(nginx.url, { token: p.citizen.token });
    const feed = subscribe(made, 'subscription ($id: ID!) { ideaChanged(ideaId: $id) { upvotes } }', { id: idea.gid });
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (let i = 0; i < 4; i++) {
      const voter = await makeUser(t);
      const response = await fetch(`${nginx.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${voter.token}` },
        body: JSON.stringify({ query: VOTE, variables: { id: idea.gid } }),
      });
      expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
      await waitFor(`vote ${i + 1}`, async () => feed.results.at(-1)?.data?.ideaChanged.upvotes === i + 1, 2000);
    }
    expect(feed.error).toBeNull();
    await made.dispose();
  });
});
