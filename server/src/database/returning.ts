import type { EntityManager } from 'typeorm';

/**
 * The rows of a statement with RETURNING. TypeORM's PostgreSQL driver answers UPDATE and DELETE with
 * [rows, affectedCount] but INSERT and SELECT with rows; this gives rows either way.
 */
export async function returning<T = Record<string, any>>(
  manager: EntityManager,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  const result = await manager.query(sql, params);
  return (
    Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number'
      ? result[0]
      : result
  ) as T[];
}
