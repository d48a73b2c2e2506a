// The analytics part of `npm run bench` (-- --only analytics): one campaign with 2,000 ideas, 5,000 voters
// and 1,000,000 votes spread over 60 days. Reports Campaign.analytics as its agency's official reads it
// (one request at a time, then under load) and the agency's XLSX and CSV exports of the campaign.
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';

const ANALYTICS = `query ($id: ID!) { campaign(id: $id) { analytics {
  days { date ideas votes comments participants } tags { tag ideas votes } statuses { status ideas }
  owed answeredInTime answeredLate waiting } } }`;
const TAGS = ['Parks', 'Streets', 'Buses', 'Schools', 'Water'];

async function seed(db) {
  const [{ id: agency }] = (await db.query("SELECT id FROM agencies WHERE slug = 'bench'")).rows;
  const [{ id: campaign }] = (
    await db.query(
      `INSERT INTO campaigns (agency_id, slug, title, summary, body, body_html, status, voting_mode, tags, opens_at,
                              response_threshold, response_days)
       VALUES ($1, 'bench-analytics', 'Analytics bench', 'Q', 'B', '<p>B</p>', 'OPEN', 'UP_DOWN', $2,
               now() - interval '60 days', 300, 14) RETURNING id`,
      [agency, TAGS],
    )
  ).rows;
  const hash = (await db.query('SELECT password_hash FROM users LIMIT 1')).rows[0].password_hash;
  await db.query(
    `INSERT INTO users (email, password_hash, display_name)
     SELECT 'bench-an-' || n || '@example.org', $1, 'Voter ' || n FROM generate_series(1, 5000) n`,
    [hash],
  );
  await db.query(
    `INSERT INTO ideas (campaign_id, author_id, title, body, body_html, hot, tag, created_at)
     SELECT $1, (SELECT id FROM users WHERE email = 'bench-an-' || (1 + n % 5000) || '@example.org'),
            'Analytics idea ' || n, 'Body', '<p>Body</p>', 0, ($2::text[])[1 + n % 5],
            now() - (n % 60) * interval '1 day'
       FROM generate_series(1, 2000) n`,
    [campaign, TAGS],
  );
  await db.query(
    `WITH i AS (SELECT row_number() OVER (ORDER BY id) AS n, id FROM ideas WHERE campaign_id = $1),
          u AS (SELECT row_number() OVER (ORDER BY id) AS n, id FROM users WHERE email LIKE 'bench-an-%')
     INSERT INTO votes (user_id, idea_id, campaign_id, value, created_at)
     SELECT u.id, i.id, $1, CASE WHEN (u.n + k) % 3 = 0 THEN -1 ELSE 1 END,
            now() - ((u.n * 7 + k) % 60) * interval '1 day' - (k % 24) * interval '1 hour'
       FROM u CROSS JOIN generate_series(0, 199) k JOIN i ON i.n = 1 + ((u.n * 37 + k * 10) % 2000)`,
    [campaign],
  );
  await db.query(
    `INSERT INTO comments (idea_id, author_id, depth, body, body_html, created_at)
     SELECT i.id, i.author_id, 1, 'A comment', '<p>A comment</p>', i.created_at + interval '1 hour'
       FROM ideas i CROSS JOIN generate_series(1, 10) WHERE i.campaign_id = $1`,
    [campaign],
  );
  // The counters the write paths would have kept, so the reconciliation check still holds.
  await db.query(
    `UPDATE ideas i SET upvotes = v.up, downvotes = v.down, score = v.up - v.down, comment_count = 10,
            hot = consulta_hot(v.up - v.down, i.created_at), wilson = consulta_wilson(v.up, v.down),
            threshold_reached_at = CASE WHEN v.up - v.down >= 300 THEN i.created_at + interval '2 days' END
       FROM (SELECT idea_id, count(*) FILTER (WHERE value = 1)::int AS up, count(*) FILTER (WHERE value = -1)::int AS down
               FROM votes WHERE campaign_id = $1 GROUP BY idea_id) v
      WHERE v.idea_id = i.id`,
    [campaign],
  );
  await db.query(
    `INSERT INTO campaign_participants (campaign_id, user_id, votes_used)
     SELECT campaign_id, user_id, count(*) FROM votes WHERE campaign_id = $1 GROUP BY 1, 2
     ON CONFLICT DO NOTHING`,
    [campaign],
  );
  await db.query(
    `INSERT INTO campaign_participants (campaign_id, user_id, votes_used)
     SELECT DISTINCT campaign_id, author_id, 0 FROM ideas WHERE campaign_id = $1 ON CONFLICT DO NOTHING`,
    [campaign],
  );
  await db.query(
    `UPDATE campaigns SET idea_count = 2000,
            participant_count = (SELECT count(*) FROM campaign_participants WHERE campaign_id = $1) WHERE id = $1`,
    [campaign],
  );
  const [{ id: official }] = (
    await db.query(
      `INSERT INTO users (email, password_hash, display_name, email_verified)
       VALUES ('bench-analyst@example.org', $1, 'Bench Analyst', true) RETURNING id`,
      [hash],
    )
  ).rows;
  await db.query("INSERT INTO agency_memberships (agency_id, user_id, role) VALUES ($1, $2, 'OFFICIAL')", [
    agency,
    official,
  ]);
  const token = randomBytes(32).toString('base64url');
  await db.query("INSERT INTO sessions (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 day')", [
    official,
    createHash('sha256').update(token).digest(),
  ]);
  // What autovacuum would have done by now: the visibility map lets the activity indexes answer alone.
  await db.query('VACUUM ANALYZE votes, comments, ideas');
  return { campaign, token };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function analyticsBench({ databaseUrl, base, drive, call, log }) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const started = performance.now();
    const { campaign, token } = await seed(db);
    const { n } = (await db.query('SELECT count(*)::int AS n FROM votes WHERE campaign_id = $1', [campaign])).rows[0];
    log(`  analytics: one campaign with ${n} votes, seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const id = Buffer.from(`Campaign:${campaign}`).toString('base64url');
    const single = [];
    for (let i = 0; i < 7; i++) {
      const start = performance.now();
      const data = await call(base, token, ANALYTICS, { id });
      if (!data?.campaign?.analytics?.days?.length) throw new Error('Campaign.analytics answered nothing');
      single.push(performance.now() - start);
    }
    log(`  Campaign.analytics, one request at a time: median ${median(single).toFixed(0)} ms over 7`);
    const results = [
      await drive(
        `Campaign.analytics (${n} votes)`,
        async () => !!(await call(base, token, ANALYTICS, { id }))?.campaign,
      ),
    ];
    for (const file of ['ideas.xlsx', 'ideas.csv', 'answers.csv']) {
      const start = performance.now();
      const response = await fetch(`${base}/exports/campaigns/bench-analytics/${file}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const bytes = (await response.arrayBuffer()).byteLength;
      if (response.status !== 200) throw new Error(`export ${file} answered ${response.status}`);
      log(
        `  export ${file} (2,000 ideas): ${(performance.now() - start).toFixed(0)} ms, ${(bytes / 1024).toFixed(0)} KB`,
      );
    }
    return results;
  } finally {
    await db.end();
  }
}
