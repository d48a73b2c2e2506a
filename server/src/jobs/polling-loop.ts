import type { JsonLogger } from '../common/logging/json-logger.js';

/**
 * Runs `work` until stopped: again at once while it answers that more is waiting, after `idleMs` when
 * not. A failure is logged and tried again after the pause. For the loops of worker processes (the event
 * relay, notification mail).
 */
export class PollingLoop {
  private stopped = false;
  private running: Promise<void> | undefined;
  private wake: (() => void) | null = null;

  constructor(
    private readonly what: string,
    private readonly logger: JsonLogger,
    private readonly work: () => Promise<boolean>,
    private readonly idleMs: number,
  ) {}

  start(): void {
    this.running ??= this.run();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let more = false;
      try {
        more = await this.work();
      } catch (error) {
        this.logger.emit('warn', `${this.what} failed, trying again`, { error: (error as Error).message });
      }
      if (!more) await this.pause(this.idleMs);
    }
  }

  /** Waits `ms`, or less when the loop is stopped meanwhile (for work that paces itself). */
  pause(ms: number): Promise<void> {
    if (this.stopped || ms <= 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.wake = resolve;
      setTimeout(resolve, ms).unref();
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.running;
  }
}
