import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import type { RequestViewer } from '../auth/request-viewer.js';
import { RateLimitedError } from '../errors/domain-error.js';
import { RateLimitService } from './rate-limit.service.js';

export type LimitedAction = 'idea' | 'comment' | 'flag' | 'signup';

/** The mutations each allowance limits, by root field name. */
export const LIMITED_MUTATIONS: Record<string, LimitedAction> = {
  submitIdea: 'idea',
  addComment: 'comment',
  flagContent: 'flag',
  signUp: 'signup',
};

/** Allowances a document reserved before it ran, per viewer (so per request). */
const reserved = new WeakMap<RequestViewer, Partial<Record<LimitedAction, number>>>();

/**
 * Anti-spam allowances: per person, ideas per hour, comments per minute, flags per hour; per address,
 * sign-ups per hour. A document reserves what all its mutations need before it runs, so a document asking
 * for more than is left is refused whole (RATE_LIMITED) and stores nothing. Each operation then uses one
 * place of the reservation (or takes one, outside GraphQL) and gives it back when it fails, so refused
 * input does not use up the allowance.
 */
@Injectable()
export class PersonLimitsService {
  constructor(
    private readonly counters: RateLimitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private rule(action: LimitedAction): { max: number; windowSeconds: number } {
    const { ideasPerHour, commentsPerMinute, flagsPerHour, signupsPerHour } = this.config.limits;
    if (action === 'idea') return { max: ideasPerHour, windowSeconds: 3600 };
    if (action === 'comment') return { max: commentsPerMinute, windowSeconds: 60 };
    if (action === 'signup') return { max: signupsPerHour, windowSeconds: 3600 };
    return { max: flagsPerHour, windowSeconds: 3600 };
  }

  /**
   * Sign-ups count per address (there is no person yet); everything else per person. Demo data writing the
   * demo people's past counts nowhere: it must not use up their allowances for the hour after it.
   */
  private key(action: LimitedAction, viewer: RequestViewer): string | null {
    if (viewer.loadingHistory) return null;
    if (action === 'signup') return `address:signup:${viewer.ip}`;
    return viewer.userId ? `person:${action}:${viewer.userId}` : null;
  }

  /** Takes `count` places at once, or none: RATE_LIMITED when fewer are left. */
  private async take(action: LimitedAction, key: string, count: number): Promise<void> {
    const { max, windowSeconds } = this.rule(action);
    const hit = await this.counters.hit(key, windowSeconds, count);
    if (hit.count > max) {
      await this.counters.refund(key, count);
      throw new RateLimitedError(hit.retryAfterSeconds);
    }
  }

  /** Before a document runs: every limited mutation in it, counted together. */
  async reserve(viewer: RequestViewer, counts: Partial<Record<LimitedAction, number>>): Promise<void> {
    const taken: Array<[string, number]> = [];
    try {
      for (const [action, count] of Object.entries(counts) as Array<[LimitedAction, number]>) {
        const key = this.key(action, viewer);
        if (!key || this.rule(action).max === 0 || count < 1) continue;
        await this.take(action, key, count);
        taken.push([key, count]);
        reserved.set(viewer, { ...reserved.get(viewer), [action]: count });
      }
    } catch (error) {
      for (const [key, count] of taken) await this.counters.refund(key, count);
      reserved.delete(viewer);
      throw error;
    }
  }

  /** After the document: gives back what it reserved and did not use (an operation refused before it ran). */
  async release(viewer: RequestViewer): Promise<void> {
    const mine = reserved.get(viewer);
    if (!mine) return;
    reserved.delete(viewer);
    for (const [action, left] of Object.entries(mine) as Array<[LimitedAction, number]>) {
      const key = this.key(action, viewer);
      if (key && left > 0) await this.counters.refund(key, left);
    }
  }

  async within<T>(action: LimitedAction, viewer: RequestViewer, work: () => Promise<T>): Promise<T> {
    const key = this.key(action, viewer);
    if (!key || this.rule(action).max === 0) return work();
    const mine = reserved.get(viewer);
    if (mine?.[action]) mine[action]--;
    else await this.take(action, key, 1);
    try {
      return await work();
    } catch (error) {
      await this.counters.refund(key);
      throw error;
    }
  }
}
