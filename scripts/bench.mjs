// npm run bench [-- --scale 1 --seconds 10 --clients 20 --runtimes current,24 --limits both --only core]
// Seeds a large data set (at scale 1: 100,000 ideas over 50 campaigns, 1,000,000 votes, 20,000 people)
// straight into PostgreSQL, starts the built server against it in its own process, drives it over HTTP
// with concurrent clients and prints, per operation, requests per second, p50/p95/p99 latency, errors and
// what each request cost (server and database CPU, statements, peak memory: scripts/bench-measure.mjs). A
// GraphQL error inside a 200 response counts as a failure. It ends with the reconciliation check.
// Uses BENCH_DATABASE_URL (a role that may create databases; a database consulta_bench is made anew),
// else an embedded PostgreSQL in .data/bench-postgres.
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { analyticsBench } from './bench-analytics.mjs';
import { fanOutBench } from './bench-fan-out.mjs';
import { liveBench } from './bench-live.mjs';
import { openDataBench } from './bench-open-data.mjs';
import { addSpent, figuresOf, openMeter } from './bench-measure.mjs';
import { buildIfStale, node24, ROOT } from './lib.mjs';

const { values: args } = parseArgs({
  options: {
    // One scale or several (0.1,1,3): each is seeded anew and the core operations print a scale curve.
    scale: { type: 'string', default: '1' },
    seconds: { type: 'string', default: '10' },
    clients: { type: 'string', default: '20' },
    // The runtimes the server runs on for the core operations: current (this node), 24 (Node 24, installed
    // into .data/node24 as .ci/run does), or a path to a node binary; several side by side: current,24.
    runtimes: { type: 'string', default: 'current' },
    // The limits the core operations run with: off (RATE_LIMIT_PER_MINUTE=0), production (every default on),
    // or both.
    limits: { type: 'string', default: 'both' },
    // core: only the core operations (lists, detail, search, similarIdeas, castVote, retractVote);
    // common-ground: only the common ground recompute (its own 2,000 ideas and 1,000,000 votes) and castVote;
    // events: only castVote alone, then with a no-op event subscriber in a worker process (dispatch rate)
    // fan-out: only an official answer to an idea with 100,000 voters (scripts/bench-fan-out.mjs)
    // open-data: only the downloads of every open-data table, with the server's memory (scripts/bench-open-data.mjs)
    // analytics: only Campaign.analytics over 1,000,000 votes and the exports (scripts/bench-analytics.mjs)
    // live: only subscriptions across two processes and two-process throughput (scripts/bench-live.mjs)
    only: { type: 'string' },
    // Of the core operations, only those whose names hold one of these words (castVote,ranked): a quicker
    // run while measuring one change. Off by default: every core operation.
    operations: { type: 'string' },
    // Another checkout (its server built: npm ci && npm run build -w shared -w server there), run beside this
    // one against the same database: each core operation alternates between the two servers in slices, so
    // both meet the same machine, and each prints its own row. What a change did, on a machine whose speed
    // moves from minute to minute.
    compare: { type: 'string' },
    // The length of one slice when operations alternate (--compare, and the list with and without totalCount).
    slice: { type: 'string', default: '2' },
  },
});
const only = args.only;
const scales = args.scale.split(',').map(Number);
const seconds = Number(args.seconds);
const sliceSeconds = Number(args.slice);
const compareRoot = args.compare ? resolve(args.compare) : null;
if (compareRoot && !existsSync(join(compareRoot, 'server/dist/server/src/main.js'))) {
  process.stderr.write(
    `--compare: ${compareRoot} has no built server (npm ci && npm run build -w shared -w server there)\n`,
  );
  process.exit(2);
}
const clients = Number(args.clients);
const VOTES_PER_PERSON = 50;
let scale, IDEAS, CAMPAIGNS, PEOPLE;
function sizeFor(value) {
  scale = value;
  IDEAS = Math.round(100_000 * scale);
  CAMPAIGNS = Math.max(1, Math.round(50 * Math.min(1, scale * 10)));
  PEOPLE = Math.round(20_000 * scale);
}
const runtimePath = (name) => (name === 'current' ? process.execPath : name === '24' ? node24() : name);
const runtimeName = (name) =>
  `Node ${execFileSync(runtimePath(name), ['--version']).toString().trim().slice(1).split('.')[0]}`;
