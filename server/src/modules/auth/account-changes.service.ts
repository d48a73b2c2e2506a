import { Injectable } from '@nestjs/common';
import { BadInputError, ConflictError, RateLimitedError } from '../../common/errors/domain-error.js';
import { RateLimitService } from '../../common/rate-limit/rate-limit.service.js';
import { fieldMessage } from '../../common/errors/field-message.js';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import { apiTokensRepository } from '../developers/api-tokens.repository.js';
import { webhooksRepository } from '../developers/webhooks/webhooks.repository.js';
import { DatabaseService } from '../../database/database.service.js';
import { agenciesRepository } from '../agencies/agencies.repository.js';
import { commentsRepository } from '../comments/comments.repository.js';
import { followsRepository } from '../follows/follows.repository.js';
import { ideasRepository } from '../ideas/ideas.repository.js';
import { MailService } from '../mail/mail.service.js';
import { notificationsRepository } from '../notifications/notifications.repository.js';
import { accountTokensRepository } from '../users/account-tokens.repository.js';
import { mailAccountLink } from '../users/account-links.js';
import { linkTokenHash } from '../users/link-tokens.js';
import { usersRepository } from '../users/users.repository.js';
import { AuthService } from './auth.service.js';
import { SessionsService } from './sessions.service.js';

const CHANGE_VALID_HOURS = 24;
/** Links to new addresses one account may ask for in an hour (each mails an address of their choice). */
const CHANGES_PER_HOUR = 3;

/**
 * What a person does to their account as a whole, with their password: move it to another address (a link
 * mailed to the new one; the old one is told), or delete it (personal data gone, contributions kept).
 */
@Injectable()
export class AccountChangesService {
  constructor(
    private readonly database: DatabaseService,
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly mail: MailService,
    private readonly rateLimits: RateLimitService,
  ) {}

  /**
   * Mails a confirmation link to the new address (or, when an account has it, a message saying so) and a
   * notice to the current one; true either way; 3 an hour at most.
   */
  async requestEmailChange(viewer: RequestViewer, newEmail: string, password: string): Promise<boolean> {
    const user = await this.auth.confirmCurrentPassword(viewer, password, 'password');
    const hit = await this.rateLimits.hit(`email-change:${user.id}`, 3600);
    if (hit.count > CHANGES_PER_HOUR) throw new RateLimitedError(hit.retryAfterSeconds);
    const email = newEmail.trim();
    if (email.toLowerCase() === user.email.toLowerCase()) {
      throw new BadInputError({ newEmail: fieldMessage('sameEmail') });
    }
    const holder = await usersRepository.findByEmail(this.database.dataSource, email);
    await this.database.transaction(async (manager) => {
      // The same answer either way, so the form tells nobody whether an address has an account: the new
      // address is told that it has one instead of getting a link.
      if (holder) {
        await this.mail.queue(manager, {
          to: email,
          kind: 'EMAIL_IN_USE',
          language: holder.language,
          values: { name: holder.displayName },
          path: '/forgot-password',
        });
      } else {
        await mailAccountLink(
          manager,
          this.mail,
          { ...user, email },
          {
            purpose: 'CHANGE_EMAIL',
            kind: 'CHANGE_EMAIL',
            path: '/confirm-email',
            validHours: CHANGE_VALID_HOURS,
          },
        );
      }
      await this.mail.queue(manager, {
        to: user.email,
        kind: 'EMAIL_CHANGE_NOTICE',
        language: user.language,
        values: { name: user.displayName, email },
        path: '/forgot-password',
      });
    });
    return true;
  }

  /** Moves the account to the address the link was mailed to; needs no session. */
  async confirmEmailChange(token: string): Promise<boolean> {
    const hash = linkTokenHash(token);
    const moved = await this.database.transaction(async (manager) => {
      const used = await accountTokensRepository.consume(manager, 'CHANGE_EMAIL', hash);
      if (!used) throw new BadInputError({ token: fieldMessage('linkInvalid') });
      if (!(await usersRepository.changeEmail(manager, used.user_id, used.email))) {
        throw ConflictError.onFields('EMAIL_TAKEN', {
          token: fieldMessage('addressTakenMeanwhile'),
        });
      }
      await accountTokensRepository.revokeUnused(manager, used.user_id, 'CHANGE_EMAIL');
      return used.user_id;
    });
    await this.sessions.forgetUser(moved);
    return true;
  }

  /**
   * Deletes the account: the address, name and password are cleared, every session ends, their ideas and
   * comments stay without an author, their votes still count; notifications, follows, agency memberships
   * and unused links go. One transaction.
   */
  async deleteAccount(viewer: RequestViewer, password: string): Promise<boolean> {
    const user = await this.auth.confirmCurrentPassword(viewer, password, 'password');
    await this.database.transaction(async (manager) => {
      await usersRepository.lock(manager, user.id);
      await ideasRepository.detachAuthor(manager, user.id);
      await commentsRepository.detachAuthor(manager, user.id);
      await followsRepository.deleteAllOf(manager, user.id);
      await agenciesRepository.removeMemberships(manager, user.id);
      await notificationsRepository.deleteAllOf(manager, user.id);
      await accountTokensRepository.deleteAllOf(manager, user.id);
      await apiTokensRepository.deleteAllOf(manager, user.id);
      await webhooksRepository.deleteAllOf(manager, user.id);
      await usersRepository.erase(manager, user.id);
      await this.sessions.revokeAllForUser(user.id, manager);
    });
    await this.sessions.forgetUser(user.id);
    return true;
  }
}
