import { CampaignStatus } from '@consulta/shared';
import type { INestApplicationContext } from '@nestjs/common';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import { CampaignsService } from '../campaigns/campaigns.service.js';

type CampaignInput = Parameters<CampaignsService['createCampaign']>[2];

/** A demo consultation made and opened by one of the agency's demo officials, as they would in the console. */
export async function openDemoCampaign(
  app: INestApplicationContext,
  official: RequestViewer,
  agencyId: string,
  input: CampaignInput,
) {
  const campaigns = app.get(CampaignsService);
  const campaign = await campaigns.createCampaign(official, agencyId, input);
  return campaigns.transition(official, campaign.id, CampaignStatus.OPEN, [CampaignStatus.DRAFT]);
}
