import type DataLoader from 'dataloader';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import type { VotesService } from './votes.service.js';

/** Votes the viewer may still cast in each campaign (null: no budget, or signed out), batched per request. */
export function votesRemainingLoader(context: GraphQLContext, votes: VotesService): DataLoader<string, number | null> {
  return context.loaders.get('votesRemaining', async (ids: readonly string[]) => {
    const userId = context.viewer.userId;
    if (!userId) return ids.map(() => null);
    const remaining = await votes.remaining(userId, ids);
    return ids.map((id) => remaining.get(id) ?? null);
  });
}
