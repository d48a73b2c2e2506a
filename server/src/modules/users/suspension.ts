import { ConflictError } from '../../common/errors/domain-error.js';
import type { Executor } from '../../database/sql.js';
import { usersRepository } from './users.repository.js';

/** CONFLICT SUSPENDED (saying until when) for a person suspended now (read inside the write's transaction). */
export function refuseIfSuspended(suspendedUntil: Date | null): void {
  if (suspendedUntil) throw new ConflictError('SUSPENDED', { until: suspendedUntil.toISOString() });
}

/** CONFLICT when the person is suspended now (checked inside the write's transaction). */
export async function assertNotSuspended(executor: Executor, userId: string): Promise<void> {
  refuseIfSuspended(await usersRepository.suspendedUntil(executor, userId));
}
