import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A database of its own for one test file, cloned from the run's migrated template. */
export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests with npm test`);
  return value;
}

export function urlForDatabase(name: string): string {
  const url = new URL(env('CONSULTA_TEST_ADMIN_URL'));
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: env('CONSULTA_TEST_ADMIN_URL') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database: migrated (cloned from the template) unless `empty` is asked for. */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `${env('CONSULTA_TEST_PREFIX')}_${randomBytes(6).toString('hex')}`;
  const template = options.empty ? 'template0' : env('CONSULTA_TEST_TEMPLATE');
  await withAdminClient((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return {
    name,
    url: urlForDatabase(name),
    drop: () =>
      withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}
