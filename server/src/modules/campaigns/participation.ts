import type { EntityManager } from 'typeorm';
import { ConflictError } from '../../common/errors/domain-error.js';

/** SQL that is true when the person (a parameter such as `$2`) is suspended now. */
export const SUSPENDED_SQL = (userParam: string) =>
  `coalesce((SELECT suspended_until > now() FROM users WHERE id = ${userParam}), false)`;

/** CONFLICT for a suspended person (the check read inside the write's transaction). */
export function refuseIfSuspended(suspended: boolean): void {
  if (suspended) throw new ConflictError('Your account is suspended: you can read, but not take part, for now.');
}

/** CONFLICT when the person is suspended now (checked inside the write's transaction). */
export async function assertNotSuspended(manager: EntityManager, userId: string): Promise<void> {
  const [row] = await manager.query(`SELECT ${SUSPENDED_SQL('$1')} AS suspended`, [userId]);
  refuseIfSuspended(row.suspended);
}
