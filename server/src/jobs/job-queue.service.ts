import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { UnavailableError } from '../common/errors/domain-error.js';
import { JsonLogger } from '../common/logging/json-logger.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { DatabaseService } from '../database/database.service.js';
import { DATABASE_URL } from '../database/database.tokens.js';
import { rows, type Executor } from '../database/sql.js';

const RETRY_START_MS = 5000;

export interface JobDefinition {
  name: string;
  /** Runs one job; a throw retries it with backoff (retryLimit times), then it is kept as failed. */
  handle(data: Record<string, unknown>): Promise<void>;
  /** Cron (UTC, minute granularity): the queue sends the job itself on this schedule, once for all processes. */
  cron?: string;
  /** Queue settings beside the defaults (5 retries from 30 s, doubling). */
  queue?: Pick<PgBoss.Queue, 'policy' | 'retryLimit' | 'retryDelay' | 'retryBackoff'>;
  /** Workers of this queue in each process (default 1), each taking `batchSize` jobs at a time. */
  workers?: number;
  batchSize?: number;
}

/** A job to queue inside the caller's transaction (see insertWithin). */
export type JobInsert = PgBoss.JobInsert;

/**
 * The background job queue: pg-boss on the application's PostgreSQL (schema `pgboss`), so jobs need nothing
 * but the database, survive restarts, and each is taken by one worker of one process. Modules register their
 * jobs at start; with WORKERS=false this process only sends jobs and another one works them.
 */
@Injectable()
export class JobQueueService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly definitions: JobDefinition[] = [];
  private boss: PgBoss | null = null;
  private starting: Promise<void> | undefined;
  /** The start under way, if any: a shutdown waits for it, so that no queue is left running behind it. */
  private inFlight: Promise<void> | null = null;
  private stopped = false;

  constructor(
    @Inject(DATABASE_URL) private readonly url: string,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly logger: JsonLogger,
    private readonly database: DatabaseService,
  ) {}

  /**
   * Registers a job; when the queue already runs in this process, its workers start now (the promise
   * resolves once they do).
   */
  register(definition: JobDefinition): Promise<void> {
    this.definitions.push(definition);
    return this.boss ? this.startQueue(this.boss, definition) : Promise.resolve();
  }

  /**
   * With WORKERS, the queue starts once the database is ready, in the background: a database that is away
   * at boot delays the workers, never the API (and a failed start is tried again).
   */
  onApplicationBootstrap(): void {
    if (!this.config.workers) return;
    this.starting = (async () => {
      while (!this.stopped) {
        try {
          await this.database.whenReady();
          if (this.stopped) return;
          this.inFlight = this.start();
          await this.inFlight;
          return;
        } catch (error) {
          this.logger.emit('warn', 'job queue not started, trying again', {
            error: error instanceof Error ? error.message : String(error),
          });
          await new Promise((resolve) => setTimeout(resolve, RETRY_START_MS).unref());
        }
      }
    })();
  }

  /** Resolves once the background start has finished (tests and the worker command wait for it). */
  async started(): Promise<void> {
    await this.starting;
  }

  /** Starts the queue and the workers of every registered job (once). */
  async start(): Promise<void> {
    if (this.boss || this.stopped) return;
    const boss = new PgBoss({ connectionString: this.url, max: 2, application_name: 'consulta-jobs' });
    boss.on('error', (error: Error) => this.logger.emit('warn', 'job queue error', { error: error.message }));
    await boss.start();
    for (const definition of this.definitions) await this.startQueue(boss, definition);
    // Shut down while starting: this start ends the queue it made, instead of leaving it running.
    if (this.stopped) return boss.stop({ graceful: true, wait: true, timeout: 5000 });
    this.boss = boss;
  }

  private async startQueue(boss: PgBoss, definition: JobDefinition): Promise<void> {
    const settings = { name: definition.name, retryLimit: 5, retryDelay: 30, retryBackoff: true, ...definition.queue };
    // Processes starting together create the same queues at once, which PostgreSQL may end as a deadlock.
    for (let attempt = 1; ; attempt++) {
      try {
        await boss.createQueue(definition.name, settings);
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== '40P01' || attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200 * attempt));
      }
    }
    for (let worker = 0; worker < (definition.workers ?? 1); worker++) {
      await boss.work<Record<string, unknown>>(
        definition.name,
        { batchSize: definition.batchSize ?? 1, pollingIntervalSeconds: definition.workers ? 0.5 : 2 },
        // Each job of a batch fails alone (retried with backoff); the others complete.
        async (jobs) => {
          for (const job of jobs) {
            try {
              await definition.handle(job.data ?? {});
            } catch (error) {
              await boss.fail(definition.name, job.id, { message: (error as Error).message });
            }
          }
        },
      );
    }
    if (definition.cron) await boss.schedule(definition.name, definition.cron, {}, { tz: 'UTC' });
  }

  /** Queues a job now (the queue must have been started in some process for it to run). */
  async send(name: string, data: Record<string, unknown> = {}): Promise<string | null> {
    if (!this.boss) throw new UnavailableError();
    return this.boss.send(name, data);
  }

  /** True once this process's queue has started (with WORKERS). */
  get running(): boolean {
    return this.boss !== null;
  }

  /**
   * Queues jobs inside the caller's transaction: pg-boss's statements run on it, so the jobs exist exactly
   * when it commits.
   */
  async insertWithin(executor: Executor, jobs: JobInsert[]): Promise<void> {
    if (!this.boss) throw new UnavailableError();
    if (jobs.length === 0) return;
    await this.boss.insert(jobs, {
      db: {
        executeSql: async (text, values) => ({
          rows: await rows<Record<string, unknown>>(executor, text, values ?? []),
        }),
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.inFlight?.catch(() => {});
    const boss = this.boss;
    this.boss = null;
    await boss?.stop({ graceful: true, wait: true, timeout: 5000 });
  }
}
