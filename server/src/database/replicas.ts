import type { DataSource } from 'typeorm';
import { isConnectionError } from '../common/errors/format-error.js';
import type { JsonLogger } from '../common/logging/json-logger.js';
import type { Executor } from './sql.js';

const RETRY_MS = 2000;

interface Replica {
  source: DataSource;
  /** Not used until then: after a failed connection, reads go to the primary for a while. */
  downUntil: number;
  connecting: boolean;
}

/**
 * The read replicas of DATABASE_REPLICA_URLS, each a data source of its own, connected in the background:
 * a replica that is away at start, or goes away later, only sends its reads to the primary until it is
 * back. Never used for writes or for reads inside a transaction.
 */
export class ReplicaSet {
  private readonly replicas: Replica[];
  private next = 0;
  private stopped = false;

  constructor(
    sources: DataSource[],
    private readonly primary: DataSource,
    private readonly logger: JsonLogger,
  ) {
    this.replicas = sources.map((source) => ({ source, downUntil: 0, connecting: false }));
  }

  get size(): number {
    return this.replicas.length;
  }

  start(): void {
    for (const replica of this.replicas) void this.connect(replica);
  }

  private async connect(replica: Replica): Promise<void> {
    if (this.stopped || replica.connecting || replica.source.isInitialized) return;
    replica.connecting = true;
    try {
      await replica.source.initialize();
      replica.downUntil = 0;
    } catch (error) {
      this.markDown(replica, error);
    } finally {
      replica.connecting = false;
    }
  }

  private markDown(replica: Replica, error: unknown): void {
    if (replica.downUntil < Date.now()) {
      this.logger.emit('warn', 'read replica not reachable; its reads go to the primary', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
    replica.downUntil = Date.now() + RETRY_MS;
    if (!replica.source.isInitialized) setTimeout(() => void this.connect(replica), RETRY_MS).unref();
  }

  /** The next usable replica, round robin; null when none is. */
  private pick(): Replica | null {
    const now = Date.now();
    for (let i = 0; i < this.replicas.length; i++) {
      const replica = this.replicas[(this.next + i) % this.replicas.length]!;
      if (replica.source.isInitialized && replica.downUntil <= now) {
        this.next = (this.next + i + 1) % this.replicas.length;
        return replica;
      }
    }
    return null;
  }

  /** Where a lag-tolerant read runs: a replica when one is usable, the primary otherwise or when it fails. */
  executor(): Executor {
    const replica = this.pick();
    if (!replica) return this.primary;
    return {
      query: async (sql: string, params?: unknown[]) => {
        try {
          return await replica.source.query(sql, params);
        } catch (error) {
          if (!isConnectionError(error)) throw error;
          this.markDown(replica, error);
          return this.primary.query(sql, params);
        }
      },
    } as Executor;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.replicas.map((r) => (r.source.isInitialized ? r.source.destroy() : undefined)));
  }
}
