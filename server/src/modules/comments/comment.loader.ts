import type DataLoader from 'dataloader';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { byKey } from '../../common/graphql/loaders.js';
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
