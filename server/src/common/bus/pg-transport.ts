import pg from 'pg';
import type { JsonLogger } from '../logging/json-logger.js';
import type { BusTransport } from './bus-messages.js';

const RECONNECT_MS = 1000;

/**
 * The bus over PostgreSQL: one connection of its own LISTENs (reconnecting after a loss) and sends with
 * pg_notify, batching what arrives while a send is out. Needs nothing but the database.
 */
export class PgTransport implements BusTransport {
  readonly name = 'postgres';
  private client: pg.Client | null = null;
  private stopped = false;
  private receive: (raw: string) => void = () => {};
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly logger: JsonLogger,
  ) {}

  async start(receive: (raw: string) => void): Promise<void> {
    this.receive = receive;
    await this.connect();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.url, application_name: 'consulta-bus' });
    client.on('notification', (message) => {
      if (message.channel === this.channel && message.payload) this.receive(message.payload);
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(this.channel)}`);
      this.client = client;
    } catch (error) {
      this.logger.emit('warn', 'bus: PostgreSQL not reachable, retrying', { error: (error as Error).message });
      client.end().catch(() => {});
      this.schedule();
    }
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    client.end().catch(() => {});
    if (!this.stopped) this.logger.emit('warn', 'bus: PostgreSQL connection lost, reconnecting', {});
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.connect();
    }, RECONNECT_MS);
    this.timer.unref();
  }

  private pending: string[] = [];
  private chain: Promise<unknown> = Promise.resolve();
  private scheduled: Promise<boolean> | null = null;

  /**
   * Sends over the one connection, one statement at a time: what comes in while a statement is out goes
   * in the next one together (a burst of votes is a few NOTIFY statements, not one each).
   */
  send(raw: string): Promise<boolean> {
    this.pending.push(raw);
    if (!this.scheduled) {
      this.scheduled = this.chain.then(() => this.flush());
      this.chain = this.scheduled;
    }
    return this.scheduled;
  }

  private async flush(): Promise<boolean> {
    this.scheduled = null;
    const batch = this.pending.splice(0);
    const client = this.client;
    if (!client) return false;
    try {
      await client.query('SELECT pg_notify($1, m) FROM unnest($2::text[]) AS m', [this.channel, batch]);
      return true;
    } catch {
      return false;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }
}
