import type DataLoader from 'dataloader';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { byKey, groupByKey } from '../../common/graphql/loaders.js';
import type { AgencyMembershipEntity } from './agency-membership.entity.js';
import type { AgencyEntity } from './agency.entity.js';
import type { AgenciesService } from './agencies.service.js';

/** Agencies by id, batched per request. */
export function agencyLoader(
  context: GraphQLContext,
  agencies: AgenciesService,
): DataLoader<string, AgencyEntity | null> {
  return context.loaders.get('agency', async (ids: readonly string[]) =>
    byKey(ids, await agencies.findByIds(ids), (a) => a.id),
  );
}

/** Each agency's memberships, oldest first, batched per request. */
export function membersOfAgencyLoader(
  context: GraphQLContext,
  agencies: AgenciesService,
): DataLoader<string, AgencyMembershipEntity[]> {
  return context.loaders.get('membersOfAgency', async (ids: readonly string[]) =>
    groupByKey(ids, await agencies.membershipsOfAgencies(ids), (m) => m.agencyId),
  );
}

/** Each person's memberships, oldest first, batched per request. */
export function membershipsOfUserLoader(
  context: GraphQLContext,
  agencies: AgenciesService,
): DataLoader<string, AgencyMembershipEntity[]> {
  return context.loaders.get('membershipsOfUser', async (ids: readonly string[]) =>
    groupByKey(ids, await agencies.membershipsOfUsers(ids), (m) => m.userId),
  );
}
