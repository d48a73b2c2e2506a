import type { DataSource, EntityManager } from 'typeorm';

/** Where a statement runs: the pool (DataSource) or a transaction's EntityManager. */
export type Executor = Pick<EntityManager | DataSource, 'query'>;

/**
 * The rows of one statement, typed by the caller's row type (the one way every repository reads SQL).
 * TypeORM's PostgreSQL driver answers UPDATE and DELETE with [rows, affectedCount] but INSERT and SELECT
 * with rows; this gives rows either way.
 */
export async function rows<Row>(executor: Executor, sql: string, params: unknown[] = []): Promise<Row[]> {
  const result: unknown = await executor.query(sql, params);
  return (
    Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number'
      ? result[0]
      : result
  ) as Row[];
}

/** The first row of a statement, or undefined. */
export async function one<Row>(executor: Executor, sql: string, params: unknown[] = []): Promise<Row | undefined> {
  return (await rows<Row>(executor, sql, params))[0];
}

/** Runs a statement for its effect (to count rows, use RETURNING and rows()). */
export async function run(executor: Executor, sql: string, params: unknown[] = []): Promise<void> {
  await executor.query(sql, params);
}
