import { startTestApp, type TestApp } from '../support/app.js';
import { makeCampaign, makeIdea, makePersonas, makeUser, type Personas } from '../support/factories.js';
import { liveClient, subscribe, type LiveSubscription } from '../support/live-client.js';
import { startRedis, startServerProcess, type ServerProcess } from '../support/processes.js';
import { waitFor } from '../support/wait.js';

const IDEA_CHANGED = 'subscription ($id: ID!) { ideaChanged(ideaId: $id) { id upvotes } }';
const VOTE = 'mutation ($id: ID!) { castVote(input: { ideaId: $id, value: 1 }) { id } }';
const VIEWER = '{ viewer { user { id } } }';
const MACHINE_REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A GraphQL request to one of the processes, from `ip` (they trust X-Forwarded-For here). */
async function ask(
  server: ServerProcess,
  query: string,
  variables: object,
  options: { token?: string; ip?: string } = {},
) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': options.ip ?? '192.0.2.1',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: Array<{ extensions?: Record<string, any> }> };
}

const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));
const upvotesOf = (feed: LiveSubscription) => feed.results.map((r) => r.data?.ideaChanged.upvotes as number);

/** The database and people the processes share, made by an app in the test's own process. */
async function shared(): Promise<{ t: TestApp; p: Personas }> {
  const t = await startTestApp();
  return { t, p: await makePersonas(t) };
}

function processEnv(t: TestApp, extra: Record<string, string> = {}) {
  return {
    DATABASE_URL: t.db.url,
    TRUST_PROXY: 'true',
    RATE_LIMIT_PER_MINUTE: '12',
    // Long on purpose: a session must end everywhere at once, not when this runs out.
    SESSION_CACHE_SECONDS: '60',
    WORKERS: 'false',
    ...extra,
  };
}

