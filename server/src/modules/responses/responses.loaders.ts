import type DataLoader from 'dataloader';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { groupByKey } from '../../common/graphql/loaders.js';
import type { OfficialResponseRow } from './official-response.object.js';
import type { ResponsesService } from './responses.service.js';

/** Each idea's official responses, oldest first, batched per request. */
export function responsesOfIdeaLoader(
  context: GraphQLContext,
  responses: ResponsesService,
): DataLoader<string, OfficialResponseRow[]> {
  return context.loaders.get('responsesOfIdea', async (ids: readonly string[]) =>
    groupByKey(ids, await responses.listForIdeas(ids), (row) => row.idea_id),
  );
}
