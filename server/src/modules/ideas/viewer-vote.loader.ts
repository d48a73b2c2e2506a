import type DataLoader from 'dataloader';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import type { IdeaQueriesService } from './idea-queries.service.js';

/** The viewer's vote on each idea (null: none, or signed out), batched per request; lists prime it. */
export function viewerVoteLoader(
  context: GraphQLContext,
  queries: IdeaQueriesService,
): DataLoader<string, number | null> {
  return context.loaders.get('viewerVote', async (ids: readonly string[]) => {
    const userId = context.viewer.userId;
    if (!userId) return ids.map(() => null);
    const values = await queries.viewerVotes(userId, ids);
    return ids.map((id) => values.get(id) ?? null);
  });
}
