import { rows, run, type Executor } from '../../database/sql.js';

/** A row of `rate_limit_counters`: a key's count in its current window. */
export interface CounterRow {
  key: string;
  window_start: Date;
  count: number;
}

/** Every statement on `rate_limit_counters` (owned by common/rate-limit): fixed-window counters. */
export class RateLimitRepository {
  /**
   * `cost` hits on each counter, in one statement that increments and reads atomically, rows locked in key
   * order. Answers each key's count and the seconds until its window resets.
   */
  hit(
    executor: Executor,
    keys: string[],
    windowSeconds: number,
    cost: number,
  ): Promise<Array<{ key: string; count: number; retry: number }>> {
    return rows<Pick<CounterRow, 'key' | 'count'> & { retry: number }>(
      executor,
      `INSERT INTO rate_limit_counters AS c (key, window_start, count)
       SELECT k, now(), $2 FROM unnest($1::text[]) AS k ORDER BY k
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN c.window_start <= now() - make_interval(secs => $3) THEN $2 ELSE c.count + $2 END,
         window_start = CASE WHEN c.window_start <= now() - make_interval(secs => $3) THEN now() ELSE c.window_start END
       RETURNING key, count,
         GREATEST(1, CEIL(EXTRACT(EPOCH FROM (window_start + make_interval(secs => $3) - now()))))::int AS retry`,
      [keys, cost, windowSeconds],
    );
  }

  async refund(executor: Executor, key: string, cost: number): Promise<void> {
    await run(executor, 'UPDATE rate_limit_counters SET count = GREATEST(0, count - $2) WHERE key = $1', [key, cost]);
  }

  /** Removes counters whose window ended over `olderThanSeconds` ago; answers how many. */
  async prune(executor: Executor, olderThanSeconds: number): Promise<number> {
    const removed = await rows<Pick<CounterRow, 'key'>>(
      executor,
      'DELETE FROM rate_limit_counters WHERE window_start < now() - make_interval(secs => $1) RETURNING key',
      [olderThanSeconds],
    );
    return removed.length;
  }
}

export const rateLimitRepository = new RateLimitRepository();
