import { FlagReason, LIMITS, Visibility } from '@consulta/shared';
import { Inject, Injectable } from '@nestjs/common';
import { requirePerson } from '../../common/auth/policies.js';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import { BadInputError, ConflictError, NotFoundError } from '../../common/errors/domain-error.js';
import { fieldMessage } from '../../common/errors/field-message.js';
import { PersonLimitsService } from '../../common/rate-limit/person-limits.service.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { flagsRepository } from './flags.repository.js';
import { DatabaseService } from '../../database/database.service.js';
import { AuditService } from '../audit/audit.service.js';
import { assertNotSuspended } from '../users/suspension.js';
import { CommentsService } from '../comments/comments.service.js';
import { IdeasService } from '../ideas/ideas.service.js';
import type { FlagRow } from './flag.object.js';
import {
  countFlagsTowardHiding,
  countOpenFlags,
  loadTarget,
  parseTarget,
  setVisibility,
  type ModerationTarget,
} from './moderation-target.js';

/**
 * Flags: any signed-in person reports an idea or a comment once. When content gathers
 * FLAG_AUTO_HIDE_THRESHOLD distinct open flags from accounts older than FLAG_MIN_ACCOUNT_AGE_HOURS it is
 * hidden at once, pending review. The target is locked
 * while a flag is added, so simultaneous flags count exactly and hide it exactly once.
 */
@Injectable()
export class FlagsService {
  constructor(
    private readonly database: DatabaseService,
    private readonly ideas: IdeasService,
    private readonly comments: CommentsService,
    private readonly limits: PersonLimitsService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The target if the viewer can see it at all (hidden comments show as tombstones, so they count). */
  private async visibleTarget(
    viewer: RequestViewer,
    targetId: string,
  ): Promise<{ type: 'Idea' | 'Comment'; id: string }> {
    const parsed = parseTarget(targetId);
    const found =
      parsed?.type === 'Idea'
        ? await this.ideas.findVisible(viewer, parsed.id)
        : parsed?.type === 'Comment'
          ? await this.comments.findVisible(viewer, parsed.id)
          : null;
    if (!parsed || !found) throw new NotFoundError(parsed?.type === 'Comment' ? 'comment' : 'idea');
    return parsed;
  }

  async flagContent(
    viewer: RequestViewer,
    input: { targetId: string; reason: FlagReason; note?: string | null },
  ): Promise<FlagRow & { open_flags: number }> {
    const person = requirePerson(viewer);
    const note = input.note?.trim() || null;
    if (note && [...note].length > LIMITS.moderation.noteMax)
      throw new BadInputError({ note: fieldMessage('lengthAtMost', { max: LIMITS.moderation.noteMax }) });
    const wanted = await this.visibleTarget(viewer, input.targetId);
    return this.limits.within('flag', viewer, () =>
      this.database.transaction(async (manager) => {
        await assertNotSuspended(manager, person.userId);
        const target = await loadTarget(manager, wanted, true);
        if (!target) throw new NotFoundError('content');
        if (target.authorId === person.userId) throw new BadInputError({ targetId: fieldMessage('ownContribution') });
        if (!target.counted) throw new ConflictError('CONTENT_GONE');
        if (target.visibility === Visibility.HIDDEN) throw new ConflictError('ALREADY_HIDDEN');
        const row = await flagsRepository.insert(manager, target, person.userId, input.reason, note);
        if (!row) throw new ConflictError('ALREADY_FLAGGED');
        const open = await countOpenFlags(manager, target.id);
        const counting = await countFlagsTowardHiding(manager, target.id, this.config.flagMinAccountAgeHours);
        if (counting >= this.config.flagAutoHideThreshold) await this.autoHide(manager, target, counting);
        return { ...row, open_flags: open };
      }),
    );
  }

  private async autoHide(manager: Parameters<typeof setVisibility>[0], target: ModerationTarget, flags: number) {
    const reason = `Hidden automatically after ${flags} flags, pending review.`;
    await setVisibility(manager, target, { reason, byFlags: true }, null);
    await this.audit.record(manager, {
      actorId: null,
      action: `${target.type.toLowerCase()}.auto_hidden`,
      targetType: target.type,
      targetId: target.id,
      agencyId: target.agencyId,
      reason,
      details: { flags },
    });
  }
}
