import type DataLoader from 'dataloader';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { byKey } from '../../common/graphql/loaders.js';
import type { IdeaEntity } from './idea.entity.js';
import type { IdeasService } from './ideas.service.js';

/** Ideas by id, batched per request (no visibility check: for ideas already known to be visible). */
export function ideaLoader(context: GraphQLContext, ideas: IdeasService): DataLoader<string, IdeaEntity | null> {
  return context.loaders.get('idea', async (ids: readonly string[]) =>
    byKey(ids, await ideas.findByIds(ids), (i) => i.id),
  );
}
