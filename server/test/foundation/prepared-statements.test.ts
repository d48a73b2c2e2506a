import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/database/data-source.js';
import { PLANNED_EACH_TIME } from '../../src/database/prepared-pg.js';
import { DatabaseService } from '../../src/database/database.service.js';
import { JsonLogger } from '../../src/common/logging/json-logger.js';
import { loadConfig } from '../../src/config/config.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const ADD = 'SELECT $1::int + 1 AS n';

describe('prepared statements', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const prepared = async (text: string): Promise<number> =>
    (await dataSource.query('SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = $1', [text]))[0].n;

  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
    // One connection, so every statement below runs on the same PostgreSQL session.
    dataSource = createDataSource({ url: db.url, poolSize: 1 });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('prepares a statement with parameters once per connection and reuses it', async () => {
    expect(await dataSource.query(ADD, [1])).toEqual([{ n: 2 }]);
    expect(await dataSource.query(ADD, [41])).toEqual([{ n: 42 }]);
    expect(await prepared(ADD)).toBe(1);
  });

  it('runs statements without parameters as before, several in one string included', async () => {
    await dataSource.query('CREATE TABLE t (n int); INSERT INTO t VALUES (1), (2)');
    expect(await dataSource.query('SELECT sum(n)::int AS s FROM t')).toEqual([{ s: 3 }]);
    expect(await prepared('SELECT sum(n)::int AS s FROM t')).toBe(0);
  });

  it('prepares nothing when turned off (DB_PREPARE_STATEMENTS=false, for poolers that share connections)', async () => {
    const plain = createDataSource({ url: db.url, poolSize: 1, prepareStatements: false });
    await plain.initialize();
    try {
      expect(await plain.query(ADD, [1])).toEqual([{ n: 2 }]);
      expect(await plain.query(ADD, [2])).toEqual([{ n: 3 }]);
      expect(await plain.query('SELECT count(*)::int AS n FROM pg_prepared_statements')).toEqual([{ n: 0 }]);
    } finally {
      await plain.destroy();
    }
  });

  it('plans statements marked PLANNED_EACH_TIME (searches) on every call instead', async () => {
    const search = `${PLANNED_EACH_TIME}SELECT $1::text AS q`;
    expect(await dataSource.query(search, ['park'])).toEqual([{ q: 'park' }]);
    expect(await dataSource.query(search, ['bench'])).toEqual([{ q: 'bench' }]);
    expect(await prepared(search)).toBe(0);
  });

  it('keeps working after a statement fails, inside and outside transactions', async () => {
    await expect(dataSource.query('SELECT $1::int / 0', [1])).rejects.toThrow(/division by zero/);
    await expect(dataSource.query('SELEC $1', [1])).rejects.toThrow(/syntax error/);
    await expect(
      dataSource.transaction(async (manager) => {
        expect(await manager.query(ADD, [2])).toEqual([{ n: 3 }]);
        await manager.query('INSERT INTO t VALUES ($1)', [10]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await dataSource.query('SELECT count(*)::int AS c FROM t WHERE n = $1', [10])).toEqual([{ c: 0 }]);
    expect(await dataSource.query(ADD, [9])).toEqual([{ n: 10 }]);
  });

  it('survives a migration that changes what a prepared statement returns, in and out of transactions', async () => {
    await dataSource.query('CREATE TABLE notes (id int PRIMARY KEY, body text)');
    await dataSource.query('INSERT INTO notes VALUES (1, $1)', ['first']);
    const read = 'SELECT * FROM notes WHERE id = $1';
    expect(await dataSource.query(read, [1])).toEqual([{ id: 1, body: 'first' }]);
    // Another process migrates while this one keeps its prepared statement.
    await dataSource.query('ALTER TABLE notes ADD COLUMN votes int NOT NULL DEFAULT 0');
    expect(await dataSource.query(read, [1])).toEqual([{ id: 1, body: 'first', votes: 0 }]);

    const other = 'SELECT * FROM notes WHERE id = $1 FOR UPDATE';
    const database = new DatabaseService(dataSource, loadConfig({}), new JsonLogger('silent'));
    let attempts = 0;
    const inTransaction = () =>
      database.transaction(async (manager) => {
        attempts++;
        return manager.query(other, [1]);
      });
    expect(await inTransaction()).toEqual([{ id: 1, body: 'first', votes: 0 }]);
    await dataSource.query('ALTER TABLE notes ADD COLUMN flags int NOT NULL DEFAULT 0');
    attempts = 0;
    expect(await inTransaction()).toEqual([{ id: 1, body: 'first', votes: 0, flags: 0 }]);
    expect(attempts).toBe(2);
  });

  it('stops preparing new statements past a bound per connection, and still runs them', async () => {
    for (let i = 0; i < 320; i++) {
      expect(await dataSource.query(`SELECT $1::int + ${i} AS n`, [1])).toEqual([{ n: 1 + i }]);
    }
    const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM pg_prepared_statements');
    expect(n).toBeLessThanOrEqual(300);
    expect(n).toBeGreaterThan(250);
  });
});