const runtimes = args.runtimes.split(',').map((name) => ({ name: runtimeName(name), node: runtimePath(name) }));
const limitModes = args.limits === 'both' ? ['off', 'production'] : [args.limits];

buildIfStale({ quiet: true });
const { startEmbeddedPostgres } = await import('../server/dist/server/src/database/embedded-postgres.js');
const { createDataSource } = await import('../server/dist/server/src/database/data-source.js');
const { findDrift } = await import('../server/dist/server/src/modules/votes/reconciliation.js');
const { hashPassword } = await import('../server/dist/server/src/modules/users/password-hasher.js');

const given = process.env.BENCH_DATABASE_URL;
const cluster = given
  ? { adminUrl: given, stop: async () => {} }
  : await startEmbeddedPostgres(join(ROOT, '.data/bench-postgres'));
const url = new URL(cluster.adminUrl);
url.pathname = '/consulta_bench';
const databaseUrl = url.toString();

const log = (message) => process.stdout.write(`${message}\n`);
const timed = async (what, work) => {
  const start = Date.now();
  const result = await work();
  log(`  ${what}: ${((Date.now() - start) / 1000).toFixed(1)} s`);
  return result;
};

async function seed() {
  const admin = new pg.Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS consulta_bench WITH (FORCE)');
  await admin.query('CREATE DATABASE consulta_bench');
  await admin.end();
  const dataSource = createDataSource({ url: databaseUrl });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();

  const db = new pg.Client({ connectionString: databaseUrl });
  db.on('error', () => {});
  await db.connect();
  log(`Seeding ${PEOPLE} people, ${CAMPAIGNS} campaigns, ${IDEAS} ideas, ${PEOPLE * VOTES_PER_PERSON} votes`);
  const hash = await hashPassword(randomBytes(16).toString('hex'));
  await timed('people', () =>
    db.query(
      `INSERT INTO users (email, password_hash, display_name)
       SELECT 'bench-' || n || '@example.org', $2, 'Person ' || n FROM generate_series(1, $1) n`,
      [PEOPLE, hash],
    ),
  );
  await timed('campaigns', async () => {
    const [{ id: agency }] = (
      await db.query("INSERT INTO agencies (name, slug) VALUES ('Bench Agency', 'bench') RETURNING id")
    ).rows;
    await db.query(
      `INSERT INTO campaigns (agency_id, slug, title, summary, body, body_html, status, voting_mode, tags)
       SELECT $1, 'bench-' || n, 'Bench campaign ' || n, 'A question', 'Body', '<p>Body</p>', 'OPEN',
              CASE WHEN n % 2 = 0 THEN 'UP_DOWN' ELSE 'SUPPORT' END, ARRAY['Parks', 'Streets', 'Transit']
         FROM generate_series(1, $2) n`,
      [agency, CAMPAIGNS],
    );
  });
  const words = [
    'park',
    'tree',
    'bench',
    'bike',
    'lane',
    'bus',
    'stop',
    'water',
    'shade',
    'light',
    'school',
    'crossing',
    'garden',
    'library',
    'playground',
    'market',
    'noise',
    'parking',
    'trash',
    'river',
  ];
  // Numbered copies of users and ideas, so rows can be picked by arithmetic without large arrays.
  await db.query('CREATE TEMP TABLE people AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM users');
  await db.query(
    'CREATE TEMP TABLE places AS SELECT row_number() OVER (ORDER BY slug) AS n, id, voting_mode FROM campaigns',
  );
  await db.query('CREATE UNIQUE INDEX ON people (n)');
  await db.query('CREATE UNIQUE INDEX ON places (n)');
  await timed('ideas', () =>
    db.query(
      `INSERT INTO ideas (campaign_id, author_id, title, body, body_html, tag, hot, created_at)
       SELECT c.id, u.id,
              initcap(($2::text[])[1 + g.n % 20]) || ' and ' || ($2::text[])[1 + (g.n / 20) % 20] || ' idea ' || g.n,
              'We need more ' || ($2::text[])[1 + (g.n / 7) % 20] || ' near the ' || ($2::text[])[1 + (g.n / 3) % 20] || '.',
              '<p>Body</p>', (ARRAY['Parks', 'Streets', 'Transit'])[1 + g.n % 3], 0,
              (now() - (g.n % 43200) * interval '1 minute')::timestamptz(3)
         FROM generate_series(1, $1) AS g(n)
         JOIN places c ON c.n = 1 + g.n % $3
         JOIN people u ON u.n = 1 + g.n % $4`,
      [IDEAS, words, CAMPAIGNS, PEOPLE],
    ),
  );
  await db.query(
    `CREATE TEMP TABLE numbered_ideas AS SELECT row_number() OVER (ORDER BY i.id) AS n, i.id, i.campaign_id, c.voting_mode
       FROM ideas i JOIN campaigns c ON c.id = i.campaign_id`,
  );
  await db.query('CREATE UNIQUE INDEX ON numbered_ideas (n)');
  await timed('votes', () =>
    db.query(
      `INSERT INTO votes (user_id, idea_id, campaign_id, value)
       SELECT u.id, i.id, i.campaign_id, CASE WHEN i.voting_mode = 'UP_DOWN' AND (u.n + k) % 4 = 0 THEN -1 ELSE 1 END
         FROM people u CROSS JOIN generate_series(0, $1 - 1) k
         JOIN numbered_ideas i ON i.n = 1 + ((u.n * 7919 + k * 104729) % $2)`,
      [VOTES_PER_PERSON, IDEAS],
    ),
  );
  await timed('counters from rows', async () => {
    await db.query(
      `INSERT INTO campaign_participants (campaign_id, user_id, votes_used)
       SELECT campaign_id, user_id, sum(n) FROM (
         SELECT campaign_id, user_id, count(*) AS n FROM votes GROUP BY 1, 2
         UNION ALL SELECT campaign_id, author_id, 0 FROM ideas GROUP BY 1, 2) x GROUP BY 1, 2`,
    );
    await db.query(
      `UPDATE ideas i SET upvotes = v.up, downvotes = v.down, score = v.up - v.down,
              hot = consulta_hot((v.up - v.down)::int, i.created_at), wilson = consulta_wilson(v.up::int, v.down::int)
         FROM (SELECT idea_id, count(*) FILTER (WHERE value = 1) AS up, count(*) FILTER (WHERE value = -1) AS down FROM votes GROUP BY 1) v
        WHERE v.idea_id = i.id`,
    );
    await db.query('UPDATE ideas SET hot = consulta_hot(0, created_at) WHERE upvotes = 0 AND downvotes = 0');
    await db.query(
      `UPDATE campaigns c SET idea_count = (SELECT count(*) FROM ideas WHERE campaign_id = c.id),
              participant_count = (SELECT count(*) FROM campaign_participants WHERE campaign_id = c.id)`,
    );
    await db.query('VACUUM ANALYZE');
  });
  const tokens = [];
  for (let i = 0; i < clients; i++) {
    const token = randomBytes(32).toString('base64url');
    await db.query(
      `INSERT INTO sessions (user_id, token_hash, expires_at)
       SELECT id, $2, now() + interval '1 day' FROM users ORDER BY email LIMIT 1 OFFSET $1`,
      [i, createHash('sha256').update(token).digest()],
    );
    tokens.push(token);
  }
  const campaigns = (await db.query('SELECT id, voting_mode FROM campaigns ORDER BY slug')).rows;
  const ideas = (await db.query('SELECT id, campaign_id FROM ideas TABLESAMPLE SYSTEM (5) LIMIT 2000')).rows;
  await db.end();
  return { tokens, campaigns, ideas, words };
}

