import type DataLoader from 'dataloader';
import type { GraphQLContext } from '../../common/graphql/graphql-context.js';
import { byKey } from '../../common/graphql/loaders.js';
import type { CampaignEntity } from './campaign.entity.js';
import type { CampaignsService } from './campaigns.service.js';

/** Campaigns by id, batched per request. */
export function campaignLoader(
  context: GraphQLContext,
  campaigns: CampaignsService,
): DataLoader<string, CampaignEntity | null> {
  return context.loaders.get('campaign', async (ids: readonly string[]) =>
    byKey(ids, await campaigns.findByIds(ids), (c) => c.id),
  );
}
