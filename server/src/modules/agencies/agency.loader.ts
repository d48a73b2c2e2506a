import type DataLoader from 'dataloader';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { byKey } from '../../common/graphql/loaders.js';
import type { AgenciesService } from './agencies.service.js';
import type { AgencyEntity } from './agency.entity.js';

/** Agencies by id, batched per request. */
export function agencyLoader(
  context: GraphQLContext,
  agencies: AgenciesService,
): DataLoader<string, AgencyEntity | null> {
  return context.loaders.get('agency', async (ids: readonly string[]) =>
    byKey(ids, await agencies.findByIds(ids), (a) => a.id),
  );
}
