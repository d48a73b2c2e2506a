import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { DATABASE_URL } from '../../database/database.tokens.js';
import { JsonLogger } from '../logging/json-logger.js';
import type { BusMessage, BusTransport } from './bus-messages.js';
import { PgTransport } from './pg-transport.js';
import { RedisTransport } from './redis-transport.js';

type Listener = (message: BusMessage) => void;

/** One channel per database, so deployments (and test databases) sharing a Redis do not hear each other. */
export function busChannel(databaseUrl: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1)) || 'postgres';
  return `consulta_bus_${name}`.slice(0, 63);
}

/**
 * What the processes of one deployment tell each other (session ends, live updates). A message reaches
 * this process's listeners at once, in publish, and the others through the transport: Redis pub/sub with
 * REDIS_URL, PostgreSQL LISTEN/NOTIFY without. A process ignores its own messages coming back. When the
 * transport is down, messages still reach this process and the others catch up when it returns.
 */
@Injectable()
export class BusService implements OnModuleInit, OnApplicationShutdown {
  private readonly origin = randomUUID();
  private readonly listeners = new Set<Listener>();
  private readonly transport: BusTransport;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(DATABASE_URL) databaseUrl: string,
    private readonly logger: JsonLogger,
  ) {
    const channel = busChannel(databaseUrl);
    this.transport = config.redisUrl
      ? new RedisTransport(config.redisUrl, channel, logger)
      : new PgTransport(databaseUrl, channel, logger);
  }

  get transportName(): BusTransport['name'] {
    return this.transport.name;
  }

  private started: Promise<void> = Promise.resolve();

  /** Start-up does not wait for the transport: it connects (and reconnects) in the background. */
  onModuleInit(): void {
    this.started = this.transport.start((raw) => this.received(raw));
  }

  /** Resolves once the transport's first connection attempt is over (for tests and the command line). */
  whenStarted(): Promise<void> {
    return this.started;
  }

  /** Calls `listener` for every message, this process's own included; answers a function that stops it. */
  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells this process at once and the others through the transport; resolves once it is sent (or could not be). */
  publish(message: BusMessage): Promise<boolean> {
    this.deliver(message);
    return this.transport.send(JSON.stringify({ o: this.origin, m: message }));
  }

  private received(raw: string): void {
    let parsed: { o?: unknown; m?: BusMessage };
    try {
      parsed = JSON.parse(raw) as { o?: unknown; m?: BusMessage };
    } catch {
      return;
    }
    if (parsed.o === this.origin || !parsed.m || typeof parsed.m.t !== 'string') return;
    this.deliver(parsed.m);
  }

  private deliver(message: BusMessage): void {
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch (error) {
        this.logger.emit('error', 'bus listener failed', { type: message.t, error: (error as Error).message });
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.transport.stop();
  }
}
