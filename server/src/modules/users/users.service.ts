import {
  DEFAULT_LANGUAGE,
  displayNameProblem,
  isLanguage,
  LIMITS,
  normalizeDisplayName,
  Role,
  type Language,
} from '@consulta/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { requirePerson, requireRole } from '../../common/auth/policies.js';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import { BadInputError, ConflictError, NotFoundError } from '../../common/errors/domain-error.js';
import { fieldMessage } from '../../common/errors/field-message.js';
import { isUniqueViolation } from '../../database/pg-errors.js';
import { DatabaseService } from '../../database/database.service.js';
import { AuditService } from '../audit/audit.service.js';
import { SessionCache } from '../../common/auth/session-cache.js';
import { hashPassword } from './password-hasher.js';
import { passwordProblem } from './password-policy.js';
import { UserEntity } from './user.entity.js';
import { usersRepository, type PublicUser } from './users.repository.js';

export interface NewUser {
  email: string;
  password: string;
  displayName: string;
  role?: Role;
  /** en (default) or es: the language of the person's mail. */
  language?: string | null;
  /** Accounts made by the product itself (demo data) start verified. */
  emailVerified?: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The rules on a name and a language a person chose, as sign-up and profile changes apply them. */
function profileProblems(profile: { displayName?: string | null; language?: string | null }): Record<string, string> {
  const fields: Record<string, string> = {};
  if (profile.displayName !== undefined && profile.displayName !== null) {
    // The rule reads the name as typed (a tab inside it is a control character, not a space).
    const problem = displayNameProblem(profile.displayName);
    if (problem) fields.displayName = fieldMessage(problem.key, problem.values);
  }
  if (profile.language !== undefined && profile.language !== null && !isLanguage(profile.language))
    fields.language = fieldMessage('language');
  return fields;
}

/** People's accounts: creation with the password policy, lookups, and role changes by admins. */
@Injectable()
export class UsersService {
  constructor(
    private readonly database: DatabaseService,
    private readonly audit: AuditService,
    private readonly sessions: SessionCache,
  ) {}

  findById(id: string): Promise<UserEntity | null> {
    return usersRepository.findById(this.database.dataSource, id);
  }

  /** Only public columns: authors are loaded on every list. */
  findPublicByIds(ids: readonly string[]): Promise<PublicUser[]> {
    return usersRepository.findPublicByIds(this.database.dataSource, ids);
  }

  /** For admins, who look people up to change their role. */
  async findByEmailAsAdmin(viewer: RequestViewer, email: string): Promise<UserEntity | null> {
    requireRole(viewer, Role.ADMIN);
    return email.trim() ? this.findByEmail(email.trim()) : null;
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return usersRepository.findByEmail(this.database.dataSource, email.trim());
  }

  /** Checks the same rules as the sign-up form, so every entry point (API, CLI, demo data) applies them. */
  static problems(input: NewUser): Record<string, string> {
    const fields = profileProblems(input);
    const email = input.email.trim();
    if (!EMAIL.test(email) || email.length > LIMITS.user.emailMax) fields.email = fieldMessage('email');
    const name = normalizeDisplayName(input.displayName);
    const password = passwordProblem(input.password, { email, displayName: name });
    if (password) fields.password = password;
    return fields;
  }

  async createUser(input: NewUser, manager: EntityManager = this.database.manager): Promise<UserEntity> {
    const fields = UsersService.problems(input);
    if (Object.keys(fields).length > 0) throw new BadInputError(fields);
    const passwordHash = await hashPassword(input.password);
    try {
      return await usersRepository.insert(manager, {
        email: input.email.trim().toLowerCase(),
        passwordHash,
        displayName: normalizeDisplayName(input.displayName),
        role: input.role ?? Role.CITIZEN,
        language: (input.language as Language | null | undefined) ?? DEFAULT_LANGUAGE,
        emailVerified: input.emailVerified ?? false,
      });
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key')) {
        throw ConflictError.onFields('EMAIL_TAKEN', {
          email: fieldMessage('emailTaken'),
        });
      }
      throw error;
    }
  }

  async updatePasswordHash(manager: EntityManager, userId: string, passwordHash: string): Promise<void> {
    await usersRepository.setPasswordHash(manager, userId, passwordHash);
  }

  /** The signed-in person's name and language (each unchanged when not given). */
  async updateProfile(
    viewer: RequestViewer,
    input: { displayName?: string | null; language?: string | null },
  ): Promise<UserEntity> {
    const { userId } = requirePerson(viewer);
    const fields = profileProblems(input);
    if (Object.keys(fields).length > 0) throw new BadInputError(fields);
    return usersRepository.updateProfile(this.database.dataSource, userId, {
      displayName: input.displayName == null ? null : normalizeDisplayName(input.displayName),
      language: (input.language as Language | null | undefined) ?? null,
    });
  }

  /** ADMIN only. Admins cannot change their own role, so the last admin cannot lock everyone out. */
  async setRole(viewer: RequestViewer, userId: string | null, role: Role): Promise<UserEntity> {
    const actor = requireRole(viewer, Role.ADMIN);
    if (!userId) throw new NotFoundError('user');
    if (actor.userId && actor.userId === userId) throw new ConflictError('OWN_ROLE');
    const changed = await this.database.transaction(async (manager) => {
      const user = await usersRepository.lock(manager, userId);
      if (!user) throw new NotFoundError('user');
      if (user.role === role) return user;
      const previous = user.role;
      await usersRepository.setRole(manager, user, role);
      await this.audit.record(manager, {
        actorId: actor.userId,
        action: 'user.role_changed',
        targetType: 'User',
        targetId: user.id,
        details: { from: previous, to: role },
      });
      return user;
    });
    // Sessions carry the role: every process reads it afresh on the next request.
    await this.sessions.forgetUser(changed.id);
    return changed;
  }
}
