import type { FlagStatus } from '@consulta/shared';
import { one, run, type Executor } from '../../database/sql.js';
import type { FlagRow } from './flag.object.js';
import type { ModerationTarget } from './moderation-target.js';

/** Every write to `flags` (owned by the moderation module). */
export class FlagsRepository {
  /** A person's flag on the target; undefined when they had already flagged it. */
  insert(
    executor: Executor,
    target: ModerationTarget,
    reporterId: string,
    reason: string,
    note: string | null,
  ): Promise<FlagRow | undefined> {
    return one<FlagRow>(
      executor,
      `INSERT INTO flags (target_type, target_id, idea_id, comment_id, campaign_id, agency_id, reporter_id, reason, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (target_id, reporter_id) DO NOTHING RETURNING *`,
      [
        target.type,
        target.id,
        target.ideaId,
        target.type === 'Comment' ? target.id : null,
        target.campaignId,
        target.agencyId,
        reporterId,
        reason,
        note,
      ],
    );
  }

  async resolve(executor: Executor, id: string, status: FlagStatus, resolverId: string | null): Promise<void> {
    await run(executor, 'UPDATE flags SET status = $2, resolved_at = now(), resolved_by = $3 WHERE id = $1', [
      id,
      status,
      resolverId,
    ]);
  }

  /** Resolves every open flag on the target. */
  async resolveOpen(
    executor: Executor,
    targetId: string,
    status: FlagStatus,
    resolverId: string | null,
  ): Promise<void> {
    await run(
      executor,
      "UPDATE flags SET status = $2, resolved_at = now(), resolved_by = $3 WHERE target_id = $1 AND status = 'OPEN'",
      [targetId, status, resolverId],
    );
  }
}

export const flagsRepository = new FlagsRepository();
