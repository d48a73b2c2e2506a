import type { RequestViewer } from '../../common/auth/request-viewer.js';
import type { LiveFeed } from './live-feed.js';

/** The socket as a connection needs it: closing it with a code and a reason. */
export interface ClosableSocket {
  close(code: number, reason: string): void;
}

/**
 * One WebSocket client of this process: who it is (kept current as sessions end and roles change), the
 * token it came with (to read the session again), and the feeds of its subscriptions.
 */
export class LiveConnection {
  readonly feeds = new Set<LiveFeed<unknown>>();
  private idleTimer: NodeJS.Timeout | null = null;
  closed = false;

  constructor(
    readonly id: string,
    public viewer: RequestViewer,
    /** What the client authenticated with: re-read when the bus says its session or person changed. */
    readonly credentials: { authorization?: string; cookie?: string },
    private readonly socket: ClosableSocket,
  ) {}

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.clearIdle();
    for (const feed of [...this.feeds]) feed.end();
    this.socket.close(code, reason);
  }

  /** Closes the connection once it has had no subscription for `ms` (restarted by every change). */
  watchIdle(ms: number): void {
    this.clearIdle();
    if (this.closed || this.feeds.size > 0) return;
    this.idleTimer = setTimeout(() => this.close(1000, 'Closed after a while without a subscription.'), ms);
    this.idleTimer.unref();
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}
