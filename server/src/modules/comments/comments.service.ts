import { CampaignStatus, IdeaStatus, LIMITS, renderMarkdown, Visibility } from '@consulta/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { requirePerson } from '../../common/auth/policies.js';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../../common/errors/domain-error.js';
import { fieldMessage } from '../../common/errors/field-message.js';
import {
  decodeCursor,
  encodeCursor,
  pageSize,
  toConnection,
  type ConnectionShape,
} from '../../common/graphql/connection.js';
import { PersonLimitsService } from '../../common/rate-limit/person-limits.service.js';
import { listByTime } from '../../common/graphql/time-listing.js';
import { DatabaseService } from '../../database/database.service.js';
import { LISTED_COMMENT, LISTED_IDEA, PUBLIC_CAMPAIGN } from '../../database/predicates.js';
import { assertNotSuspended } from '../users/suspension.js';
import { CampaignAccessService } from '../campaigns/campaign-access.service.js';
import { ideasRepository } from '../ideas/ideas.repository.js';
import { commentsRepository } from './comments.repository.js';
import { IdeasService } from '../ideas/ideas.service.js';
import type { CommentRow } from './comment.object.js';
import { outboxRepository } from '../../events/outbox.repository.js';

const ORDER = 'comments';
const cursorOf = (row: CommentRow) => encodeCursor(ORDER, [row.created_at.toISOString(), row.id]);

function checkBody(body: string): string {
  const trimmed = body.trim();
  if (!trimmed) throw new BadInputError({ body: fieldMessage('required') });
  if ([...body].length > LIMITS.comment.bodyMax)
    throw new BadInputError({ body: fieldMessage('lengthAtMost', { max: LIMITS.comment.bodyMax }) });
  return body;
}

/**
 * Comments on ideas: threads up to three levels, edits and soft deletion by their authors only.
 * `ideas.comment_count` (comments neither deleted nor hidden) changes in the same transaction, under the idea's lock.
 */
@Injectable()
export class CommentsService {
  constructor(
    private readonly database: DatabaseService,
    private readonly ideas: IdeasService,
    private readonly access: CampaignAccessService,
    private readonly limits: PersonLimitsService,
  ) {}

  async findByIds(ids: readonly string[]): Promise<CommentRow[]> {
    return commentsRepository.findByIds(this.database.dataSource, ids);
  }

  /** The comment if the viewer may see its idea. */
  async findVisible(viewer: RequestViewer, id: string | null): Promise<CommentRow | null> {
    const [row] = id ? await this.findByIds([id]) : [];
    return row && (await this.ideas.findVisible(viewer, row.idea_id)) ? row : null;
  }

  /** Whether the viewer sees hidden comments on the idea as they are (moderators, admins, its agency). */
  async viewOf(viewer: RequestViewer, ideaId: string): Promise<{ userId: string | null; revealHidden: boolean }> {
    if (!viewer.userId) return { userId: null, revealHidden: false };
    const visible = await this.ideas.findVisible(viewer, ideaId);
    return {
      userId: viewer.userId,
      revealHidden: !!visible && (await this.access.canModerate(viewer, visible.campaign.agencyId)),
    };
  }

  async addComment(
    viewer: RequestViewer,
    input: { ideaId: string | null; body: string; parentId: string | null | undefined },
  ) {
    const person = requirePerson(viewer);
    const target = await this.ideas.findVisible(viewer, input.ideaId);
    if (!target) throw new NotFoundError('idea');
    const body = checkBody(input.body);
    let depth = 1;
    if (input.parentId !== undefined && input.parentId !== null) {
      const [parent] = await this.findByIds([input.parentId]);
      if (!parent || parent.idea_id !== target.idea.id)
        throw new BadInputError({ parentId: fieldMessage('replyTarget') });
      if (parent.depth >= LIMITS.comment.maxDepth) {
        throw new BadInputError({ parentId: fieldMessage('replyDepth', { max: LIMITS.comment.maxDepth }) });
      }
      depth = parent.depth + 1;
    }
    if (target.campaign.status === 'ARCHIVED') throw new ConflictError('CAMPAIGN_ARCHIVED');
    const write = () =>
      this.database.transaction(async (manager) => {
        await assertNotSuspended(manager, person.userId);
        const idea = (await ideasRepository.lock(manager, target.idea.id))!;
        if (idea.status === IdeaStatus.WITHDRAWN) throw new ConflictError('IDEA_WITHDRAWN');
        if (idea.visibility === Visibility.HIDDEN) throw new ConflictError('IDEA_HIDDEN');
        const row = await commentsRepository.insert(manager, {
          ideaId: target.idea.id,
          parentId: input.parentId ?? null,
          authorId: person.userId,
          depth,
          body,
          bodyHtml: renderMarkdown(body),
        });
        await ideasRepository.adjustCommentCount(manager, target.idea.id, 1);
        await outboxRepository.record(manager, [
          {
            type: 'CommentAdded',
            aggregateId: target.idea.id,
            payload: {
              campaignId: target.idea.campaignId,
              commentId: row.id,
              authorId: person.userId,
              parentId: input.parentId ?? null,
            },
          },
        ]);
        return row;
      });
    return this.limits.within('comment', viewer, write);
  }

