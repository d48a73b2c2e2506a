import { FlagDecision, FlagResolution, FlagStatus, LIMITS, Visibility } from '@consulta/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { requireSignedIn, type SignedInViewer } from '../../common/auth/policies.js';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../../common/errors/domain-error.js';
import { fieldMessage } from '../../common/errors/field-message.js';
import { DatabaseService } from '../../database/database.service.js';
import { AuditService } from '../audit/audit.service.js';
import { CampaignAccessService } from '../campaigns/campaign-access.service.js';
import type { FlagRow } from './flag.object.js';
import { flagsRepository } from './flags.repository.js';
import {
  countOpenFlags,
  loadTarget,
  parseTarget,
  setVisibility,
  type ModerationTarget,
  type TargetType,
} from './moderation-target.js';

function checkReason(reason: string | null | undefined, required: boolean): string | null {
  const text = reason?.trim() || null;
  if ((required && !text) || (text && [...text].length > LIMITS.moderation.reasonMax))
    throw new BadInputError({ reason: fieldMessage('reasonLength', { max: LIMITS.moderation.reasonMax }) });
  return text;
}

/**
 * Decisions on content: resolving flags, hiding and restoring. Moderators and admins decide on everything,
 * officials on content in their agencies' campaigns. Each decision is one transaction with its audit entry.
 */
@Injectable()
export class ContentModerationService {
  constructor(
    private readonly database: DatabaseService,
    private readonly access: CampaignAccessService,
    private readonly audit: AuditService,
  ) {}

  /** FORBIDDEN at once for people who moderate nothing; UNAUTHENTICATED when signed out. */
  private async requireSomeModeration(viewer: RequestViewer): Promise<SignedInViewer> {
    await this.access.moderationScope(viewer);
    return requireSignedIn(viewer);
  }

  /** Reads the target (before any transaction) and checks the viewer may moderate it. */
  private async authorizedTarget(viewer: RequestViewer, targetId: string) {
    const actor = await this.requireSomeModeration(viewer);
    const parsed = parseTarget(targetId);
    const target = parsed && (await loadTarget(this.database.manager, parsed));
    if (!parsed || !target) throw new NotFoundError('content');
    if (!(await this.access.canModerate(viewer, target.agencyId))) throw new ForbiddenError('NOT_YOUR_AGENCY');
    return { actor, parsed };
  }

  async hideContent(viewer: RequestViewer, targetId: string, reason: string) {
    return this.decide(viewer, targetId, reason, (manager, actor, target, text) =>
      this.hide(manager, actor, target, text),
    );
  }

  async restoreContent(viewer: RequestViewer, targetId: string, reason: string) {
    return this.decide(viewer, targetId, reason, async (manager, actor, target, text) => {
      if (!(await setVisibility(manager, target, null, actor.userId, text))) return;
      await this.closeOpenFlags(manager, actor, target, FlagStatus.DISMISSED);
      await this.record(manager, actor, target, 'restored', text);
    });
  }

  /** A decision on one piece of content, with a reason, in one transaction with the target locked. */
  private async decide(
    viewer: RequestViewer,
    targetId: string,
    reason: string,
    apply: (manager: EntityManager, actor: SignedInViewer, target: ModerationTarget, reason: string) => Promise<void>,
  ): Promise<{ type: TargetType; id: string }> {
    const text = checkReason(reason, true)!;
    const { actor, parsed } = await this.authorizedTarget(viewer, targetId);
    await this.database.transaction(async (manager) =>
      apply(manager, actor, (await loadTarget(manager, parsed, true))!, text),
    );
    return parsed;
  }

