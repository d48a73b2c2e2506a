import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { REPO_ROOT } from '../../src/config/config.js';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { waitFor } from '../support/wait.js';

const MODULE = join(REPO_ROOT, 'server/dist/server/src/database/embedded-postgres.js');

/** A separate Node process that starts the embedded cluster in `dir` and says "ready" once it has. */
function owner(dir: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const { startEmbeddedPostgres } = await import(${JSON.stringify(MODULE)});
       await startEmbeddedPostgres(${JSON.stringify(dir)}); console.log('ready'); setInterval(() => {}, 1000);`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (data: Buffer) => data.toString().includes('ready') && resolve(child));
    child.on('exit', (code) => reject(new Error(`the owner exited with ${code}`)));
  });
}

const postmasterPid = (dir: string) =>
  Number(readFileSync(join(dir, 'pgdata', 'postmaster.pid'), 'utf8').split('\n')[0]);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return (await client.query('SELECT 1 AS one')).rows[0].one === 1;
  } finally {
    await client.end().catch(() => {});
  }
}

describe('the embedded PostgreSQL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'consulta-embedded-'));
  // Run as root, the cluster belongs to a `postgres` user, who must be able to reach the directory.
  chmodSync(dir, 0o755);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is shared while the process that started it lives, and adopted and stopped once it was killed', async () => {
    const first = await owner(dir);
    const pid = postmasterPid(dir);
    // Another process of ours (an admin command) shares it, and leaves it running when it is done.
    const shared = await startEmbeddedPostgres(dir);
    expect(await answers(shared.adminUrl)).toBe(true);
    await shared.stop();
    expect(alive(pid)).toBe(true);

    // The server is killed outright: its cluster is left running, orphaned.
    first.kill('SIGKILL');
    await waitFor('the owner to die', async () => first.exitCode !== null || first.signalCode !== null);
    expect(alive(pid)).toBe(true);

    // The next start adopts it (the same postmaster, no second cluster) and stops it on its own exit.
    const adopted = await startEmbeddedPostgres(dir);
    expect(postmasterPid(dir)).toBe(pid);
    expect(await answers(adopted.urlFor('postgres'))).toBe(true);
    await adopted.stop();
    await waitFor('the adopted postmaster to stop', async () => !alive(pid), 30000);

    // And a start after that starts it afresh, as usual.
    const again = await startEmbeddedPostgres(dir);
    expect(await answers(again.adminUrl)).toBe(true);
    const second = postmasterPid(dir);
    expect(second).not.toBe(pid);
    await again.stop();
    await waitFor('the postmaster to stop', async () => !alive(second), 30000);
  }, 120000);
});