describe.each([
  ['PostgreSQL LISTEN/NOTIFY', {}],
  ["the machine's Redis", { REDIS_URL: MACHINE_REDIS }],
])('two API processes over %s', (_bus, busEnv: Record<string, string>) => {
  let t: TestApp;
  let p: Personas;
  let a: ServerProcess;
  let b: ServerProcess;
  const clients: Array<{ dispose(): void | Promise<void> }> = [];

  beforeAll(async () => {
    ({ t, p } = await shared());
    [a, b] = await Promise.all([startServerProcess(processEnv(t, busEnv)), startServerProcess(processEnv(t, busEnv))]);
  }, 60000);
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((made) => made.dispose()));
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await t.close();
  });

  it('a subscriber on A receives a vote cast on B within a second', async () => {
    const campaign = await makeCampaign(t, p.agency);
    const idea = await makeIdea(t, campaign, p.author);
    const made = liveClient(a.url, { token: p.citizen.token });
    clients.push(made);
    const feed = subscribe(made, IDEA_CHANGED, { id: idea.gid });
    await settle(500);
    const started = Date.now();
    expect((await ask(b, VOTE, { id: idea.gid }, { token: p.citizen.token })).errors).toBeUndefined();
    await waitFor('the vote on A', async () => feed.results.length > 0, 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(upvotesOf(feed)).toEqual([1]);
  });

  it('a sign-out on A ends the session’s reads and live connections on B at once', async () => {
    const person = await makeUser(t);
    const first = await ask(b, VIEWER, {}, { token: person.token });
    expect(first).toEqual({ data: { viewer: { user: { id: person.id } } } });
    const closes: number[] = [];
    const made = liveClient(b.url, { token: person.token, lazy: false, onClose: (code) => closes.push(code) });
    clients.push(made);
    await settle(300);
    expect((await ask(a, 'mutation { signOut }', {}, { token: person.token })).errors).toBeUndefined();
    // B had the session in its cache for 60 seconds; the bus makes it forget before the sign-out answers.
    let viewer: unknown = 'unread';
    for (let tries = 0; tries < 5 && viewer !== null; tries++) {
      viewer = (await ask(b, VIEWER, {}, { token: person.token })).data.viewer;
      if (viewer !== null) await settle(20);
    }
    expect(viewer).toBeNull();
    await waitFor('the live connection closed', async () => closes.length > 0, 1000);
    expect(closes).toEqual([4401]);
  });

  it('a role change on A is what B reads next', async () => {
    const person = await makeUser(t);
    const ROLE = '{ viewer { user { role } } }';
    expect((await ask(b, ROLE, {}, { token: person.token })).data.viewer.user.role).toBe('CITIZEN');
    const changed = await ask(
      a,
      'mutation ($id: ID!, $role: Role!) { setUserRole(userId: $id, role: $role) { role } }',
      { id: person.id, role: 'MODERATOR' },
      { token: p.admin.token },
    );
    expect(changed.errors).toBeUndefined();
    let role: unknown = 'CITIZEN';
    for (let tries = 0; tries < 5 && role === 'CITIZEN'; tries++) {
      role = (await ask(b, ROLE, {}, { token: person.token })).data.viewer.user.role;
      if (role === 'CITIZEN') await settle(20);
    }
    expect(role).toBe('MODERATOR');
  });

  it('share the per-address rate limit', async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
    const onA = await Promise.all(Array.from({ length: 8 }, () => ask(a, '{ __typename }', {}, { ip })));
    const onB = await Promise.all(Array.from({ length: 8 }, () => ask(b, '{ __typename }', {}, { ip })));
    const limited = (results: typeof onA) => results.filter((r) => r.errors?.[0]?.extensions?.code === 'RATE_LIMITED');
    expect(limited(onA)).toHaveLength(0);
    // B alone had 8 requests (under 12): it refuses 4 because A's count is its count.
    expect(limited(onB)).toHaveLength(4);
  });

  it('a first vote on A is the participant count B reads next, though B had just read the campaign', async () => {
    const ip = `203.0.113.${Math.floor(Math.random() * 200) + 1}`;
    const campaign = await makeCampaign(t, p.agency);
    const idea = await makeIdea(t, campaign, p.author);
    const voter = await makeUser(t);
    const COUNT = 'query ($id: ID!) { campaign(id: $id) { participantCount } }';
    const count = async () => (await ask(b, COUNT, { id: campaign.gid }, { ip })).data.campaign.participantCount;
    expect(await count()).toBe(1);
    expect((await ask(a, VOTE, { id: idea.gid }, { token: voter.token, ip })).errors).toBeUndefined();
    // B keeps a campaign it read for CAMPAIGN_CACHE_SECONDS (2); the vote's news over the bus makes it forget.
    const started = Date.now();
    await waitFor('the new count on B', async () => (await count()) === 2, 1000);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('two API processes when Redis stops and starts', () => {
  let t: TestApp;
  let p: Personas;
  let a: ServerProcess;
  let b: ServerProcess;
  let redis: Awaited<ReturnType<typeof startRedis>>;

  beforeAll(async () => {
    ({ t, p } = await shared());
    redis = await startRedis();
    const env = processEnv(t, { REDIS_URL: redis.url, RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'info' });
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  }, 60000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop(), redis?.stop()]);
    await t.close();
  });

  it('keep serving, hear only their own events while it is down, and all of them again once it is back', async () => {
    const campaign = await makeCampaign(t, p.agency);
    const idea = await makeIdea(t, campaign, p.author);
    const made = liveClient(a.url, { token: p.citizen.token });
    const feed = subscribe(made, IDEA_CHANGED, { id: idea.gid });
    await settle(500);
    const voteOn = async (server: ServerProcess) => {
      const voter = await makeUser(t);
      expect((await ask(server, VOTE, { id: idea.gid }, { token: voter.token })).errors).toBeUndefined();
    };
    await voteOn(b);
    await waitFor('a vote through Redis', async () => feed.results.length === 1, 1000);

    await redis.stop();
    await settle(300);
    expect((await ask(b, '{ campaigns(first: 1) { totalCount } }', {})).errors).toBeUndefined();
    await voteOn(a);
    await waitFor('A’s own vote', async () => upvotesOf(feed).includes(2), 1000);
    await voteOn(b);
    await settle(1000);
    expect(upvotesOf(feed)).toEqual([1, 2]);

    redis = await startRedis(redis.port);
    await waitFor(
      'B’s votes to reach A again',
      async () => {
        await voteOn(b);
        await settle(400);
        return upvotesOf(feed).at(-1)! > 3;
      },
      15000,
    );
    expect(a.output()).toContain('Redis not reachable');
    expect(a.output()).toContain('Redis reachable again');
    await made.dispose();

    // Back on Redis, a sign-out on A again ends the session's reads on B at once.
    const person = await makeUser(t);
    expect((await ask(b, '{ viewer { user { id } } }', {}, { token: person.token })).data.viewer).not.toBeNull();
    await ask(a, 'mutation { signOut }', {}, { token: person.token });
    await waitFor(
      'B to forget the session',
      async () => {
        return (await ask(b, '{ viewer { user { id } } }', {}, { token: person.token })).data.viewer === null;
      },
      200,
    );
  }, 40000);
});
