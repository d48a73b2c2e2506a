import type { FlagStatus } from '@consulta/shared';
import { one, rows, run, type Executor } from '../../database/sql.js';
import type { FlagRow } from './flag.object.js';
import type { ModerationTarget } from './moderation-target.js';

/** Every write to `flags` (owned by the moderation module). */
/** A flag with how many flags are open on its target (what the queue and a resolution show). */
export type QueueRow = FlagRow & { open_flags: number };

/** How many flags are open on the flag's target (alias `f`). */
const OPEN_FLAGS = "(SELECT count(*)::int FROM flags o WHERE o.target_id = f.target_id AND o.status = 'OPEN')";

/** The queue's columns: the flag and its target's open flags. */
export const QUEUE_SELECT = `f.*, ${OPEN_FLAGS} AS open_flags`;

export class FlagsRepository {
  /** The flag; `lock` holds it for the rest of the transaction. */
  async find(executor: Executor, id: string, lock = false): Promise<FlagRow | null> {
    return (
      (await one<FlagRow>(executor, `SELECT * FROM flags WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id])) ?? null
    );
  }

  async findWithOpenCount(executor: Executor, id: string): Promise<QueueRow | null> {
    return (await one<QueueRow>(executor, `SELECT ${QUEUE_SELECT} FROM flags f WHERE f.id = $1`, [id])) ?? null;
  }

  /** Open flags on an idea or a comment. */
  async countOpen(executor: Executor, targetId: string): Promise<number> {
    const row = await one<{ n: number }>(
      executor,
      "SELECT count(*)::int AS n FROM flags WHERE target_id = $1 AND status = 'OPEN'",
      [targetId],
    );
    return row!.n;
  }

  /** Open flags on the target from confirmed addresses of accounts at least this many hours old. */
  async countOpenFromAccountsOlderThan(executor: Executor, targetId: string, hours: number): Promise<number> {
    const row = await one<{ n: number }>(
      executor,
      `SELECT count(*)::int AS n FROM flags f JOIN users u ON u.id = f.reporter_id
        WHERE f.target_id = $1 AND f.status = 'OPEN' AND u.email_verified
          AND u.created_at <= now() - make_interval(hours => $2)`,
      [targetId, hours],
    );
    return row!.n;
  }

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

  /** Resolves every open flag on the target; how many there were. */
  async resolveOpen(
    executor: Executor,
    targetId: string,
    status: FlagStatus,
    resolverId: string | null,
  ): Promise<number> {
    const changed = await rows<{ id: string }>(
      executor,
      `UPDATE flags SET status = $2, resolved_at = now(), resolved_by = $3
        WHERE target_id = $1 AND status = 'OPEN' RETURNING id`,
      [targetId, status, resolverId],
    );
    return changed.length;
  }

  /** Puts the target's dismissed flags back in the open queue; how many there were. */
  async reopenDismissed(executor: Executor, targetId: string): Promise<number> {
    const changed = await rows<{ id: string }>(
      executor,
      `UPDATE flags SET status = 'OPEN', resolved_at = NULL, resolved_by = NULL
        WHERE target_id = $1 AND status = 'DISMISSED' RETURNING id`,
      [targetId],
    );
    return changed.length;
  }

  /** The first `limit` flags of each target in this status, oldest first (what a grouped queue card lists). */
  ofTargets(executor: Executor, targetIds: readonly string[], status: FlagStatus, limit: number): Promise<FlagRow[]> {
    return rows<FlagRow>(
      executor,
      `SELECT * FROM (
         SELECT f.*, row_number() OVER (PARTITION BY f.target_id ORDER BY f.created_at, f.id) AS place
           FROM flags f WHERE f.target_id = ANY($1::uuid[]) AND f.status = $2) ranked
        WHERE place <= $3 ORDER BY created_at, id`,
      [targetIds, status, limit],
    );
  }
}

export const flagsRepository = new FlagsRepository();
