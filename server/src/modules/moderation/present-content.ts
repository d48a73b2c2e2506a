import { Visibility } from '@consulta/shared';
import { NotFoundError } from '../../common/errors/domain-error.js';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { commentLoader } from '../comments/comments.loaders.js';
import { mapComment, type CommentObject } from '../comments/comment.object.js';
import type { CommentsService } from '../comments/comments.service.js';
import type { IdeaObject } from '../ideas/idea.object.js';
import { presentIdea, seenIdeaLoader } from '../ideas/ideas.loaders.js';
import type { IdeasService } from '../ideas/ideas.service.js';
import type { TargetType } from './moderation-target.js';

/**
 * An idea or a comment by id, as the viewer may see it by the one visibility rule (a reporter keeps seeing
 * a visible target, and a tombstone once it is hidden: never later edits or the reason), or as a moderator
 * (`revealHidden`).
 */
export async function presentContent(
  context: GraphQLContext,
  services: { ideas: IdeasService; comments: CommentsService },
  target: { type: TargetType; id: string },
  revealHidden: boolean,
): Promise<IdeaObject | CommentObject> {
  if (target.type === 'Idea') {
    const idea = await presentIdea(context, services.ideas, target.id);
    if (!idea) throw new NotFoundError('idea');
    return idea;
  }
  const row = await commentLoader(context, services.comments).load(target.id);
  if (!row) throw new NotFoundError('comment');
  const idea = await seenIdeaLoader(context, services.ideas).load(row.idea_id);
  // A comment under an idea the viewer may not see is shown as hidden content is.
  if (!idea?.visible) return mapComment({ ...row, visibility: Visibility.HIDDEN }, undefined);
  return mapComment(row, { userId: context.viewer.userId, revealHidden });
}