async function freePort() {
  const server = createServer();
  const port = await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The settings a server runs with. off: the bench's own (no per-address or per-token limit, 20 connections,
 * errors logged only). production: the production defaults, every request counted against the per-address
 * limit in PostgreSQL and logged; only the limit itself is raised, since every bench client shares one address.
 */
const LIMITS = {
  off: { RATE_LIMIT_PER_MINUTE: '0', TOKEN_RATE_LIMIT_PER_MINUTE: '0', DB_POOL_SIZE: '20', LOG_LEVEL: 'error' },
  production: { RATE_LIMIT_PER_MINUTE: '1000000' },
};

async function startServer({ workers = true, env = {}, node = process.execPath, limits = 'off', root = ROOT } = {}) {
  const port = await freePort();
  // BENCH_CPU_PROF=<dir>: each server writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(node, [...profile, join(root, 'server/dist/server/src/main.js')], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      WORKERS: String(workers),
      // Required in production; the benchmark sends no mail.
      SMTP_URL: 'smtp://127.0.0.1:9',
      ...LIMITS[limits],
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (
      await fetch(`${base}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { base, child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the server did not start');
}

const gid = (type, id) => Buffer.from(`${type}:${id}`).toString('base64url');
const pick = (list) => list[Math.floor(Math.random() * list.length)];

// A plain keep-alive HTTP client: fetch costs several times more CPU per request, and that CPU is taken
// from the server and PostgreSQL on the same machine.
const agent = new Agent({ keepAlive: true, maxSockets: clients });

function call(base, token, query, variables) {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve) => {
    const req = request(
      `${base}/graphql`,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
        },
      },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          try {
            const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            resolve(response.statusCode === 200 && !parsed.errors ? parsed.data : null);
          } catch {
            resolve(null);
          }
        });
        response.on('error', () => resolve(null));
      },
    );
    req.on('error', () => resolve(null));
    req.end(body);
  });
}

const LIST = `query ($id: ID!, $sort: IdeaSort, $after: String) { campaign(id: $id) { ideas(first: 20, sort: $sort, after: $after) {
  pageInfo { endCursor } edges { node { id title score upvotes downvotes commentCount viewerVote author { displayName } } } } } }`;
const LIST_COUNT = LIST.replace('ideas(first: 20, sort: $sort, after: $after) {', '$& totalCount');
const DETAIL = `query ($id: ID!) { idea(id: $id) { id title bodyHtml status score upvotes downvotes viewerVote author { displayName }
  campaign { title voteBudget viewerVotesRemaining agency { name } } } }`;
const SEARCH = 'query ($q: String!) { searchIdeas(query: $q, first: 20) { edges { node { id title score } } } }';
const SIMILAR = 'query ($c: ID!, $text: String!) { similarIdeas(campaignId: $c, text: $text) { id title } }';
const CAST = 'mutation ($id: ID!, $v: Int!) { castVote(input: { ideaId: $id, value: $v }) { id score viewerVote } }';
const RETRACT = 'mutation ($id: ID!) { retractVote(ideaId: $id) { id score viewerVote } }';

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;
}

/** Every client calls makeRequest until the deadline (or it answers undefined: nothing left to do). */
async function runClients(makeRequest, deadline, latencies) {
  let failures = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (Date.now() < deadline) {
        const start = performance.now();
        const ok = await makeRequest(client);
        if (ok === undefined) return;
        latencies.push(performance.now() - start);
        if (!ok) failures++;
      }
    }),
  );
  return failures;
}

function resultRow(name, latencies, failures, elapsed, spent) {
  latencies.sort((a, b) => a - b);
  return {
    operation: name,
    requests: latencies.length,
    'req/s': Math.round(latencies.length / elapsed),
    'p50 ms': percentile(latencies, 50).toFixed(1),
    'p95 ms': percentile(latencies, 95).toFixed(1),
    'p99 ms': percentile(latencies, 99).toFixed(1),
    errors: failures,
    ...figuresOf(spent, latencies.length),
  };
}

/** Runs makeRequest from every client until the time is up (or it returns undefined: nothing left to do). */
async function drive(name, makeRequest, runSeconds = seconds) {
  const end = meter && server ? await meter.begin(server.child.pid) : null;
  const started = performance.now();
  const latencies = [];
  const failures = await runClients(makeRequest, Date.now() + runSeconds * 1000, latencies);
  const elapsed = (performance.now() - started) / 1000;
  return resultRow(name, latencies, failures, elapsed, end ? await end() : null);
}

/**
 * Runs the sides ({ config, operation, pid, makeRequest }) in turn, a slice each, until each has had
 * runSeconds, each round started by the next side; one row per side, its costs those of its own slices.
 * Whatever the machine does meanwhile falls on every side alike.
 */
async function alternate(sides, runSeconds = seconds) {
  const tallies = sides.map(() => ({ latencies: [], failures: 0, elapsed: 0, spent: null }));
  const rounds = Math.max(1, Math.round(runSeconds / sliceSeconds));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < sides.length; k++) {
      const i = (round + k) % sides.length;
      const tally = tallies[i];
      const end = meter ? await meter.begin(sides[i].pid) : null;
      const started = performance.now();
      tally.failures += await runClients(sides[i].makeRequest, Date.now() + sliceSeconds * 1000, tally.latencies);
      tally.elapsed += (performance.now() - started) / 1000;
      if (end) tally.spent = addSpent(tally.spent, await end());
    }
  }
  return sides.map((side, i) => ({
    config: side.config,
    ...resultRow(side.operation, tallies[i].latencies, tallies[i].failures, tallies[i].elapsed, tallies[i].spent),
  }));
}

/** Each client's own order of the sampled up/down ideas, so its casts are mostly new votes (the costliest path). */
function shuffled(list) {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/**
 * Common ground at its target size: one UP_DOWN campaign with 2,000 ideas and 1,000,000 votes (5,000 people in
 * two camps voting 200 ideas each), recomputed by `npm run common-ground -- --stats` in its own process (time
 * and peak memory), then castVote driven alone and again while recomputes run back to back.
 */
async function commonGroundBench(base, token, upDown) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  await timed('common ground: 2,000 ideas, 1,000,000 votes', async () => {
    const [{ id: campaign }] = (
      await db.query(
        `INSERT INTO campaigns (agency_id, slug, title, summary, body, body_html, status, voting_mode)
         SELECT id, 'bench-common-ground', 'Common ground bench', 'Q', 'B', '<p>B</p>', 'OPEN', 'UP_DOWN' FROM agencies LIMIT 1
         RETURNING id`,
      )
    ).rows;
    await db.query(
      `INSERT INTO ideas (campaign_id, author_id, title, body, body_html, hot)
       SELECT $1, (SELECT id FROM users LIMIT 1), 'Common ground idea ' || n, 'Body', '<p>Body</p>', 0 FROM generate_series(1, 2000) n`,
      [campaign],
    );
    await db.query(
      `INSERT INTO users (email, password_hash, display_name)
       SELECT 'bench-cg-' || n || '@example.org', (SELECT password_hash FROM users LIMIT 1), 'Voter ' || n
         FROM generate_series(1, 5000) n`,
    );
    // Person p votes 200 ideas; camp (p % 2) votes its half up and the other half down, with 10% noise.
    await db.query(
      `WITH i AS (SELECT row_number() OVER (ORDER BY id) AS n, id FROM ideas WHERE campaign_id = $1),
            u AS (SELECT row_number() OVER (ORDER BY id) AS n, id FROM users WHERE email LIKE 'bench-cg-%')
       INSERT INTO votes (user_id, idea_id, campaign_id, value)
       SELECT u.id, i.id, $1,
              CASE WHEN ((i.n % 2) = (u.n % 2)) <> (hashtext(u.id::text || i.id::text) % 10 = 0) THEN 1 ELSE -1 END
         FROM u CROSS JOIN generate_series(0, 199) k JOIN i ON i.n = 1 + ((u.n * 37 + k * 10) % 2000)`,
      [campaign],
    );
    // The counters the vote transaction would have kept, so the reconciliation check still holds.
    await db.query(
      `INSERT INTO campaign_participants (campaign_id, user_id, votes_used)
       SELECT campaign_id, user_id, count(*) FROM votes WHERE campaign_id = $1 GROUP BY 1, 2`,
      [campaign],
    );
    await db.query(
      `INSERT INTO campaign_participants (campaign_id, user_id, votes_used)
       SELECT DISTINCT campaign_id, author_id, 0 FROM ideas WHERE campaign_id = $1 ON CONFLICT DO NOTHING`,
      [campaign],
    );
    await db.query(
      `UPDATE ideas i SET upvotes = v.up, downvotes = v.down, score = v.up - v.down,
              hot = consulta_hot((v.up - v.down)::int, i.created_at), wilson = consulta_wilson(v.up::int, v.down::int)
         FROM (SELECT idea_id, count(*) FILTER (WHERE value = 1) AS up, count(*) FILTER (WHERE value = -1) AS down
                 FROM votes WHERE campaign_id = $1 GROUP BY 1) v
        WHERE v.idea_id = i.id`,
      [campaign],
    );
    await db.query(
      `UPDATE campaigns c SET idea_count = (SELECT count(*) FROM ideas WHERE campaign_id = c.id),
              participant_count = (SELECT count(*) FROM campaign_participants WHERE campaign_id = c.id) WHERE id = $1`,
      [campaign],
    );
    await db.query('ANALYZE');
  });
  const [{ count }] = (
    await db.query(
      "SELECT count(*)::int FROM votes v JOIN campaigns c ON c.id = v.campaign_id WHERE c.slug = 'bench-common-ground'",
    )
  ).rows;
  await db.end();
  const recompute = () =>
    new Promise((resolve) => {
      const child = spawn(
        process.execPath,
        [join(ROOT, 'server/dist/server/src/cli/common-ground.js'), '--campaign', 'bench-common-ground', '--stats'],
        {
          env: {
            PATH: process.env.PATH,
            DATABASE_URL: databaseUrl,
            NODE_ENV: 'production',
            SMTP_URL: 'smtp://127.0.0.1:9',
          },
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let stats = '';
      child.stderr.on('data', (chunk) => (stats += chunk));
      child.on('exit', () => resolve(stats.trim()));
    });
  log(`  common ground over ${count} votes: ${await recompute()}`);
  log(`  again: ${await recompute()}`);
  const orders = Array.from({ length: clients }, () => shuffled(upDown));
  const step = Array.from({ length: clients }, () => 0);
  const castNext = async (c) => {
    const idea = orders[c][step[c]++ % orders[c].length];
    return !!(await call(base, token(c), CAST, { id: gid('Idea', idea.id), v: Math.random() < 0.5 ? 1 : -1 }));
  };
  const alone = await drive('castVote (before the recompute)', castNext);
  let running = true;
  const runs = [];
  const loop = (async () => {
    while (running) runs.push(await recompute());
  })();
  const during = await drive('castVote (while common ground recomputes)', castNext);
  running = false;
  await loop;
  log(`  recomputes during that run: ${runs.length} (${runs.join('; ')})`);
  log(`  castVote during the recompute: ${Math.round((100 * during['req/s']) / alone['req/s'])}% of castVote alone`);
  return [alone, during];
}

/**
 * Event dispatch: the API restarted with WORKERS=false and one worker process (scripts/bench-event-worker.mjs)
 * holding a no-op IdeaVoted subscriber, so every vote's event is relayed, queued and delivered by it. Drives
 * castVote and counts the deliveries made meanwhile, then how long the rest takes to drain.
 */
async function eventsBench(castNext) {
  await stopServer();
  server = await startServer({ workers: false });
  const worker = spawn(process.execPath, [join(ROOT, 'scripts/bench-event-worker.mjs')], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'error',
      SMTP_URL: 'smtp://127.0.0.1:9',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    worker.stdout.on('data', (chunk) => String(chunk).includes('ready') && resolve());
    worker.once('exit', () => reject(new Error('the event worker stopped')));
  });
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const delivered = async () =>
    (
      await db.query(
        "SELECT count(*)::int AS n FROM event_deliveries WHERE subscriber = 'bench-noop' AND state = 'DELIVERED'",
      )
    ).rows[0].n;
  const waiting = async () =>
    (
      await db.query(
        `SELECT (SELECT count(*) FROM domain_events WHERE relayed_at IS NULL)
              + (SELECT count(*) FROM event_deliveries WHERE state = 'PENDING') AS n`,
      )
    ).rows[0].n;
  const before = await delivered();
  const started = performance.now();
  const result = await drive('castVote (no-op event subscriber in a worker)', castNext);
  const during = (await delivered()) - before;
  const drained = performance.now();
  while (Number(await waiting()) > 0 && performance.now() - drained < 120_000) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const drainSeconds = (performance.now() - drained) / 1000;
  const total = (await delivered()) - before;
  log(
    `  events: ${total} IdeaVoted delivered to the no-op subscriber; ${Math.round(during / ((drained - started) / 1000))}/s ` +
      `while castVote ran (${during} delivered then), the rest drained ${drainSeconds.toFixed(1)} s after; ` +
      `${Math.round(total / ((performance.now() - started) / 1000))}/s overall`,
  );
  await db.end();
  worker.kill('SIGTERM');
  await new Promise((resolve) => worker.once('exit', resolve));
  return result;
}

let server;
/** The other checkout's server (--compare), beside `server`. */
let other = null;
let meter;
const curve = [];

/**
 * The core operations against each of `servers` ({ config, base, pid }: this checkout's, and with --compare
 * the other's), one row per operation and server. With two servers, each operation alternates between them;
 * the list with totalCount alternates with the list without it, as the two are compared with each other.
 */
async function coreBench({ tokens, campaigns, ideas, words, page5, upDown }, servers) {
  const token = (client) => tokens[client % tokens.length];
  // Warm up the servers and PostgreSQL's caches.
  for (const { base } of servers) {
    await drive(
      'warm-up',
      async (c) => !!(await call(base, token(c), LIST, { id: gid('Campaign', pick(campaigns).id), sort: 'TOP' })),
      Math.min(seconds, 5),
    );
  }
  const listOf = (query) => (base) => async (c) =>
    !!(await call(base, token(c), query, { id: gid('Campaign', pick(campaigns).id), sort: 'TOP' }));
  // castVote: every client votes +1 or -1 on ideas in its own order; then retractVote takes back exactly
  // the votes each client cast, so both are measured as single mutations doing real writes.
  const orders = Array.from({ length: clients }, () => shuffled(upDown));
  const cast = Array.from({ length: clients }, () => []);
  const groups = [
    [
      ['ranked list (TOP, first 20)', listOf(LIST)],
      ['ranked list with totalCount', listOf(LIST_COUNT)],
    ],
    [
      [
        'NEW page 5 by cursor',
        (base) => async (c) => {
          const campaign = pick(campaigns);
          return !!(await call(base, token(c), LIST, {
            id: gid('Campaign', campaign.id),
            sort: 'NEW',
            after: page5.get(campaign.id),
          }));
        },
      ],
    ],
    [
      [
        'idea detail',
        (base) => async (c) => !!(await call(base, token(c), DETAIL, { id: gid('Idea', pick(ideas).id) })),
      ],
    ],
    [['search', (base) => async (c) => !!(await call(base, token(c), SEARCH, { q: `${pick(words)} ${pick(words)}` }))]],
    // What the idea form asks while someone types a title, for duplicate hints.
    [
      [
        'similarIdeas (while typing)',
        (base) => async (c) =>
          !!(await call(base, token(c), SIMILAR, {
            c: gid('Campaign', pick(campaigns).id),
            text: `${pick(words)} and ${pick(words)}`,
          })),
      ],
    ],
    [
      [
        'castVote',
        (base) => async (c) => {
          const idea = orders[c][cast[c].length % orders[c].length];
          const id = gid('Idea', idea.id);
          cast[c].push(id);
          return !!(await call(base, token(c), CAST, { id, v: Math.random() < 0.5 ? 1 : -1 }));
        },
      ],
    ],
    [
      [
        'retractVote (the votes just cast)',
        (base) => async (c) => {
          const id = cast[c].pop();
          if (id === undefined) return undefined;
          return !!(await call(base, token(c), RETRACT, { id }));
        },
      ],
    ],
  ];
  const wanted = args.operations?.split(',');
  const results = [];
  for (const group of groups) {
    const chosen = group.filter(([name]) => !wanted || wanted.some((word) => name.includes(word)));
    const sides = servers.flatMap(({ config, base, pid }) =>
      chosen.map(([operation, makeFor]) => ({ config, operation, pid, makeRequest: makeFor(base) })),
    );
    if (sides.length === 1)
      results.push({ config: sides[0].config, ...(await drive(sides[0].operation, sides[0].makeRequest)) });
    else if (sides.length > 1) results.push(...(await alternate(sides)));
  }
  return results;
}

/** The parts beyond the core operations, on a server with the bench's settings (each restarts it as it needs). */
async function extraBench({ tokens, campaigns, upDown }) {
  const results = [];
  const token = (client) => tokens[client % tokens.length];
  const { base } = server;
  const orders = Array.from({ length: clients }, () => shuffled(upDown));
  if (only === 'common-ground' || only === undefined) results.push(...(await commonGroundBench(base, token, upDown)));
  if (only === 'open-data' || only === undefined)
    results.push(...(await openDataBench({ base, pid: server.child.pid, log, databaseUrl })));
  if (only === 'analytics' || only === undefined)
    results.push(...(await analyticsBench({ databaseUrl, base, drive, call, log })));
  // castVote on the current server (the parts below restart it), each client in its own order.
  const step = Array.from({ length: clients }, () => 0);
  const castNext = async (c) => {
    const idea = orders[c][step[c]++ % orders[c].length];
    return !!(await call(server.base, token(c), CAST, { id: gid('Idea', idea.id), v: Math.random() < 0.5 ? 1 : -1 }));
  };
  if (only === 'events' || only === undefined) {
    if (only === 'events') results.push(await drive('castVote (no subscriber)', castNext));
    results.push(await eventsBench(castNext));
  }
  const restart = async (env) => {
    await stopServer();
    server = await startServer({ env });
    return server;
  };
  if (only === 'fan-out' || only === undefined) {
    results.push(...(await fanOutBench({ databaseUrl, restart, drive, call, castNext, log })));
  }
  if (only === 'live' || only === undefined) {
    const listArgs = () => [LIST, { id: gid('Campaign', pick(campaigns).id), sort: 'TOP' }];
    const castArgs = (c) => [
      CAST,
      { id: gid('Idea', orders[c][step[c]++ % orders[c].length].id), v: Math.random() < 0.5 ? 1 : -1 },
    ];
    results.push(
      ...(await liveBench({ databaseUrl, restart, startServer, drive, call, token, listArgs, castArgs, log })),
    );
  }
  return results.map((result) => ({ config: `${runtimeName('current')}, limits off`, ...result }));
}

async function stopServer() {
  for (const running of [server, other]) {
    if (!running || running.child.exitCode !== null) continue;
    running.child.kill('SIGTERM');
    await new Promise((resolve) => running.child.once('exit', resolve));
  }
  other = null;
}

const core = only === undefined || only === 'core';
const extras = only !== 'core' && scales.length === 1;
try {
  meter = await openMeter(cluster.adminUrl, 'consulta_bench');
  if (!meter.statements) log('pg_stat_statements is not loaded by this cluster: no statements per request');
  if (!meter.dbCpu) log('the database runs elsewhere (its processes are not readable here): no database CPU');
  for (const value of scales) {
    sizeFor(value);
    const seeded = await timed('seed total', seed);
    server = await startServer();
    // Cursors to page 5 of NEW for each campaign, found beforehand.
    const page5 = new Map();
    for (const campaign of seeded.campaigns) {
      let after = null;
      for (let page = 1; page < 5; page++) {
        after = (
          await call(server.base, seeded.tokens[0], LIST, { id: gid('Campaign', campaign.id), sort: 'NEW', after })
        )?.campaign.ideas.pageInfo.endCursor;
      }
      page5.set(campaign.id, after);
    }
    const upDown = seeded.ideas.filter(
      (idea) => seeded.campaigns.find((c) => c.id === idea.campaign_id)?.voting_mode === 'UP_DOWN',
    );
    const data = { ...seeded, page5, upDown };
    const results = [];
    if (core) {
      for (const runtime of runtimes) {
        for (const limits of limitModes) {
          await stopServer();
          server = await startServer({ node: runtime.node, limits });
          const label = `${runtime.name}, limits ${limits}`;
          const servers = [{ config: label, base: server.base, pid: server.child.pid }];
          if (compareRoot) {
            other = await startServer({ node: runtime.node, limits, root: compareRoot });
            servers[0].config = `${label}, this checkout`;
            servers.push({ config: `${label}, ${basename(compareRoot)}`, base: other.base, pid: other.child.pid });
          }
          results.push(...(await coreBench(data, servers)));
        }
      }
      curve.push(...results.map((result) => ({ scale, ...result })));
      await stopServer();
      server = await startServer();
    }
    if (extras) {
      await drive(
        'warm-up',
        async (c) =>
          !!(await call(server.base, data.tokens[c % data.tokens.length], LIST, {
            id: gid('Campaign', pick(data.campaigns).id),
            sort: 'TOP',
          })),
        Math.min(seconds, 5),
      );
      results.push(...(await extraBench(data)));
    }
    log(
      `\n${clients} concurrent clients, ${seconds} s per operation, scale ${scale} (${IDEAS} ideas, ${PEOPLE * VOTES_PER_PERSON} votes):`,
    );
    console.table(results); // eslint-disable-line no-console -- the benchmark prints its table
    await stopServer();

    const dataSource = createDataSource({ url: databaseUrl });
    await dataSource.initialize();
    const drift = await findDrift(dataSource);
    await dataSource.destroy();
    log(`reconciliation: ${drift.length === 0 ? 'no drift' : `${drift.length} counters disagree with the rows`}`);
    if (drift.length > 0 || results.some((r) => r.errors > 0)) process.exitCode = 1;
  }
  if (scales.length > 1) {
    log('\nThe scale curve (the same operations at each scale):');
    // eslint-disable-next-line no-console -- the benchmark prints its table
    console.table(
      curve
        .map(({ scale: at, config, operation, ...figures }) => ({
          operation,
          config,
          scale: at,
          'req/s': figures['req/s'],
          'p99 ms': figures['p99 ms'],
          'server CPU ms/req': figures['server CPU ms/req'],
          'DB CPU ms/req': figures['DB CPU ms/req'],
        }))
        .sort(
          (a, b) => a.operation.localeCompare(b.operation) || a.config.localeCompare(b.config) || a.scale - b.scale,
        ),
    );
  }
} catch (error) {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await stopServer().catch(() => {});
  await meter?.close().catch(() => {});
  await cluster.stop();
}
