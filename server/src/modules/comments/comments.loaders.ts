import type DataLoader from 'dataloader';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { byKey, groupByKey } from '../../common/graphql/loaders.js';
import type { CommentRow } from './comment.object.js';
import type { CommentsService } from './comments.service.js';

/** Comments by id, batched per request (no visibility check: map them with the viewer's view). */
export function commentLoader(
  context: GraphQLContext,
  comments: CommentsService,
): DataLoader<string, CommentRow | null> {
  return context.loaders.get('comment', async (ids: readonly string[]) =>
    byKey(ids, await comments.findByIds(ids), (c) => c.id),
  );
}

/** How the viewer sees hidden comments on each idea, decided once per idea and request. */
export function commentViewLoader(
  context: GraphQLContext,
  comments: CommentsService,
): DataLoader<string, { userId: string | null; revealHidden: boolean }> {
  return context.loaders.get('commentView', (ids: readonly string[]) =>
    Promise.all(ids.map((id) => comments.viewOf(context.viewer, id))),
  );
}

/** One page of replies (the same page arguments) for each comment, batched per request. */
export function repliesLoader(
  context: GraphQLContext,
  comments: CommentsService,
  page: { first?: number | null; after?: string | null },
): DataLoader<string, { group: CommentRow[]; size: number; hasPrevious: boolean }> {
  return context.loaders.get(`replies:${page.first ?? ''}:${page.after ?? ''}`, async (ids: readonly string[]) => {
    const { rows, size, hasPrevious } = await comments.replies(ids, page);
    return groupByKey(ids, rows, (row: CommentRow) => row.parent_id!).map((group) => ({ group, size, hasPrevious }));
  });
}

/** How many replies each comment has, batched per request. */
export function replyCountLoader(context: GraphQLContext, comments: CommentsService): DataLoader<string, number> {
  return context.loaders.get('replyCount', async (ids: readonly string[]) => {
    const found = await comments.replyCounts(ids);
    return ids.map((id) => found.get(id) ?? 0);
  });
}