  /**
   * One decision on a piece of flagged content for all its flags, with a required reason: DISMISS its open
   * flags (content hidden by flags alone comes back), HIDE it or keep it hidden (open flags actioned),
   * RESTORE hidden content (open flags dismissed), REOPEN its dismissed flags.
   */
  async decideOnFlags(viewer: RequestViewer, targetId: string, decision: FlagDecision, reason: string) {
    return this.decide(viewer, targetId, reason, async (manager, actor, target, text) => {
      const hidden = target.visibility === Visibility.HIDDEN;
      if (decision === FlagDecision.REOPEN) {
        const reopened = await flagsRepository.reopenDismissed(manager, target.id);
        if (!reopened) throw new ConflictError('NO_DISMISSED_FLAGS');
        return this.record(manager, actor, target, 'flags_reopened', text, { flags: reopened });
      }
      if (decision === FlagDecision.RESTORE) {
        if (!hidden) throw new ConflictError('NOT_HIDDEN');
        await setVisibility(manager, target, null, actor.userId, text);
        await this.closeOpenFlags(manager, actor, target, FlagStatus.DISMISSED);
        return this.record(manager, actor, target, 'restored', text);
      }
      if (decision === FlagDecision.HIDE) {
        // Kept hidden by a person now, not by flags: later dismissals no longer bring it back.
        const changed = await setVisibility(manager, target, { reason: text, byFlags: false }, actor.userId);
        const flags = await this.closeOpenFlags(manager, actor, target, FlagStatus.ACTIONED);
        if (!changed && !flags) throw new ConflictError('ALREADY_HIDDEN');
        return this.record(manager, actor, target, hidden ? 'kept_hidden' : 'hidden', text, { flags });
      }
      const flags = await this.closeOpenFlags(manager, actor, target, FlagStatus.DISMISSED);
      if (!flags) throw new ConflictError('NO_OPEN_FLAGS');
      await this.record(manager, actor, target, 'flags_dismissed', text, { flags });
      if (hidden && target.hiddenByFlags) {
        await setVisibility(manager, target, null, actor.userId, text);
        await this.record(manager, actor, target, 'restored', text);
      }
    });
  }

  async resolveFlag(
    viewer: RequestViewer,
    flagId: string | null,
    resolution: FlagResolution,
    reason: string | null | undefined,
  ): Promise<FlagRow & { open_flags: number }> {
    const actor = await this.requireSomeModeration(viewer);
    const text = checkReason(reason, false);
    const flag = flagId ? await flagsRepository.find(this.database.dataSource, flagId) : null;
    if (!flag) throw new NotFoundError('flag');
    if (!(await this.access.canModerate(viewer, flag.agency_id))) throw new ForbiddenError('NOT_YOUR_AGENCY');
    const wanted = resolution === FlagResolution.DISMISS ? FlagStatus.DISMISSED : FlagStatus.ACTIONED;
    return this.database.transaction(async (manager) => {
      const target = (await loadTarget(manager, { type: flag.target_type, id: flag.target_id }, true))!;
      const current = (await flagsRepository.find(manager, flag.id, true))!;
      if (current.status !== FlagStatus.OPEN && current.status !== wanted)
        throw new ConflictError('FLAG_RESOLVED', { status: current.status });
      if (current.status === FlagStatus.OPEN) {
        if (wanted === FlagStatus.DISMISSED) await this.dismiss(manager, actor, target, current, text);
        else await this.hide(manager, actor, target, text ?? `Hidden after review of a flag (${current.reason}).`);
      }
      return (await flagsRepository.findWithOpenCount(manager, flag.id))!;
    });
  }

  /** Dismisses one flag; content hidden by flags alone comes back once no open flag is left. */
  private async dismiss(
    manager: EntityManager,
    actor: SignedInViewer,
    target: ModerationTarget,
    flag: FlagRow,
    reason: string | null,
  ) {
    await flagsRepository.resolve(manager, flag.id, FlagStatus.DISMISSED, actor.userId);
    await this.audit.record(manager, {
      actorId: actor.userId,
      action: 'flag.dismissed',
      targetType: 'Flag',
      targetId: flag.id,
      agencyId: target.agencyId,
      reason,
    });
    if (
      (await countOpenFlags(manager, target.id)) === 0 &&
      target.visibility === Visibility.HIDDEN &&
      target.hiddenByFlags
    ) {
      const why = 'Every flag was dismissed.';
      await setVisibility(manager, target, null, actor.userId, why);
      await this.record(manager, actor, target, 'restored', why);
    }
  }

  /** Hides by decision (not by flags): every open flag on it is then actioned. Idempotent. */
  private async hide(manager: EntityManager, actor: SignedInViewer, target: ModerationTarget, reason: string) {
    const changed = await setVisibility(manager, target, { reason, byFlags: false }, actor.userId);
    await this.closeOpenFlags(manager, actor, target, FlagStatus.ACTIONED);
    if (changed) await this.record(manager, actor, target, 'hidden', reason);
  }

  private async closeOpenFlags(
    manager: EntityManager,
    actor: SignedInViewer,
    target: ModerationTarget,
    status: FlagStatus,
  ): Promise<number> {
    return flagsRepository.resolveOpen(manager, target.id, status, actor.userId);
  }

  private record(
    manager: EntityManager,
    actor: SignedInViewer,
    target: ModerationTarget,
    what: string,
    reason: string,
    details?: Record<string, unknown>,
  ) {
    return this.audit.record(manager, {
      actorId: actor.userId,
      action: `${target.type.toLowerCase()}.${what}`,
      targetType: target.type,
      targetId: target.id,
      agencyId: target.agencyId,
      reason,
      details,
    });
  }
}
