import type { EntityManager } from 'typeorm';
import { UserEntity } from './user.entity.js';

/** Every write to `users` (owned by the users module); suspensions reach it through `suspend`. */
export class UsersRepository {
  insert(manager: EntityManager, user: Pick<UserEntity, 'email' | 'passwordHash' | 'displayName' | 'role'>) {
    return manager.save(manager.create(UserEntity, user));
  }

  /** The person's row, locked for the rest of the transaction. */
  lock(manager: EntityManager, id: string): Promise<UserEntity | null> {
    return manager.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async setRole(manager: EntityManager, user: UserEntity, role: UserEntity['role']): Promise<void> {
    user.role = role;
    await manager.save(user);
  }

  async setPasswordHash(manager: EntityManager, id: string, passwordHash: string): Promise<void> {
    await manager.update(UserEntity, { id }, { passwordHash });
  }

  async suspend(manager: EntityManager, user: UserEntity, until: Date, reason: string): Promise<void> {
    user.suspendedUntil = until;
    user.suspensionReason = reason;
    await manager.save(user);
  }
}

export const usersRepository = new UsersRepository();
