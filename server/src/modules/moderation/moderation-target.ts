import { Visibility } from '@consulta/shared';
import type { EntityManager } from 'typeorm';
import { fromGlobalId } from '../../common/graphql/global-id.js';
import { campaignsRepository } from '../campaigns/campaigns.repository.js';
import { commentsRepository } from '../comments/comments.repository.js';
import { ideasRepository } from '../ideas/ideas.repository.js';
import { outboxRepository } from '../../events/outbox.repository.js';
import { one } from '../../database/sql.js';
import { flagsRepository } from './flags.repository.js';

export type TargetType = 'Idea' | 'Comment';

/** An idea or a comment as moderation sees it: where it lives (for scoping) and its visibility. */
export interface ModerationTarget {
  type: TargetType;
  id: string;
  ideaId: string;
  campaignId: string;
  agencyId: string;
  authorId: string | null;
  visibility: Visibility;
  hiddenByFlags: boolean;
  /** Ideas: not withdrawn. Comments: not deleted. Only counted content changes the counters. */
  counted: boolean;
}

/** The type and uuid of a flaggable global ID, or null. */
export function parseTarget(globalId: string): { type: TargetType; id: string } | null {
  const parsed = fromGlobalId(globalId);
  if (!parsed || (parsed.type !== 'Idea' && parsed.type !== 'Comment')) return null;
  return { type: parsed.type, id: parsed.id };
}

interface TargetRow {
  id: string;
  idea_id: string;
  campaign_id: string;
  agency_id: string;
  author_id: string | null;
  visibility: Visibility;
  hidden_by_flags: boolean;
  counted: boolean;
}

const SQL: Record<TargetType, string> = {
  Idea: `SELECT i.id, i.id AS idea_id, i.campaign_id, c.agency_id, i.author_id, i.visibility, i.hidden_by_flags,
                i.status <> 'WITHDRAWN' AS counted
           FROM ideas i JOIN campaigns c ON c.id = i.campaign_id WHERE i.id = $1`,
  Comment: `SELECT k.id, k.idea_id, i.campaign_id, c.agency_id, k.author_id, k.visibility, k.hidden_by_flags,
                   k.deleted_at IS NULL AS counted
              FROM comments k JOIN ideas i ON i.id = k.idea_id JOIN campaigns c ON c.id = i.campaign_id
             WHERE k.id = $1`,
};

/**
 * Reads the target; with `lock`, inside a transaction, locks it for the change in the order every other
 * write uses: the idea first, then the comment.
 */
export async function loadTarget(
  manager: EntityManager,
  target: { type: TargetType; id: string },
  lock = false,
): Promise<ModerationTarget | null> {
  const row = await one<TargetRow>(manager, SQL[target.type], [target.id]);
  if (!row) return null;
  if (lock) {
    await ideasRepository.lock(manager, row.idea_id);
    if (target.type === 'Comment') await commentsRepository.lock(manager, row.id);
    return loadTarget(manager, target, false);
  }
  return {
    type: target.type,
    id: row.id,
    ideaId: row.idea_id,
    campaignId: row.campaign_id,
    agencyId: row.agency_id,
    authorId: row.author_id,
    visibility: row.visibility,
    hiddenByFlags: row.hidden_by_flags,
    counted: row.counted,
  };
}

/**
 * Hides (with a reason; `byFlags` when automatic) or restores content, keeping the counters that leave
 * hidden content out in step: a campaign's idea count and an idea's comment count. Call with the target
 * locked. Returns false when nothing changed. `restoredBecause` is the reason of a restore, which the
 * content's author is told (a hide's reason is `hidden.reason`).
 */
export async function setVisibility(
  manager: EntityManager,
  target: ModerationTarget,
  hidden: { reason: string; byFlags: boolean } | null,
  actorId: string | null,
  restoredBecause: string | null = null,
): Promise<boolean> {
  const wasHidden = target.visibility === Visibility.HIDDEN;
  if (!hidden && !wasHidden) return false;
  if (hidden && wasHidden && target.hiddenByFlags === hidden.byFlags) return false;
  const visibility = hidden ? Visibility.HIDDEN : Visibility.VISIBLE;
  const owner = target.type === 'Idea' ? ideasRepository : commentsRepository;
  await owner.setVisibility(manager, target.id, visibility, hidden);
  if (wasHidden !== !!hidden && target.counted) {
    const change = hidden ? -1 : 1;
    if (target.type === 'Idea') await campaignsRepository.adjustCounts(manager, target.campaignId, { ideas: change });
    else await ideasRepository.adjustCommentCount(manager, target.ideaId, change);
  }
  if (wasHidden !== !!hidden) {
    const payload = {
      targetType: target.type === 'Idea' ? ('IDEA' as const) : ('COMMENT' as const),
      campaignId: target.campaignId,
      actorId,
      reason: hidden ? hidden.reason : restoredBecause,
      automatic: hidden?.byFlags ?? actorId === null,
    };
    await outboxRepository.record(manager, [
      hidden
        ? { type: 'ContentHidden', aggregateId: target.id, payload }
        : { type: 'ContentRestored', aggregateId: target.id, payload },
    ]);
  }
  target.visibility = hidden ? Visibility.HIDDEN : Visibility.VISIBLE;
  target.hiddenByFlags = hidden?.byFlags ?? false;
  return true;
}

/** Open flags on an idea or a comment. */
export async function countOpenFlags(manager: EntityManager, targetId: string): Promise<number> {
  return flagsRepository.countOpen(manager, targetId);
}

/**
 * Open flags on an idea or a comment that count toward hiding it: those from confirmed addresses of accounts at least
 * `minAccountAgeHours` old (newer accounts' flags are kept and shown to moderators, but fresh accounts made
 * for the purpose cannot hide anything).
 */
export async function countFlagsTowardHiding(
  manager: EntityManager,
  targetId: string,
  minAccountAgeHours: number,
): Promise<number> {
  return flagsRepository.countOpenFromAccountsOlderThan(manager, targetId, minAccountAgeHours);
}
