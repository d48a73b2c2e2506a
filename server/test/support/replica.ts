import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './processes.js';

const run = promisify(execFile);

/** The machine's PostgreSQL programs (Debian's postgresql package). */
function binaries(): string {
  const root = '/usr/lib/postgresql';
  const version = existsSync(root) ? readdirSync(root).sort().at(-1) : undefined;
  const dir = version ? join(root, version, 'bin') : '';
  if (!dir || !existsSync(join(dir, 'pg_basebackup'))) {
    throw new Error('PostgreSQL server programs not found under /usr/lib/postgresql/*/bin');
  }
  return dir;
}

/** Runs a PostgreSQL program as the postgres user when this is root (the server refuses to run as root). */
async function as(program: string, args: string[]): Promise<void> {
  const path = join(binaries(), program);
  if (process.getuid?.() === 0) await run('runuser', ['-u', 'postgres', '--', path, ...args]);
  else await run(path, args);
}

export interface PrimaryWithReplica {
  primaryUrl: string;
  replicaUrl: string;
  /** Runs a statement on the replica (pausing or resuming its replay, say). */
  onReplica(sql: string): Promise<void>;
  stopReplica(): Promise<void>;
  startReplica(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A small PostgreSQL cluster of the test's own with a streaming replica made by `pg_basebackup -R`, each
 * on a free port of 127.0.0.1 and a data directory under the system's temporary directory.
 */
export async function startPrimaryWithReplica(database = 'consulta'): Promise<PrimaryWithReplica> {
  const dir = mkdtempSync(join(tmpdir(), 'consulta-replica-'));
  chmodSync(dir, 0o755);
  if (process.getuid?.() === 0) {
    const id = async (flag: string) => Number((await run('id', [flag, 'postgres'])).stdout.trim());
    chownSync(dir, await id('-u'), await id('-g'));
  }
  const primary = join(dir, 'primary');
  const replica = join(dir, 'replica');
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const settings = (port: number) =>
    `\nport = ${port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${dir}'\nfsync = off\n` +
    `wal_level = replica\nmax_wal_senders = 4\nhot_standby = on\nshared_preload_libraries = ''\n`;
  await as('initdb', ['-D', primary, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  await appendFile(join(primary, 'postgresql.conf'), settings(primaryPort));
  await as('pg_ctl', ['-D', primary, '-l', join(dir, 'primary.log'), '-w', 'start']);
  const admin = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:${primaryPort}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  await as('pg_basebackup', [
    '-h',
    '127.0.0.1',
    '-p',
    String(primaryPort),
    '-U',
    'postgres',
    '-D',
    replica,
    '-R',
    '-X',
    'stream',
  ]);
  await appendFile(join(replica, 'postgresql.conf'), settings(replicaPort));
  const startReplica = () => as('pg_ctl', ['-D', replica, '-l', join(dir, 'replica.log'), '-w', 'start']);
  const stopReplica = () => as('pg_ctl', ['-D', replica, '-m', 'fast', '-w', 'stop']);
  await startReplica();
  const replicaUrl = `postgresql://postgres@127.0.0.1:${replicaPort}/${database}`;
  return {
    primaryUrl: `postgresql://postgres@127.0.0.1:${primaryPort}/${database}`,
    replicaUrl,
    async onReplica(sql) {
      const client = new pg.Client({ connectionString: replicaUrl });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    },
    stopReplica,
    startReplica,
    async stop() {
      await stopReplica().catch(() => {});
      await as('pg_ctl', ['-D', primary, '-m', 'fast', '-w', 'stop']).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
