import type { Language, Role } from '@consulta/shared';
import { one, rows, run, type Executor } from '../../database/sql.js';
import { UserEntity } from './user.entity.js';

/** A row of `users`, as PostgreSQL answers it. */
export interface UserRow {
  id: string;
  email: string;
  password_hash: string;
  display_name: string;
  role: Role;
  email_verified: boolean;
  language: Language;
  suspended_until: Date | null;
  suspension_reason: string | null;
  created_at: Date;
  updated_at: Date;
}

/** What anyone may see of a person (every author, actor and member field): never their email. */
export type PublicUser = Pick<UserEntity, 'id' | 'displayName' | 'role' | 'createdAt'>;

const COLUMNS =
  'id, email, password_hash, display_name, role, email_verified, language, suspended_until, suspension_reason, created_at, updated_at';

/** The one mapping of `users`. */
export function userFromRow(row: UserRow): UserEntity {
  return Object.assign(new UserEntity(), {
    id: row.id,
    email: row.email,
    passwordHash: row.password_hash,
    displayName: row.display_name,
    role: row.role,
    emailVerified: row.email_verified,
    language: row.language,
    suspendedUntil: row.suspended_until,
    suspensionReason: row.suspension_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

/** A person's public columns under another name (an author beside an idea, say), as one object. */
export function publicUserFromRow(row: Pick<UserRow, 'id' | 'display_name' | 'role' | 'created_at'>): PublicUser {
  return { id: row.id, displayName: row.display_name, role: row.role, createdAt: row.created_at };
}

const oneUser = async (executor: Executor, sql: string, params: unknown[]) => {
  const row = await one<UserRow>(executor, sql, params);
  return row ? userFromRow(row) : null;
};

/** Every statement on `users` (owned by the users module); suspensions reach it through `suspend`. */
export class UsersRepository {
  findById(executor: Executor, id: string): Promise<UserEntity | null> {
    return oneUser(executor, `SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
  }

  /** Addresses are citext: found whatever their case. */
  findByEmail(executor: Executor, email: string): Promise<UserEntity | null> {
    return oneUser(executor, `SELECT ${COLUMNS} FROM users WHERE email = $1`, [email]);
  }

  /** Only public columns: authors are loaded on every list. */
  async findPublicByIds(executor: Executor, ids: readonly string[]): Promise<PublicUser[]> {
    const found = await rows<Pick<UserRow, 'id' | 'display_name' | 'role' | 'created_at'>>(
      executor,
      'SELECT id, display_name, role, created_at FROM users WHERE id = ANY($1)',
      [ids],
    );
    return found.map(publicUserFromRow);
  }

  async insert(
    executor: Executor,
    user: Pick<UserEntity, 'email' | 'passwordHash' | 'displayName' | 'role' | 'language' | 'emailVerified'>,
  ): Promise<UserEntity> {
    return (await oneUser(
      executor,
      `INSERT INTO users (email, password_hash, display_name, role, language, email_verified)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [user.email, user.passwordHash, user.displayName, user.role, user.language, user.emailVerified],
    ))!;
  }

  /** Until when the person is suspended, or null when they are not suspended now (the database's clock). */
  async suspendedUntil(executor: Executor, id: string): Promise<Date | null> {
    const row = await one<{ until: Date | null }>(
      executor,
      'SELECT CASE WHEN suspended_until > now() THEN suspended_until END AS until FROM users WHERE id = $1',
      [id],
    );
    return row?.until ?? null;
  }

  /** The person's row, locked for the rest of the transaction. */
  lock(executor: Executor, id: string): Promise<UserEntity | null> {
    return oneUser(executor, `SELECT ${COLUMNS} FROM users WHERE id = $1 FOR UPDATE`, [id]);
  }

  async setRole(executor: Executor, user: UserEntity, role: Role): Promise<void> {
    await run(executor, 'UPDATE users SET role = $2, updated_at = now() WHERE id = $1', [user.id, role]);
    user.role = role;
  }

  async setPasswordHash(executor: Executor, id: string, passwordHash: string): Promise<void> {
    await run(executor, 'UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [id, passwordHash]);
  }

  /** Changes the name and language people chose (unchanged where null). */
  async updateProfile(
    executor: Executor,
    id: string,
    profile: { displayName: string | null; language: Language | null },
  ): Promise<UserEntity> {
    return (await oneUser(
      executor,
      `UPDATE users SET display_name = coalesce($2, display_name), language = coalesce($3, language), updated_at = now()
        WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, profile.displayName, profile.language],
    ))!;
  }

  /** Marks the address verified, if it is still the person's address. Answers whether it is now verified. */
  async markEmailVerified(executor: Executor, id: string, email: string): Promise<boolean> {
    const found = await rows<Pick<UserRow, 'id'>>(
      executor,
      'UPDATE users SET email_verified = true, updated_at = now() WHERE id = $1 AND email = $2 RETURNING id',
      [id, email],
    );
    return found.length > 0;
  }

  async suspend(executor: Executor, user: UserEntity, until: Date, reason: string): Promise<void> {
    await run(
      executor,
      'UPDATE users SET suspended_until = $2, suspension_reason = $3, updated_at = now() WHERE id = $1',
      [user.id, until, reason],
    );
    user.suspendedUntil = until;
    user.suspensionReason = reason;
  }

  async liftSuspension(executor: Executor, user: UserEntity): Promise<void> {
    await run(
      executor,
      'UPDATE users SET suspended_until = NULL, suspension_reason = NULL, updated_at = now() WHERE id = $1',
      [user.id],
    );
    user.suspendedUntil = null;
    user.suspensionReason = null;
  }

  /** The person's new address, confirmed by its link; false when another account took it meanwhile. */
  async changeEmail(executor: Executor, id: string, email: string): Promise<boolean> {
    const changed = await rows<{ id: string }>(
      executor,
      `UPDATE users SET email = $2, email_verified = true, updated_at = now()
        WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM users o WHERE o.email = $2 AND o.id <> $1)
        RETURNING id`,
      [id, email],
    );
    return changed.length === 1;
  }

  /**
   * A deleted account: its row stays (its votes still count) with every personal datum gone: the address,
   * the name, the password (nobody can sign in), the role and any suspension.
   */
  async erase(executor: Executor, id: string): Promise<void> {
    await run(
      executor,
      `UPDATE users SET email = 'deleted-' || id || '@deleted.invalid', display_name = 'Deleted account',
              password_hash = '!', email_verified = false, role = 'CITIZEN', suspended_until = NULL,
              suspension_reason = NULL, deleted_at = now(), updated_at = now()
        WHERE id = $1`,
      [id],
    );
  }
}

export const usersRepository = new UsersRepository();
