// The fan-out part of `npm run bench` (-- --only fan-out): an official answer to an idea with 100,000
// voters. Reports the time until all 100,000 notifications exist, the rate of notification mail into a
// local SMTP listener (smtp-server) with the default MAIL_PER_SECOND and with the cap lifted, and castVote
// throughput while the fan-out and its mail run, as a share of castVote just before.
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { benchCampaign } from './lib.mjs';

const RESPOND = `mutation ($id: ID!) { postOfficialResponse(input: { ideaId: $id, status: ACCEPTED,
  body: "We will do it this spring." }) { id } }`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A real SMTP listener that accepts everything and counts what arrives. */
async function countingSink() {
  const arrivals = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        arrivals.push(performance.now());
        callback(null);
      });
    },
  });
  const port = await new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(server.server.address().port)),
  );
  return {
    url: `smtp://127.0.0.1:${port}`,
    arrivals,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** 100,000 confirmed voters on one idea, with the counters the vote path keeps; an official with a session. */
async function seedAudience(db, voters) {
  const { agency, campaign, hash } = await benchCampaign(db, 'bench-fan-out', 'Fan-out bench');
  await db.query(
    `INSERT INTO users (email, password_hash, display_name, email_verified)
     SELECT 'bench-fan-' || n || '@example.org', $2, 'Voter ' || n, true FROM generate_series(1, $1) n`,
    [voters, hash],
  );
  const [{ id: official }] = (
    await db.query(
      `INSERT INTO users (email, password_hash, display_name, email_verified)
       VALUES ('bench-official@example.org', $1, 'Bench Official', true) RETURNING id`,
      [hash],
    )
  ).rows;
  await db.query("INSERT INTO agency_memberships (agency_id, user_id, role) VALUES ($1, $2, 'OFFICIAL')", [
    agency,
    official,
  ]);
  const [{ id: idea }] = (
    await db.query(
      `INSERT INTO ideas (campaign_id, author_id, title, body, body_html, hot)
       VALUES ($1, $2, 'An idea with many supporters', 'Body', '<p>Body</p>', 0) RETURNING id`,
      [campaign, official],
    )
  ).rows;
  await db.query(
    `INSERT INTO votes (user_id, idea_id, campaign_id, value)
     SELECT id, $1, $2, 1 FROM users WHERE email LIKE 'bench-fan-%'`,
    [idea, campaign],
  );
  await db.query(
    `INSERT INTO campaign_participants (campaign_id, user_id, votes_used)
     SELECT $1::uuid, user_id, 1 FROM votes WHERE idea_id = $2
     UNION ALL SELECT $1::uuid, $3::uuid, 0`,
    [campaign, idea, official],
  );
  await db.query(
    `UPDATE ideas SET upvotes = $2, score = $2, hot = consulta_hot($2, created_at), wilson = consulta_wilson($2, 0)
      WHERE id = $1`,
    [idea, voters],
  );
  await db.query('UPDATE campaigns SET idea_count = 1, participant_count = $2 WHERE id = $1', [campaign, voters + 1]);
  const token = randomBytes(32).toString('base64url');
  await db.query("INSERT INTO sessions (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 day')", [
    official,
    createHash('sha256').update(token).digest(),
  ]);
  await db.query('ANALYZE');
  return { idea, token };
}

/** Messages per second into the sink over `ms` from now. */
async function mailRate(sink, ms) {
  const from = sink.arrivals.length;
  const start = performance.now();
  await sleep(ms);
  return Math.round(((sink.arrivals.length - from) * 1000) / (performance.now() - start));
}

export async function fanOutBench({ databaseUrl, restart, drive, call, castNext, log, voters = 100_000 }) {
  const sink = await countingSink();
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { idea, token } = await seedAudience(db, voters);
    log(`  fan-out: ${voters} confirmed voters on one idea`);
    let server = await restart({ SMTP_URL: sink.url });
    const alone = await drive('castVote (before the fan-out)', castNext);
    const gid = Buffer.from(`Idea:${idea}`).toString('base64url');
    const posted = performance.now();
    if (!(await call(server.base, token, RESPOND, { id: gid }))) throw new Error('the official answer failed');
    let allAt = null;
    const watch = (async () => {
      while (allAt === null && performance.now() - posted < 300_000) {
        const { n } = (await db.query('SELECT count(*)::int AS n FROM notifications WHERE idea_id = $1', [idea]))
          .rows[0];
        if (n >= voters) allAt = performance.now();
        else await sleep(50);
      }
    })();
    const during = await drive('castVote (during the fan-out and its mail)', castNext);
    await watch;
    const firstMail = sink.arrivals[0];
    log(
      `  fan-out: all ${voters} notifications existed ${allAt === null ? 'not within 300' : ((allAt - posted) / 1000).toFixed(1)} s ` +
        `after the answer; the first message arrived ${firstMail ? ((firstMail - posted) / 1000).toFixed(1) : '-'} s after it`,
    );
    const capped = await mailRate(sink, 10_000);
    server = await restart({ SMTP_URL: sink.url, MAIL_PER_SECOND: '10000' });
    await sleep(2000);
    const uncapped = await mailRate(sink, 10_000);
    // castVote again while the rest of the mail goes out as fast as the listener takes it.
    const [flooded, floodRate] = await Promise.all([
      drive('castVote (while mail goes out uncapped)', castNext),
      mailRate(sink, 9_000),
    ]);
    log(
      `  mail into the SMTP listener: ${capped}/s with the default MAIL_PER_SECOND (100), ${uncapped}/s with ` +
        `MAIL_PER_SECOND=10000, ${floodRate}/s while castVote ran (${sink.arrivals.length} messages in all)`,
    );
    const share = (result) => Math.round((100 * result['req/s']) / alone['req/s']);
    log(
      `  castVote during the fan-out: ${share(during)}% of castVote before it; during uncapped mail: ${share(flooded)}%`,
    );
    return [alone, during, flooded];
  } finally {
    await db.end();
    await sink.stop();
  }
}
