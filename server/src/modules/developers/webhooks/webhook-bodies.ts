import { toGlobalId } from '../../../common/graphql/global-id.js';
import type { PublicCampaignRow, PublicIdeaRow, PublicResponseRow } from './webhook-payloads.repository.js';

/** Links and ids of the public site, as the API and the pages name them. */
export interface PublicSite {
  url: string;
  pseudonym: (userId: string | null) => Promise<string | null>;
}

/** An idea as a webhook body tells it: its public fields, its campaign, its author by name and pseudonym. */
export async function ideaData(site: PublicSite, idea: PublicIdeaRow) {
  const id = toGlobalId('Idea', idea.id);
  return {
    id,
    url: `${site.url}/ideas/${id}`,
    title: idea.title,
    body: idea.body,
    tag: idea.tag,
    status: idea.status,
    author: idea.author_id ? { id: await site.pseudonym(idea.author_id), name: idea.author_name } : null,
    upvotes: idea.upvotes,
    downvotes: idea.downvotes,
    score: idea.score,
    commentCount: idea.comment_count,
    createdAt: idea.created_at.toISOString(),
    campaign: {
      id: toGlobalId('Campaign', idea.campaign_id),
      slug: idea.campaign_slug,
      title: idea.campaign_title,
      url: `${site.url}/campaigns/${idea.campaign_slug}`,
      agency: { id: toGlobalId('Agency', idea.agency_id), name: idea.agency_name },
    },
  };
}

export function campaignData(site: PublicSite, campaign: PublicCampaignRow) {
  return {
    id: toGlobalId('Campaign', campaign.id),
    slug: campaign.slug,
    url: `${site.url}/campaigns/${campaign.slug}`,
    title: campaign.title,
    summary: campaign.summary,
    status: campaign.status,
    votingMode: campaign.voting_mode,
    opensAt: campaign.opens_at?.toISOString() ?? null,
    closesAt: campaign.closes_at?.toISOString() ?? null,
    agency: { id: toGlobalId('Agency', campaign.agency_id), name: campaign.agency_name },
  };
}

export function responseData(response: PublicResponseRow) {
  return {
    id: toGlobalId('OfficialResponse', response.id),
    status: response.status,
    previousStatus: response.previous_status,
    body: response.body,
    agency: response.agency_name,
    createdAt: response.created_at.toISOString(),
  };
}