  /** The viewer's own comment, for a change; NOT_FOUND if invisible, FORBIDDEN if someone else's. */
  private async own(viewer: RequestViewer, id: string | null): Promise<CommentRow> {
    const person = requirePerson(viewer);
    const comment = await this.findVisible(viewer, id);
    if (!comment) throw new NotFoundError('comment');
    if (comment.author_id !== person.userId) throw new ForbiddenError('AUTHOR_ONLY');
    return comment;
  }

  /**
   * Inside the transaction, with the idea locked (as moderation locks it to hide or restore): the comment as
   * it is now, if its author may still change it. An archived consultation is frozen, and so is hidden
   * content until a moderator restores it.
   */
  private async lockChangeable(manager: EntityManager, comment: CommentRow): Promise<CommentRow> {
    const { idea, campaignStatus } = (await ideasRepository.lockWithCampaignStatus(manager, comment.idea_id))!;
    const [now] = await commentsRepository.findByIds(manager, [comment.id]);
    if (campaignStatus === CampaignStatus.ARCHIVED) throw new ConflictError('CAMPAIGN_ARCHIVED');
    if (idea.visibility === Visibility.HIDDEN || now!.visibility === Visibility.HIDDEN)
      throw new ConflictError('COMMENT_HIDDEN');
    return now!;
  }

  async editComment(viewer: RequestViewer, id: string | null, body: string): Promise<CommentRow> {
    const comment = await this.own(viewer, id);
    const text = checkBody(body);
    return this.database.transaction(async (manager) => {
      const now = await this.lockChangeable(manager, comment);
      if (now.deleted_at) throw new ConflictError('COMMENT_DELETED');
      return commentsRepository.updateText(manager, comment.id, text, renderMarkdown(text));
    });
  }

  /** Soft deletion: the comment keeps its place (replies stay under it) with an empty body. Idempotent. */
  async deleteComment(viewer: RequestViewer, id: string | null): Promise<CommentRow> {
    const comment = await this.own(viewer, id);
    return this.database.transaction(async (manager) => {
      const now = await this.lockChangeable(manager, comment);
      if (now.deleted_at) return now;
      const deleted = await commentsRepository.softDelete(manager, comment.id);
      await ideasRepository.adjustCommentCount(manager, comment.idea_id, -1);
      return deleted;
    });
  }

  /** Top-level comments of an idea, oldest first. */
  async topLevel(
    ideaId: string,
    page: { first?: number | null; after?: string | null },
  ): Promise<ConnectionShape<CommentRow>> {
    return listByTime<CommentRow>(
      this.database.dataSource,
      {
        order: ORDER,
        select: '*',
        from: 'comments',
        where: 'idea_id = $1 AND parent_id IS NULL',
        params: [ideaId],
        direction: 'ASC',
      },
      page,
    );
  }

  /** A public profile's comments, newest first: listed comments on listed ideas of public campaigns. */
  async publicOf(userId: string, page: { first?: number | null; after?: string | null }) {
    return listByTime<CommentRow>(
      this.database.dataSource,
      {
        order: 'profile-comments',
        select: 'k.*',
        from: 'comments k',
        alias: 'k.',
        where: `k.author_id = $1 AND ${LISTED_COMMENT('k')} AND k.idea_id IN (
          SELECT i.id FROM ideas i JOIN campaigns c ON c.id = i.campaign_id
           WHERE ${LISTED_IDEA('i')} AND ${PUBLIC_CAMPAIGN('c')})`,
        params: [userId],
        direction: 'DESC',
      },
      page,
    );
  }

  /** Replies of many comments at once (one page each, oldest first): what a thread's DataLoader calls. */
  async replies(parentIds: readonly string[], page: { first?: number | null; after?: string | null }) {
    const size = pageSize(page.first);
    const cursor = decodeCursor(page.after, ORDER, ['timestamptz', 'uuid']);
    const rows = await commentsRepository.replies(this.database.dataSource, parentIds, cursor, size + 1);
    return { rows, size, hasPrevious: cursor !== null };
  }

  replyCounts(parentIds: readonly string[]): Promise<Map<string, number>> {
    return commentsRepository.replyCounts(this.database.dataSource, parentIds);
  }

  /** A page of replies from rows fetched for many parents. */
  static repliesPage(rows: CommentRow[], size: number, hasPrevious: boolean, count: () => Promise<number>) {
    return toConnection(rows, size, cursorOf, (row) => row, count, hasPrevious);
  }
}
