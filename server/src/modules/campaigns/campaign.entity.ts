import { CampaignStatus, VotingMode } from '@consulta/shared';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('campaigns')
export class CampaignEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @Column({ type: 'citext' })
  slug: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'body_html', type: 'text' })
  bodyHtml: string;

  @Column({ type: 'text' })
  status: CampaignStatus;

  @Column({ name: 'opens_at', type: 'timestamptz', nullable: true })
  opensAt: Date | null;

  @Column({ name: 'closes_at', type: 'timestamptz', nullable: true })
  closesAt: Date | null;

  @Column({ name: 'voting_mode', type: 'text' })
  votingMode: VotingMode;

  @Column({ name: 'vote_budget', type: 'integer', nullable: true })
  voteBudget: number | null;

  @Column({ name: 'response_threshold', type: 'integer', nullable: true })
  responseThreshold: number | null;

  @Column({ type: 'text', array: true })
  tags: string[];

  @Column({ name: 'idea_count', type: 'integer' })
  ideaCount: number;

  @Column({ name: 'participant_count', type: 'integer' })
  participantCount: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
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

/** The same rule in SQL, on the database's clock, for checks inside write transactions. */
export const ACCEPTING_SQL = (alias: string) =>
  `(${alias}.status = 'OPEN' AND (${alias}.opens_at IS NULL OR ${alias}.opens_at <= now()) AND (${alias}.closes_at IS NULL OR ${alias}.closes_at > now()))`;

/** The effective status in SQL, for filtering lists. */
export const EFFECTIVE_STATUS_SQL = (alias: string) =>
  `(CASE WHEN ${alias}.status = 'OPEN' AND ${alias}.closes_at <= now() THEN 'CLOSED' ELSE ${alias}.status END)`;

/** The columns of `campaigns` for raw queries (alias `c`), and a raw row as an entity. */
export const CAMPAIGN_COLUMNS =
  'c.id, c.agency_id, c.slug, c.title, c.summary, c.body, c.body_html, c.status, c.opens_at, c.closes_at, c.voting_mode, ' +
  'c.vote_budget, c.response_threshold, c.tags, c.idea_count, c.participant_count, c.created_by, c.created_at, c.updated_at';

export function campaignFromRow(row: Record<string, any>): CampaignEntity {
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
    tags: row.tags,
    ideaCount: row.idea_count,
    participantCount: row.participant_count,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}
