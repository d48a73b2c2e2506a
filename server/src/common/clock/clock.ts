import { Injectable } from '@nestjs/common';

/**
 * The server's clock for the response clock's rules (due, overdue, answered in time). It is the machine's
 * time; a deployment started with TEST_CLOCK=true lets tests move it forward (POST /test/clock), so a
 * browser journey can see an answer fall due without waiting days.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves the clock forward by `ms` (tests only). */
  advance(ms: number): Date {
    this.offsetMs += ms;
    return this.now();
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
