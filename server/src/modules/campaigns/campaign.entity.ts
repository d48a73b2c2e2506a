import { CampaignStatus, VotingMode } from '@consulta/shared';

/** A campaign: a `campaigns` row as mapped once, by campaignFromRow. */
export class CampaignEntity {
  id: string;
  agencyId: string;
  slug: string;
  title: string;
  summary: string;
  body: string;
  bodyHtml: string;
  status: CampaignStatus;
  opensAt: Date | null;
  closesAt: Date | null;
  votingMode: VotingMode;
  voteBudget: number | null;
  responseThreshold: number | null;
  /** Days the agency commits to answer an idea once it reaches the threshold; null: no commitment. */
  responseDays: number | null;
  /** Only people with a confirmed email address may submit ideas and vote. */
  requireVerifiedEmail: boolean;
  tags: string[];
  ideaCount: number;
  participantCount: number;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The status people see: an OPEN campaign whose closing time has passed is CLOSED, with no job needed. */
export function effectiveStatus(campaign: CampaignEntity, now = new Date()): CampaignStatus {
  if (campaign.status === CampaignStatus.OPEN && campaign.closesAt && campaign.closesAt <= now) {
    return CampaignStatus.CLOSED;
  }
  return campaign.status;
}

/** True while the campaign takes ideas and votes. */
export function acceptsContributions(campaign: CampaignEntity, now = new Date()): boolean {
  return (
    campaign.status === CampaignStatus.OPEN &&
    (!campaign.opensAt || campaign.opensAt <= now) &&
    (!campaign.closesAt || now < campaign.closesAt)
  );
}

/** The columns of `campaigns` for raw queries (alias `c`). */
export const CAMPAIGN_COLUMNS =
  'c.id, c.agency_id, c.slug, c.title, c.summary, c.body, c.body_html, c.status, c.opens_at, c.closes_at, c.voting_mode, ' +
  'c.vote_budget, c.response_threshold, c.response_days, c.require_verified_email, c.tags, c.idea_count, c.participant_count, c.created_by, c.created_at, c.updated_at';

/** The same columns, each named with a `c_` prefix, for a statement that also reads another table's row. */
export const CAMPAIGN_COLUMNS_PREFIXED = CAMPAIGN_COLUMNS.replace(/c\.(\w+)/g, 'c.$1 AS c_$1');

/** A row of CAMPAIGN_COLUMNS, as PostgreSQL answers it. */
export interface CampaignRow {
  id: string;
  agency_id: string;
  slug: string;
  title: string;
  summary: string;
  body: string;
  body_html: string;
  status: CampaignStatus;
  opens_at: Date | null;
  closes_at: Date | null;
  voting_mode: VotingMode;
  vote_budget: number | null;
  response_threshold: number | null;
  response_days: number | null;
  require_verified_email: boolean;
  tags: string[];
  idea_count: number;
  participant_count: number;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

/** The one mapping of `campaigns`. */
export function campaignFromRow(row: CampaignRow): CampaignEntity {
  return Object.assign(new CampaignEntity(), {
    id: row.id,
    agencyId: row.agency_id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    body: row.body,
    bodyHtml: row.body_html,
    status: row.status,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    votingMode: row.voting_mode,
    voteBudget: row.vote_budget,
    responseThreshold: row.response_threshold,
    responseDays: row.response_days,
    requireVerifiedEmail: row.require_verified_email,
    tags: row.tags,
    ideaCount: row.idea_count,
    participantCount: row.participant_count,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

/** A campaign read beside another row under CAMPAIGN_COLUMNS_PREFIXED. */
export function campaignFromPrefixedRow(row: { [column: `c_${string}`]: unknown }): CampaignEntity {
  const unprefixed = Object.fromEntries(
    Object.entries(row)
      .filter(([column]) => column.startsWith('c_'))
      .map(([column, value]) => [column.slice(2), value]),
  );
  return campaignFromRow(unprefixed as unknown as CampaignRow);
}
