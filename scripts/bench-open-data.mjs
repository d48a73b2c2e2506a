// The open-data part of `npm run bench` (-- --only open-data): downloads every table of the open data from
// the seeded data set (at scale 1: 100,000 ideas, 1,000,000 votes) and reports, per file, the time, the size,
// the rows and the server's resident memory before and after (from /proc), with its peak.
import { readFileSync } from 'node:fs';
import pg from 'pg';

const TABLES = ['campaigns', 'ideas', 'official-responses', 'comments', 'votes'];

function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

export async function openDataBench({ base, pid, log, databaseUrl }) {
  // What autovacuum does soon after a bulk load: the visibility map lets index-only scans skip the rows.
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query('VACUUM ANALYZE votes, ideas, comments');
  await db.end();
  const started = memory(pid);
  log(
    `  open data: server resident memory before ${started.rss.toFixed(0)} MB (peak so far ${started.peak.toFixed(0)} MB)`,
  );
  const tags = {};
  for (const table of TABLES) {
    const start = performance.now();
    const response = await fetch(`${base}/open-data/${table}.csv`);
    if (response.status !== 200) throw new Error(`open data ${table}.csv answered ${response.status}`);
    tags[table] = response.headers.get('etag');
    let bytes = 0;
    let lines = 0;
    let highest = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      for (const byte of value) if (byte === 10) lines++;
      highest = Math.max(highest, memory(pid).rss);
    }
    const after = memory(pid);
    log(
      `  ${table}.csv: ${lines - 1} rows, ${(bytes / 1048576).toFixed(1)} MB in ${((performance.now() - start) / 1000).toFixed(1)} s; ` +
        `server memory during ${highest.toFixed(0)} MB at most, after ${after.rss.toFixed(0)} MB`,
    );
  }
  const start = performance.now();
  const again = await fetch(`${base}/open-data/ideas.csv`, { headers: { 'if-none-match': tags.ideas ?? '' } });
  log(`  ideas.csv unchanged: ${again.status} in ${(performance.now() - start).toFixed(0)} ms`);
  log(`  server peak resident memory over the run: ${memory(pid).peak.toFixed(0)} MB`);
  return [];
}
