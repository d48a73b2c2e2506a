import { Injectable } from '@nestjs/common';
import { requirePerson } from '../../common/auth/policies.js';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import {
  BadInputError,
  ConflictError,
  RateLimitedError,
  UnauthenticatedError,
} from '../../common/errors/domain-error.js';
import { fieldMessage } from '../../common/errors/field-message.js';
import { RateLimitService } from '../../common/rate-limit/rate-limit.service.js';
import { DatabaseService } from '../../database/database.service.js';
import type { Executor } from '../../database/sql.js';
import { MailService } from '../mail/mail.service.js';
import { accountTokensRepository } from './account-tokens.repository.js';
import { mailAccountLink } from './account-links.js';
import { linkTokenHash } from './link-tokens.js';
import type { UserEntity } from './user.entity.js';
import { usersRepository } from './users.repository.js';

const VALID_HOURS = 48;

/** Proof that an account belongs to a real address: a link mailed at sign-up and on request. */
@Injectable()
export class EmailVerificationService {
  constructor(
    private readonly database: DatabaseService,
    private readonly mail: MailService,
    private readonly rateLimits: RateLimitService,
  ) {}

  /** Mails the person a verification link, within the caller's transaction. */
  async send(executor: Executor, user: Pick<UserEntity, 'id' | 'email' | 'displayName' | 'language'>): Promise<void> {
    await mailAccountLink(executor, this.mail, user, {
      purpose: 'VERIFY_EMAIL',
      kind: 'VERIFY_EMAIL',
      path: '/verify-email',
      validHours: VALID_HOURS,
    });
  }

  /** The link again: CONFLICT once verified; at most once a minute and five times a day. */
  async request(viewer: RequestViewer): Promise<boolean> {
    const { userId } = requirePerson(viewer);
    const user = await usersRepository.findById(this.database.dataSource, userId);
    if (!user) throw new UnauthenticatedError();
    if (user.emailVerified) throw new ConflictError('EMAIL_ALREADY_VERIFIED');
    for (const [window, most] of [
      [60, 1],
      [86400, 5],
    ] as const) {
      const hit = await this.rateLimits.hit(`verify-email:${window}:${user.id}`, window);
      if (hit.count > most) throw new RateLimitedError(hit.retryAfterSeconds);
    }
    await this.database.transaction((manager) => this.send(manager, user));
    return true;
  }

  /** Confirms the address the link was sent to; needs no session (the link may open on another device). */
  async verify(token: string): Promise<boolean> {
    const hash = linkTokenHash(token);
    return this.database.transaction(async (manager) => {
      const used = await accountTokensRepository.consume(manager, 'VERIFY_EMAIL', hash);
      // A link to an address the person has since changed no longer confirms anything.
      if (!used || !(await usersRepository.markEmailVerified(manager, used.user_id, used.email))) {
        throw new BadInputError({ token: fieldMessage('linkInvalid') });
      }
      return true;
    });
  }
}
