import type DataLoader from 'dataloader';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import type { FollowsService } from './follows.service.js';

/** Whether the viewer follows each idea (false when signed out), batched per request. */
export function viewerFollowsLoader(context: GraphQLContext, follows: FollowsService): DataLoader<string, boolean> {
  return context.loaders.get('viewerFollows', async (ids: readonly string[]) => {
    const userId = context.viewer.userId;
    if (!userId) return ids.map(() => false);
    const followed = await follows.followedAmong(userId, ids);
    return ids.map((id) => followed.has(id));
  });
}
