import { Redis } from 'ioredis';
import type { JsonLogger } from '../logging/json-logger.js';
import type { BusTransport } from './bus-messages.js';

/**
 * The bus over Redis pub/sub: a publishing and a subscribed connection. While Redis is away nothing is
 * queued (a message sent then is for this process only, see BusService) and ioredis reconnects and
 * subscribes again on its own; the state changes are logged once each.
 */
export class RedisTransport implements BusTransport {
  readonly name = 'redis';
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private up = true;

  constructor(
    url: string,
    private readonly channel: string,
    private readonly logger: JsonLogger,
  ) {
    const options = {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (times: number) => Math.min(times * 200, 2000),
    };
    this.publisher = new Redis(url, { ...options, connectionName: 'consulta-bus-publish' });
    this.subscriber = new Redis(url, { ...options, connectionName: 'consulta-bus-subscribe' });
    for (const connection of [this.publisher, this.subscriber]) {
      connection.on('error', (error: Error) => this.down(error));
      connection.on('ready', () => this.ready());
    }
  }

  async start(receive: (raw: string) => void): Promise<void> {
    this.subscriber.on('message', (channel: string, raw: string) => {
      if (channel === this.channel) receive(raw);
    });
    // Redis being away at start is not fatal: the connections keep trying, and subscribe once ready.
    this.subscriber.on('ready', () => {
      this.subscriber.subscribe(this.channel).catch((error: Error) => this.down(error));
    });
    await Promise.all([
      this.publisher.connect().catch((error: Error) => this.down(error)),
      this.subscriber.connect().catch((error: Error) => this.down(error)),
    ]);
  }

  private down(error: Error): void {
    if (!this.up) return;
    this.up = false;
    this.logger.emit('warn', 'bus: Redis not reachable; live updates reach this process only', {
      error: error.message,
    });
  }

  private ready(): void {
    if (this.up || this.publisher.status !== 'ready' || this.subscriber.status !== 'ready') return;
    this.up = true;
    this.logger.emit('info', 'bus: Redis reachable again', {});
  }

  async send(raw: string): Promise<boolean> {
    if (this.publisher.status !== 'ready') return false;
    try {
      await this.publisher.publish(this.channel, raw);
      return true;
    } catch {
      return false;
    }
  }

  async stop(): Promise<void> {
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }
}
