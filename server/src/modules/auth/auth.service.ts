import { Injectable } from '@nestjs/common';
import { requirePerson } from '../../common/auth/policies.js';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import { BadInputError, RateLimitedError, UnauthenticatedError } from '../../common/errors/domain-error.js';
import { fieldMessage } from '../../common/errors/field-message.js';
import { PersonLimitsService } from '../../common/rate-limit/person-limits.service.js';
import { DatabaseService } from '../../database/database.service.js';
import type { UserEntity } from '../users/user.entity.js';
import { EmailVerificationService } from '../users/email-verification.service.js';
import { UsersService } from '../users/users.service.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../users/password-hasher.js';
import { PasswordAttemptsService } from './password-attempts.service.js';
import { passwordProblem } from '../users/password-policy.js';
import { SessionsService } from './sessions.service.js';

export interface SignedIn {
  token: string;
  user: UserEntity;
}

const WRONG_CREDENTIALS = 'The email address or password is not correct.';

/**
 * Signing up (limited per address), in and out, and changing a password. Password guesses are limited by
 * PasswordAttemptsService.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly database: DatabaseService,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly attempts: PasswordAttemptsService,
    private readonly limits: PersonLimitsService,
    private readonly verification: EmailVerificationService,
  ) {}

  async signUp(
    viewer: RequestViewer,
    input: { email: string; password: string; displayName: string; language?: string | null },
  ): Promise<SignedIn> {
    return this.limits.within('signup', viewer, () =>
      this.database.dataSource.transaction(async (manager) => {
        const user = await this.users.createUser(input, manager);
        // The verification link goes out with the account (queued in this transaction).
        await this.verification.send(manager, user);
        const token = await this.sessions.create(user.id, viewer, manager);
        return { token, user };
      }),
    );
  }

  async signIn(viewer: RequestViewer, input: { email: string; password: string }): Promise<SignedIn> {
    const attempt = await this.attempts.signIn(input.email, viewer.ip);
    const user = await this.users.findByEmail(input.email);
    const valid = user
      ? await verifyPassword(user.passwordHash, input.password)
      : await verifyAgainstDummy(input.password);
    if (!user || !valid) throw new UnauthenticatedError(WRONG_CREDENTIALS);

    await attempt.succeeded();
    return { token: await this.sessions.create(user.id, viewer), user };
  }

  /** Ends the current session. False when there was none. */
  async signOut(viewer: RequestViewer): Promise<boolean> {
    return viewer.sessionId ? this.sessions.revoke(viewer.sessionId) : false;
  }

  /** Ends every session of the person, this one included, and opens a new one for this client. */
  /**
   * The signed-in person, once they have typed their current password (limited like sign-in: past the
   * limit this session ends, so whoever holds it must sign in again). BAD_USER_INPUT on `field` when wrong.
   */
  async confirmCurrentPassword(
    viewer: RequestViewer,
    password: string,
    field = 'currentPassword',
  ): Promise<UserEntity> {
    const { userId } = requirePerson(viewer);
    const user = await this.users.findById(userId);
    if (!user) throw new UnauthenticatedError();
    let attempt;
    try {
      attempt = await this.attempts.currentPassword(user.id);
    } catch (error) {
      if (error instanceof RateLimitedError && viewer.sessionId) {
        await this.sessions.revoke(viewer.sessionId);
      }
      throw error;
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      throw new BadInputError({ [field]: fieldMessage('currentPasswordWrong') });
    }
    await attempt.succeeded();
    return user;
  }

  async changePassword(viewer: RequestViewer, currentPassword: string, newPassword: string): Promise<SignedIn> {
    const user = await this.confirmCurrentPassword(viewer, currentPassword);
    const problem = passwordProblem(newPassword, { email: user.email, displayName: user.displayName });
    if (problem) throw new BadInputError({ newPassword: problem });
    const passwordHash = await hashPassword(newPassword);
    const signedIn = await this.database.dataSource.transaction(async (manager) => {
      await this.users.updatePasswordHash(manager, user.id, passwordHash);
      await this.sessions.revokeAllForUser(user.id, manager);
      return { token: await this.sessions.create(user.id, viewer, manager), user };
    });
    await this.sessions.forgetUser(user.id);
    return signedIn;
  }
}
