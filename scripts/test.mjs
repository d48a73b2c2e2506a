// npm test: every test of every workspace, against real PostgreSQL.
// Uses TEST_DATABASE_URL or DATABASE_URL when set (the role must be able to create databases), otherwise
// an embedded PostgreSQL in .data/test-postgres. Each run migrates a template database of its own, and
// each test file clones it, so runs and files never see each other's data. Extra arguments go to Jest.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { buildIfStale, ROOT } from './lib.mjs';

buildIfStale();

const { startEmbeddedPostgres } = await import('../server/dist/server/src/database/embedded-postgres.js');
const { createDataSource } = await import('../server/dist/server/src/database/data-source.js');

const given = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
const cluster = given
  ? { adminUrl: given, stop: async () => {} }
  : await startEmbeddedPostgres(join(ROOT, '.data/test-postgres'));

mkdirSync(join(ROOT, '.data'), { recursive: true });
const resultsFile = join(ROOT, '.data', `jest-results-${process.pid}.json`);
const prefix = `consulta_t${Date.now().toString(36)}${process.pid}`;
const template = `${prefix}_template`;

function urlFor(database) {
  const url = new URL(cluster.adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin(work) {
  const client = new pg.Client({ connectionString: cluster.adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

let status;
try {
  await admin((client) => client.query(`CREATE DATABASE "${template}"`));
  const dataSource = createDataSource({ url: urlFor(template) });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();

  // Asynchronous on purpose: this process must keep reading the embedded PostgreSQL's output while the
  // tests run, or PostgreSQL blocks once its log pipe is full.
  const jest = spawn(
    process.execPath,
    [
      '--experimental-vm-modules',
      '--no-warnings',
      'node_modules/jest/bin/jest.js',
      '--json',
      `--outputFile=${resultsFile}`,
      ...process.argv.slice(2),
    ],
    {
      cwd: ROOT,
      stdio: 'inherit',
      env: {
        ...process.env,
        CONSULTA_TEST_ADMIN_URL: cluster.adminUrl,
        CONSULTA_TEST_TEMPLATE: template,
        CONSULTA_TEST_PREFIX: prefix,
      },
    },
  );
  status = await new Promise((resolve) => jest.on('exit', (code) => resolve(code ?? 1)));
  if (existsSync(resultsFile)) {
    const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    // A closing line in the plain form CI tools read.
    rmSync(resultsFile);
    process.stdout.write(`\ntests: ${results.numPassedTests} passed, ${results.numFailedTests} failed\n`);
  }
} finally {
  await admin(async (client) => {
    const { rows } = await client.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${prefix}%`]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
  await cluster.stop();
}
process.exit(status);
