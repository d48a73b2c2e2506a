import type { EntityManager } from 'typeorm';
import { ConflictError } from '../../common/errors/domain-error.js';

export interface Participation {
  votesUsed: number;
  /** True when this call made the person a participant. */
  joined: boolean;
}

/**
 * Makes the person a participant of the campaign if they were not, and locks their participant row for
 * the rest of the transaction. This row is the first lock every write to a campaign takes (participant,
 * then idea, then campaign), so a person's votes in a campaign are serialised and budgets hold.
 */
export async function lockParticipation(
  manager: EntityManager,
  campaignId: string,
  userId: string,
): Promise<Participation> {
  const [row] = await manager.query(
    `INSERT INTO campaign_participants AS p (campaign_id, user_id) VALUES ($1, $2)
     ON CONFLICT (campaign_id, user_id) DO UPDATE SET votes_used = p.votes_used
     RETURNING votes_used, (xmax = 0) AS joined`,
    [campaignId, userId],
  );
  return { votesUsed: row.votes_used, joined: row.joined };
}

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
