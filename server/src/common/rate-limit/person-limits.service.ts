import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { RateLimitedError } from '../errors/domain-error.js';
import { RateLimitService } from './rate-limit.service.js';

export type PersonAction = 'idea' | 'comment' | 'flag';

/**
 * Anti-spam limits per person and operation (ideas per hour, comments per minute, flags per hour). A hit is
 * counted when the operation starts and given back when it fails, so refused input does not use up the
 * allowance; going past it answers RATE_LIMITED with the seconds to wait.
 */
@Injectable()
export class PersonLimitsService {
  constructor(
    private readonly counters: RateLimitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private rule(action: PersonAction): { max: number; windowSeconds: number } {
    const { ideasPerHour, commentsPerMinute, flagsPerHour } = this.config.limits;
    if (action === 'idea') return { max: ideasPerHour, windowSeconds: 3600 };
    if (action === 'comment') return { max: commentsPerMinute, windowSeconds: 60 };
    return { max: flagsPerHour, windowSeconds: 3600 };
  }

  async within<T>(action: PersonAction, userId: string, work: () => Promise<T>): Promise<T> {
    const { max, windowSeconds } = this.rule(action);
    if (max === 0) return work();
    const key = `person:${action}:${userId}`;
    const hit = await this.counters.hit(key, windowSeconds);
    if (hit.count > max) {
      await this.counters.refund(key);
      throw new RateLimitedError(hit.retryAfterSeconds);
    }
    try {
      return await work();
    } catch (error) {
      await this.counters.refund(key);
      throw error;
    }
  }
}
