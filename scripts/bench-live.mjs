// The live-updates part of `npm run bench` (-- --only live): 1,000 subscribers of one idea over
// graphql-ws, half on each of two API processes sharing the bus, while a vote lands every 10 ms for 10 s
// (alternating between the processes). Reports delivery latency from each vote's HTTP answer (its commit is
// just before) to each subscriber's update, updates per subscriber (coalescing), and the processes' memory
// per connection. Then the ranked list and castVote driven through both processes beside one.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { benchCampaign } from './lib.mjs';

const SUBSCRIBERS = 1000;
const VOTE_EVERY_MS = 10;
const VOTE_SECONDS = 10;
const SUBSCRIBE = 'subscription ($id: ID!) { ideaChanged(ideaId: $id) { upvotes } }';
const SUPPORT = 'mutation ($id: ID!) { castVote(input: { ideaId: $id, value: 1 }) { upvotes } }';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
const percentile = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;

/** One SUPPORT idea and a voter with a session for each vote to come. */
async function seedLive(databaseUrl, voters) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const { campaign, hash } = await benchCampaign(db, 'bench-live', 'Live bench');
  const people = (
    await db.query(
      `INSERT INTO users (email, password_hash, display_name, email_verified)
       SELECT 'bench-live-' || n || '@example.org', $2, 'Live ' || n, true FROM generate_series(1, $1) n RETURNING id`,
      [voters, hash],
    )
  ).rows.map((row) => row.id);
  const [{ id: idea }] = (
    await db.query(
      `INSERT INTO ideas (campaign_id, author_id, title, body, body_html, hot)
       VALUES ($1, $2, 'A live idea', 'Watched by many.', '<p>Watched by many.</p>', 0) RETURNING id`,
      [campaign, people[0]],
    )
  ).rows;
  const tokens = people.map(() => randomBytes(32).toString('base64url'));
  await db.query('UPDATE campaigns SET idea_count = 1 WHERE id = $1', [campaign]);
  await db.query(
    `INSERT INTO sessions (user_id, token_hash, expires_at)
     SELECT u, t, now() + interval '1 day' FROM unnest($1::uuid[], $2::bytea[]) AS s (u, t)`,
    [people, tokens.map((token) => createHash('sha256').update(token).digest())],
  );
  await db.end();
  return { idea: Buffer.from(`Idea:${idea}`).toString('base64url'), tokens };
}

/** `count` graphql-ws clients of `base`, each subscribed to the idea; each keeps its updates' times. */
async function subscribers(base, count, idea) {
  const clients = [];
  for (let i = 0; i < count; i++) {
    const updates = [];
    const client = createClient({
      url: base.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 0,
      onNonLazyError: () => {},
    });
    client.subscribe(
      { query: SUBSCRIBE, variables: { id: idea } },
      {
        next: (result) => updates.push([performance.now(), result.data?.ideaChanged.upvotes]),
        error: () => {},
        complete: () => {},
      },
    );
    clients.push({ client, updates });
    if (i % 50 === 49) await sleep(20);
  }
  return clients;
}

export async function liveBench({ databaseUrl, restart, startServer, drive, call, token, listArgs, castArgs, log }) {
  const env = { LIVE_CONNECTIONS_PER_ADDRESS: String(SUBSCRIBERS) };
  const a = await restart(env);
  const b = await startServer({ workers: false, env });
  try {
    const { idea, tokens } = await seedLive(databaseUrl, (VOTE_SECONDS * 1000) / VOTE_EVERY_MS);
    const rssBefore = rssMb(a.child.pid) + rssMb(b.child.pid);
    const all = [
      ...(await subscribers(a.base, SUBSCRIBERS / 2, idea)),
      ...(await subscribers(b.base, SUBSCRIBERS / 2, idea)),
    ];
    await sleep(2000);
    const rssAfter = rssMb(a.child.pid) + rssMb(b.child.pid);

    // A vote every 10 ms, alternating between the processes; each answer's time, by the count it made.
    const answered = new Map();
    const sent = new Map();
    const pending = [];
    for (let i = 0; i < tokens.length; i++) {
      const base = i % 2 === 0 ? a.base : b.base;
      const start = performance.now();
      pending.push(
        call(base, tokens[i], SUPPORT, { id: idea }).then((data) => {
          const upvotes = data?.castVote.upvotes;
          if (upvotes !== undefined) {
            answered.set(upvotes, performance.now());
            sent.set(upvotes, start);
          }
        }),
      );
      await sleep(VOTE_EVERY_MS);
    }
    await Promise.all(pending);
    await sleep(1500);
    const fromAnswer = [];
    const fromRequest = [];
    let updates = 0;
    let latest = 0;
    for (const { updates: got } of all) {
      updates += got.length;
      for (const [at, upvotes] of got) {
        if (answered.has(upvotes)) fromAnswer.push(Math.max(0, at - answered.get(upvotes)));
        if (sent.has(upvotes)) fromRequest.push(at - sent.get(upvotes));
      }
      latest += got.at(-1)?.[1] === tokens.length ? 1 : 0;
    }
    fromAnswer.sort((x, y) => x - y);
    fromRequest.sort((x, y) => x - y);
    log(
      `  live: ${SUBSCRIBERS} subscribers over 2 processes, ${tokens.length} votes in ${VOTE_SECONDS} s: ` +
        `${(updates / SUBSCRIBERS).toFixed(1)} updates per subscriber; ${latest} of ${SUBSCRIBERS} ended on the last count; ` +
        `from the vote's answer p50 ${percentile(fromAnswer, 50).toFixed(0)} ms, p99 ${percentile(fromAnswer, 99).toFixed(0)} ms ` +
        `(from its request p50 ${percentile(fromRequest, 50).toFixed(0)} ms, p99 ${percentile(fromRequest, 99).toFixed(0)} ms); ` +
        `server memory ${(((rssAfter - rssBefore) * 1024) / SUBSCRIBERS).toFixed(0)} KB per connection`,
    );
    await Promise.all(all.map(({ client }) => client.dispose()));

    // Throughput through two processes beside one.
    const both = (c) => (c % 2 === 0 ? a.base : b.base);
    return [
      await drive('ranked list, 1 process', async (c) => !!(await call(a.base, token(c), ...listArgs()))),
      await drive('ranked list, 2 processes', async (c) => !!(await call(both(c), token(c), ...listArgs()))),
      await drive('castVote, 1 process', async (c) => !!(await call(a.base, token(c), ...castArgs(c)))),
      await drive('castVote, 2 processes', async (c) => !!(await call(both(c), token(c), ...castArgs(c)))),
    ];
  } finally {
    b.child.kill('SIGTERM');
    await new Promise((resolve) => b.child.once('exit', resolve));
  }
}
