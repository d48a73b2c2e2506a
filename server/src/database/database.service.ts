import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { JsonLogger } from '../common/logging/json-logger.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { DATA_SOURCE } from './database.tokens.js';
import { openCommitHooks } from './after-commit.js';
import { isStalePlan } from './prepared-pg.js';
import type { NewDomainEvent } from '../events/domain-events.js';
import type { RequestViewer } from '../common/auth/request-viewer.js';
import { createDataSource } from './data-source.js';
import { ReplicaSet } from './replicas.js';
import type { Executor } from './sql.js';

const RETRY_DELAY_MS = 1000;

/** Thrown inside DatabaseService.transaction to start it again from the top (bounded, like deadlocks). */
export class RetryTransaction extends Error {}

/**
 * Owns the connection to PostgreSQL. Connecting (and migrating) happens in the background with retries,
 * so the process starts and answers /health with 503 while the database is away, and becomes ready when
 * it returns.
 */
@Injectable()
export class DatabaseService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readyPromise: Promise<void> | undefined;
  private stopping = false;
  private readonly replicas: ReplicaSet;

  constructor(
    @Inject(DATA_SOURCE) readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly logger: JsonLogger,
  ) {
    const replicaSources = config.databaseReplicaUrls.map((url) =>
      createDataSource({
        url,
        poolSize: config.dbPoolSize,
        prepareStatements: config.dbPrepareStatements,
        statementTimeoutMs: config.dbStatementTimeoutMs,
        applicationName: 'consulta-reads',
      }),
    );
    this.replicas = new ReplicaSet(replicaSources, dataSource, logger);
  }

  onApplicationBootstrap(): void {
    this.readyPromise = this.connect();
    this.readyPromise.catch(() => {});
    this.replicas.start();
  }

  /**
   * Where a read that tolerates lag runs (lists, search, downloads): a read replica of
   * DATABASE_REPLICA_URLS, or the primary when there is none, none is reachable, or the viewer wrote a
   * moment ago (so a person never misses their own vote). Never for reads that decide a write.
   */
  get hasReplicas(): boolean {
    return this.replicas.size > 0;
  }

  private readonly writers = new Map<string, number>();

  /** Notes that the person wrote now: for READ_YOUR_WRITES_SECONDS their reads go to the primary. */
  noteWrite(userId: string): void {
    if (this.writers.size > 10_000) this.writers.clear();
    this.writers.set(userId, Date.now() + this.config.readYourWritesSeconds * 1000);
  }

  /** True while a person's last write (through this process) is recent. */
  wroteRecently(userId: string | null): boolean {
    return userId !== null && (this.writers.get(userId) ?? 0) > Date.now();
  }

  reader(viewer?: Pick<RequestViewer, 'readsFromPrimary'> | null): Executor {
    if (viewer?.readsFromPrimary || this.replicas.size === 0) return this.dataSource;
    return this.replicas.executor();
  }

  private readonly eventListeners = new Set<(events: readonly NewDomainEvent[]) => void>();

  /** Calls `listener` with the domain events of each transaction of this process, once it has committed. */
  onCommittedEvents(listener: (events: readonly NewDomainEvent[]) => void): void {
    this.eventListeners.add(listener);
  }

  private tellCommitted(events: readonly NewDomainEvent[]): void {
    for (const listener of this.eventListeners) {
      try {
        listener(events);
      } catch (error) {
        this.logger.emit('error', 'committed-events listener failed', { error: (error as Error).message });
      }
    }
  }

  /** Resolves once the database is connected and migrated. */
  whenReady(): Promise<void> {
    return this.readyPromise ?? Promise.reject(new Error('database not started'));
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /**
   * Runs `work` in a transaction, retrying a bounded number of times when PostgreSQL aborts it for a
   * deadlock, a serialization failure or a prepared statement gone stale, so those never reach the person.
   */
  transaction<T>(work: (manager: EntityManager) => Promise<T>, attempts = 5): Promise<T> {
    return this.retrying(async () => {
      let committed: ReturnType<typeof openCommitHooks> = { hooks: [], events: [] };
      const result = await this.dataSource.transaction((manager) => {
        committed = openCommitHooks(manager);
        return work(manager);
      });
      for (const hook of committed.hooks) hook();
      if (committed.events.length > 0) this.tellCommitted(committed.events);
      return result;
    }, attempts);
  }

  /**
   * Runs one statement that is its own transaction (a database function that takes the locks of a write in
   * their global order), retried as `transaction` is; once it has committed, this process's listeners hear
   * of the domain events `recorded` names from its result.
   */
  async alone<T>(work: (executor: Executor) => Promise<T>, recorded: (result: T) => NewDomainEvent[]): Promise<T> {
    const result = await this.retrying(() => work(this.dataSource), 5);
    const events = recorded(result);
    if (events.length > 0) this.tellCommitted(events);
    return result;
  }

  private async retrying<T>(attempt: () => Promise<T>, attempts: number): Promise<T> {
    for (let tried = 1; ; tried++) {
      try {
        return await attempt();
      } catch (error) {
        const code =
          (error as { driverError?: { code?: string }; code?: string }).driverError?.code ??
          (error as { code?: string }).code;
        const retryable =
          code === '40P01' ||
          code === '40001' ||
          isStalePlan((error as { driverError?: unknown }).driverError ?? error) ||
          error instanceof RetryTransaction;
        if (!retryable || tried >= attempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * tried));
      }
    }
  }

  /** True when a query answers now. */
  async isHealthy(): Promise<boolean> {
    if (!this.dataSource.isInitialized) return false;
    try {
      await this.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  private async connect(): Promise<void> {
    for (let attempt = 1; !this.stopping; attempt++) {
      try {
        if (!this.dataSource.isInitialized) await this.dataSource.initialize();
        if (this.config.runMigrations) {
          const applied = await this.dataSource.runMigrations({ transaction: 'each' });
          if (applied.length > 0) {
            this.logger.emit('info', 'migrations applied', { migrations: applied.map((m) => m.name) });
          }
        }
        this.logger.emit('info', 'database ready', { attempt });
        return;
      } catch (error) {
        this.logger.emit('warn', 'database not reachable, retrying', {
          attempt,
          error: error instanceof Error ? error.message : String(error),
        });
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
      }
    }
    throw new Error('stopped before the database was ready');
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.replicas.stop();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
