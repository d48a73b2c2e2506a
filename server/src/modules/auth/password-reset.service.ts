import { createHash, randomUUID } from 'node:crypto';
import { LIMITS } from '@consulta/shared';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import { BadInputError, RateLimitedError } from '../../common/errors/domain-error.js';
import { fieldMessage } from '../../common/errors/field-message.js';
import { rateLimitRepository } from '../../common/rate-limit/rate-limit.repository.js';
import { RateLimitService } from '../../common/rate-limit/rate-limit.service.js';
import { DatabaseService } from '../../database/database.service.js';
import type { EntityManager } from 'typeorm';
import { EventDispatcher } from '../../events/event-dispatcher.service.js';
import { outboxRepository } from '../../events/outbox.repository.js';
import { MailService } from '../mail/mail.service.js';
import { accountTokensRepository } from '../users/account-tokens.repository.js';
import { mailAccountLink } from '../users/account-links.js';
import { linkTokenHash } from '../users/link-tokens.js';
import { hashPassword } from '../users/password-hasher.js';
import { passwordProblem } from '../users/password-policy.js';
import { usersRepository } from '../users/users.repository.js';
import type { SignedIn } from './auth.service.js';
import { SessionsService } from './sessions.service.js';

const VALID_HOURS = 1;
/** Requests per client address, and per email address, an hour (answered RATE_LIMITED past them). */
const PER_CLIENT = 10;
const PER_ADDRESS = 5;
/** Reset mails per account an hour; past it requests still answer true but mail nothing. */
const PER_ACCOUNT = 3;

/**
 * A forgotten password. The request answers the same, in the same time, whether or not the address has an
 * account: it only records a PasswordResetRequested event; its handler (a worker) looks the account up,
 * mails a link when there is one, and blanks the address from the event.
 * The link's token is single use and lasts an hour; using it sets the password, confirms the address, ends
 * every session and signs this client in.
 */
@Injectable()
export class PasswordResetService implements OnModuleInit {
  constructor(
    private readonly database: DatabaseService,
    private readonly dispatcher: EventDispatcher,
    private readonly mail: MailService,
    private readonly rateLimits: RateLimitService,
    private readonly sessions: SessionsService,
  ) {}

  onModuleInit(): void {
    void this.dispatcher.subscribe({
      name: 'password-reset',
      types: ['PasswordResetRequested'],
      handle: async (event, manager) => {
        if (event.type !== 'PasswordResetRequested' || !event.payload.email) return;
        await this.mailLink(manager, event.payload.email);
        await outboxRepository.redact(manager, event.id);
      },
    });
  }

  async request(viewer: RequestViewer, email: string): Promise<boolean> {
    const address = email.trim().toLowerCase();
    if (!address || address.length > LIMITS.user.emailMax) throw new BadInputError({ email: fieldMessage('email') });
    // Both counters in one statement; the address only as a hash (the table keeps no list of addresses typed).
    const [client, typed] = await this.rateLimits.hitAll(
      [`reset:client:${viewer.ip}`, `reset:address:${createHash('sha256').update(address).digest('base64url')}`],
      3600,
    );
    for (const [hit, most] of [
      [client!, PER_CLIENT],
      [typed!, PER_ADDRESS],
    ] as const) {
      if (hit.count > most) throw new RateLimitedError(hit.retryAfterSeconds);
    }
    const request = { type: 'PasswordResetRequested' as const, aggregateId: randomUUID(), payload: { email: address } };
    await outboxRepository.record(this.database.dataSource, [request]);
    return true;
  }

  /** A link for the account with this address, if there is one and it has not had too many this hour. */
  private async mailLink(manager: EntityManager, email: string): Promise<void> {
    const user = await usersRepository.findByEmail(manager, email);
    if (!user) return;
    // On this transaction's connection (a delivery never waits for a second one from the pool).
    const [hit] = await rateLimitRepository.hit(manager, [`reset:account:${user.id}`], 3600, 1);
    if (hit!.count > PER_ACCOUNT) return;
    await mailAccountLink(manager, this.mail, user, {
      purpose: 'RESET_PASSWORD',
      kind: 'RESET_PASSWORD',
      path: '/reset-password',
      validHours: VALID_HOURS,
    });
  }

  async reset(viewer: RequestViewer, input: { token: string; newPassword: string }): Promise<SignedIn> {
    const hash = linkTokenHash(input.token);
    const invalid = () => new BadInputError({ token: fieldMessage('linkInvalid') });
    const pending = await accountTokensRepository.findUsable(this.database.dataSource, 'RESET_PASSWORD', hash);
    const owner = pending && (await usersRepository.findById(this.database.dataSource, pending.user_id));
    if (!pending || !owner) throw invalid();
    const problem = passwordProblem(input.newPassword, { email: owner.email, displayName: owner.displayName });
    if (problem) throw new BadInputError({ newPassword: problem });
    const passwordHash = await hashPassword(input.newPassword);
    const signedIn = await this.database.transaction(async (manager) => {
      // Used here, atomically: of two requests with one token, one sets the password.
      const used = await accountTokensRepository.consume(manager, 'RESET_PASSWORD', hash);
      if (!used) throw invalid();
      await usersRepository.setPasswordHash(manager, used.user_id, passwordHash);
      await usersRepository.markEmailVerified(manager, used.user_id, used.email);
      await accountTokensRepository.revokeUnused(manager, used.user_id, 'RESET_PASSWORD');
      await this.sessions.revokeAllForUser(used.user_id, manager);
      const token = await this.sessions.create(used.user_id, viewer, manager);
      return { token, user: (await usersRepository.findById(manager, used.user_id))! };
    });
    await this.sessions.forgetUser(signedIn.user.id);
    return signedIn;
  }
}
