import { Inject, Injectable } from '@nestjs/common';
import { requirePerson } from '../../common/auth/policies.js';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import { BadInputError, RateLimitedError, UnauthenticatedError } from '../../common/errors/domain-error.js';
import { fieldMessage } from '../../common/errors/field-message.js';
import { RateLimitService } from '../../common/rate-limit/rate-limit.service.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { DatabaseService } from '../../database/database.service.js';
import type { UserEntity } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password-hasher.js';
import { passwordProblem } from './password-policy.js';
import { SessionsService } from './sessions.service.js';

export interface SignedIn {
  token: string;
  user: UserEntity;
}

const WRONG_CREDENTIALS = 'The email address or password is not correct.';

/** Signing up, in and out, and changing a password. Failed sign-ins are limited per account and address. */
@Injectable()
export class AuthService {
  constructor(
    private readonly database: DatabaseService,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly limits: RateLimitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async signUp(
    viewer: RequestViewer,
    input: { email: string; password: string; displayName: string },
  ): Promise<SignedIn> {
    return this.database.dataSource.transaction(async (manager) => {
      const user = await this.users.createUser(input, manager);
      const token = await this.sessions.create(user.id, viewer, manager);
      return { token, user };
    });
  }

  async signIn(viewer: RequestViewer, input: { email: string; password: string }): Promise<SignedIn> {
    const window = this.config.limits.signInWindowMinutes * 60;
    const keys = [`signin:account:${input.email.trim().toLowerCase()}`, `signin:ip:${viewer.ip}`];
    // Count first, then check: concurrent attempts (aliases included) each take their own place in line.
    const hits = await Promise.all(keys.map((key) => this.limits.hit(key, window)));
    const over = hits.filter((hit) => hit.count > this.config.limits.signInFailures);
    if (over.length > 0) throw new RateLimitedError(Math.max(...over.map((hit) => hit.retryAfterSeconds)));

    const user = await this.users.findByEmail(input.email);
    const valid = user
      ? await verifyPassword(user.passwordHash, input.password)
      : await verifyAgainstDummy(input.password);
    if (!user || !valid) throw new UnauthenticatedError(WRONG_CREDENTIALS);

    await Promise.all(keys.map((key) => this.limits.refund(key)));
    return { token: await this.sessions.create(user.id, viewer), user };
  }

  /** Ends the current session. False when there was none. */
  async signOut(viewer: RequestViewer): Promise<boolean> {
    return viewer.sessionId ? this.sessions.revoke(viewer.sessionId) : false;
  }

  /** Ends every session of the person, this one included, and opens a new one for this client. */
  async changePassword(viewer: RequestViewer, currentPassword: string, newPassword: string): Promise<SignedIn> {
    const { userId } = requirePerson(viewer);
    const user = await this.users.findById(userId);
    if (!user) throw new UnauthenticatedError();
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw new BadInputError({ currentPassword: fieldMessage('currentPasswordWrong') });
    }
    const problem = passwordProblem(newPassword, { email: user.email, displayName: user.displayName });
    if (problem) throw new BadInputError({ newPassword: problem });
    const passwordHash = await hashPassword(newPassword);
    const signedIn = await this.database.dataSource.transaction(async (manager) => {
      await this.users.updatePasswordHash(manager, user.id, passwordHash);
      await this.sessions.revokeAllForUser(user.id, manager);
      return { token: await this.sessions.create(user.id, viewer, manager), user };
    });
    this.sessions.forgetUser(user.id);
    return signedIn;
  }
}
