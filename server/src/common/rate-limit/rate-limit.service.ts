import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

const PRUNE_EVERY_MS = 10 * 60 * 1000;
import { DatabaseService } from '../../database/database.service.js';
import { rateLimitRepository } from './rate-limit.repository.js';

export interface Hit {
  /** The count in the current window, this hit included. */
  count: number;
  /** Seconds until the window resets. */
  retryAfterSeconds: number;
}

/**
 * Fixed-window counters in PostgreSQL, so every API process shares them. One statement increments and
 * reads atomically: concurrent hits never lose a count and never both see the old value.
 */
@Injectable()
export class RateLimitService implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly database: DatabaseService) {}

  async hit(key: string, windowSeconds: number, cost = 1): Promise<Hit> {
    const [hit] = await this.hitAll([key], windowSeconds, cost);
    return hit!;
  }

  /**
   * `cost` hits on each of several counters, in one statement that increments and reads atomically. Rows are
   * locked in key order, so simultaneous callers see every counter in the same order and a request cannot be
   * early on one and late on another. The hits come back in the order of `keys`.
   */
  async hitAll(keys: string[], windowSeconds: number, cost = 1): Promise<Hit[]> {
    const rows = await rateLimitRepository.hit(this.database.dataSource, keys, windowSeconds, cost);
    const byKey = new Map(rows.map((row) => [row.key, { count: row.count, retryAfterSeconds: row.retry }]));
    return keys.map((key) => byKey.get(key)!);
  }

  /** Gives back hits that turned out not to count (a successful sign-in, say). */
  async refund(key: string, cost = 1): Promise<void> {
    await rateLimitRepository.refund(this.database.dataSource, key, cost);
  }

  /**
   * Removes counters whose window ended long ago (every window is at most a day), so the table holds only
   * recent addresses and accounts. Returns how many it removed.
   */
  async prune(olderThanSeconds = 86400): Promise<number> {
    return rateLimitRepository.prune(this.database.dataSource, olderThanSeconds);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.database.dataSource.isInitialized) this.prune().catch(() => {});
    }, PRUNE_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
