import { LIMITS, Role } from '@consulta/shared';
import { Injectable } from '@nestjs/common';
import { requireRole } from '../../common/auth/policies.js';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../../common/errors/domain-error.js';
import { fieldMessage } from '../../common/errors/field-message.js';
import { DatabaseService } from '../../database/database.service.js';
import { AuditService } from '../audit/audit.service.js';
import { SessionsService } from '../auth/sessions.service.js';
import type { UserEntity } from '../users/user.entity.js';
import { usersRepository } from '../users/users.repository.js';
import { outboxRepository } from '../../events/outbox.repository.js';

/**
 * Suspensions by moderators and admins: until a time, with a reason. The person's sessions end at once;
 * until then every write (ideas, votes, comments) answers CONFLICT, and reading still works.
 */
@Injectable()
export class SuspensionsService {
  constructor(
    private readonly database: DatabaseService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async suspendUser(viewer: RequestViewer, userId: string | null, until: Date, reason: string): Promise<UserEntity> {
    const actor = requireRole(viewer, Role.MODERATOR, Role.ADMIN);
    const text = reason.trim();
    const fields: Record<string, string> = {};
    if (!text || text.length > LIMITS.moderation.reasonMax)
      fields.reason = fieldMessage('reasonLength', { max: LIMITS.moderation.reasonMax });
    if (!(until instanceof Date) || Number.isNaN(until.getTime()) || until <= new Date())
      fields.until = fieldMessage('timeInFuture');
    if (Object.keys(fields).length) throw new BadInputError(fields);
    if (!userId) throw new NotFoundError('user');
    if (actor.userId === userId) throw new ForbiddenError('SUSPEND_SELF');
    const suspended = await this.database.transaction(async (manager) => {
      const user = await usersRepository.lock(manager, userId);
      if (!user) throw new NotFoundError('user');
      if (user.role === Role.ADMIN) throw new ForbiddenError('ADMIN_NOT_SUSPENDABLE');
      await usersRepository.suspend(manager, user, until, text);
      await this.sessions.revokeAllForUser(user.id, manager);
      await this.audit.record(manager, {
        actorId: actor.userId,
        action: 'user.suspended',
        targetType: 'User',
        targetId: user.id,
        reason: text,
        details: { until: until.toISOString() },
      });
      await outboxRepository.record(manager, [
        { type: 'UserSuspended', aggregateId: user.id, payload: { until: until.toISOString(), actorId: actor.userId } },
      ]);
      return user;
    });
    await this.sessions.forgetUser(userId);
    return suspended;
  }

  /** Ends a suspension early, with a reason; the person's sessions are untouched (they had already ended). */
  async liftSuspension(viewer: RequestViewer, userId: string | null, reason: string): Promise<UserEntity> {
    const actor = requireRole(viewer, Role.MODERATOR, Role.ADMIN);
    const text = reason.trim();
    if (!text || text.length > LIMITS.moderation.reasonMax)
      throw new BadInputError({ reason: fieldMessage('reasonLength', { max: LIMITS.moderation.reasonMax }) });
    if (!userId) throw new NotFoundError('user');
    const lifted = await this.database.transaction(async (manager) => {
      const user = await usersRepository.lock(manager, userId);
      if (!user) throw new NotFoundError('user');
      if (!user.suspendedUntil || user.suspendedUntil <= new Date()) throw new ConflictError('NOT_SUSPENDED');
      const until = user.suspendedUntil;
      await usersRepository.liftSuspension(manager, user);
      await this.audit.record(manager, {
        actorId: actor.userId,
        action: 'user.suspension_lifted',
        targetType: 'User',
        targetId: user.id,
        reason: text,
        details: { until: until.toISOString() },
      });
      return user;
    });
    await this.sessions.forgetUser(userId);
    return lifted;
  }
}
