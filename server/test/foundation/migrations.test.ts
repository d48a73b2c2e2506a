import { createDataSource } from '../../src/database/data-source.js';
import { migrations } from '../../../migrations/index.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../src/config/config.js';
import { createTestDatabase } from '../support/database.js';

async function extensions(query: (sql: string) => Promise<Array<{ extname: string }>>): Promise<string[]> {
  return (await query("SELECT extname FROM pg_extension WHERE extname IN ('citext', 'pg_trgm') ORDER BY 1")).map(
    (row) => row.extname,
  );
}

describe('migrations', () => {
  it('are all listed, named <epoch-ms>-<what-changed>.ts, in order', () => {
    const files = readdirSync(join(REPO_ROOT, 'migrations')).filter((file) => file !== 'index.ts');
    for (const file of files) expect(file).toMatch(/^\d{13}-[a-z0-9]+(-[a-z0-9]+)*\.ts$/);
    const listed = migrations.map((migration) => migration.name.match(/(\d{13})$/)![1]);
    expect(listed).toEqual(files.map((file) => file.slice(0, 13)).sort());
  });

  it('apply on an empty database, revert completely, and apply again', async () => {
    const db = await createTestDatabase({ empty: true });
    const dataSource = createDataSource({ url: db.url });
    await dataSource.initialize();
    try {
      const query = (sql: string) => dataSource.query(sql);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      expect(applied).toHaveLength(migrations.length);
      expect(await extensions(query)).toEqual(['citext', 'pg_trgm']);

      for (let i = 0; i < migrations.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
      expect(await dataSource.query('SELECT count(*)::int AS n FROM migrations')).toEqual([{ n: 0 }]);
      expect(await extensions(query)).toEqual([]);
      const tables = await dataSource.query(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'",
      );
      expect(tables).toEqual([]);

      const again = await dataSource.runMigrations({ transaction: 'each' });
      expect(again).toHaveLength(migrations.length);
      expect(await dataSource.showMigrations()).toBe(false);
    } finally {
      await dataSource.destroy();
      await db.drop();
    }
  });
});
