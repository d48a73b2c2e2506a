import pg from 'pg';

/** Runs `work` and counts the SQL statements every pg client in this process sent meanwhile. */
export async function countStatements(work: () => Promise<unknown>): Promise<number> {
  const original = pg.Client.prototype.query;
  let statements = 0;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    statements++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await work();
    return statements;
  } finally {
    pg.Client.prototype.query = original;
  }
}
