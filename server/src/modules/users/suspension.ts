import { ConflictError } from '../../common/errors/domain-error.js';
import type { Executor } from '../../database/sql.js';
import { usersRepository } from './users.repository.js';

/** CONFLICT for a suspended person (the check read inside the write's transaction). */
export function refuseIfSuspended(suspended: boolean): void {
  if (suspended) throw new ConflictError('Your account is suspended: you can read, but not take part, for now.');
}

/** CONFLICT when the person is suspended now (checked inside the write's transaction). */
export async function assertNotSuspended(executor: Executor, userId: string): Promise<void> {
  refuseIfSuspended(await usersRepository.isSuspended(executor, userId));
}
