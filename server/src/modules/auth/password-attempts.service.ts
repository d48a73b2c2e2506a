import { Inject, Injectable } from '@nestjs/common';
import { RateLimitedError } from '../../common/errors/domain-error.js';
import { RateLimitService, type Hit } from '../../common/rate-limit/rate-limit.service.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';

/** An attempt's place in the counters: given back when the password was right. */
export interface Attempt {
  succeeded(): Promise<void>;
}

/** Failures of one account, from any addresses, past which every attempt on it waits a little longer. */
const ACCOUNT_SLOWDOWN_FACTOR = 3;
const MAX_DELAY_MS = 3000;

/**
 * Limits on guessing passwords. Sign-in failures count per (account, address) pair and per address: past
 * SIGNIN_MAX_FAILURES either refuses with RATE_LIMITED, so a stranger who guesses wrong locks only their own
 * address out, never the owner signing in from theirs. Failures of one account from many addresses only slow
 * each attempt on it (growing, at most 3 s), never refuse it. Wrong current passwords on changePassword count
 * per person the same way. Attempts are counted before the password is checked, so simultaneous attempts
 * each take their own place and cannot slip past a limit.
 */
@Injectable()
export class PasswordAttemptsService {
  constructor(
    private readonly counters: RateLimitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get window(): number {
    return this.config.limits.signInWindowMinutes * 60;
  }

  private attempt(keys: string[]): Attempt {
    return { succeeded: () => Promise.all(keys.map((key) => this.counters.refund(key))).then(() => undefined) };
  }

  private refuseOver(hits: Hit[]): void {
    const over = hits.filter((hit) => hit.count > this.config.limits.signInFailures);
    if (over.length > 0) throw new RateLimitedError(Math.max(...over.map((hit) => hit.retryAfterSeconds)));
  }

  async signIn(email: string, ip: string): Promise<Attempt> {
    const account = email.trim().toLowerCase();
    const accountKey = `signin:account:${account}`;
    const limitedKeys = [`signin:pair:${account}:${ip}`, `signin:ip:${ip}`];
    const [pair, address, spread] = await this.counters.hitAll([...limitedKeys, accountKey], this.window);
    try {
      this.refuseOver([pair!, address!]);
    } catch (error) {
      // Refused before any password was checked: not a failure of the account.
      await this.counters.refund(accountKey);
      throw error;
    }
    const past = spread!.count - this.config.limits.signInFailures * ACCOUNT_SLOWDOWN_FACTOR;
    if (past > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(MAX_DELAY_MS, 100 * 2 ** past)));
    return this.attempt([...limitedKeys, accountKey]);
  }

  /** A check of a signed-in person's current password. RATE_LIMITED past the limit. */
  async currentPassword(userId: string): Promise<Attempt> {
    const key = `password:user:${userId}`;
    this.refuseOver([await this.counters.hit(key, this.window)]);
    return this.attempt([key]);
  }
}
