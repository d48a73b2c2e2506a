import { CampaignStatus, VotingMode } from '@consulta/shared';
import { Field, GraphQLISODateTime, ID, Int } from '@nestjs/graphql';
import { Connection } from '../../common/graphql/connection.js';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { NodeType } from '../../common/graphql/node.js';
import { acceptsContributions, effectiveStatus, type CampaignEntity } from './campaign.entity.js';

@NodeType('Campaign')
export class CampaignObject {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  slug: string;

  @Field(() => String)
  title: string;

  @Field(() => String)
  summary: string;

  @Field(() => String)
  body: string;

  @Field(() => String)
  bodyHtml: string;

  @Field(() => CampaignStatus, { description: 'OPEN turns CLOSED by itself once closesAt has passed.' })
  status: CampaignStatus;

  @Field(() => Boolean, {
    description: 'True while the campaign takes ideas and votes (OPEN, and now within opensAt..closesAt).',
  })
  acceptingContributions: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true })
  opensAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  closesAt: Date | null;

  @Field(() => VotingMode)
  votingMode: VotingMode;

  @Field(() => Int, {
    nullable: true,
    description: 'Most votes one person may cast in this campaign; null means no limit.',
  })
  voteBudget: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Net score at which an idea is owed an official response; null means never.',
  })
  responseThreshold: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Days the agency commits to answer an idea once it reaches responseThreshold; null means no commitment.',
  })
  responseDays: number | null;

  @Field(() => [String])
  tags: string[];

  @Field(() => Boolean, { description: 'Only people with a confirmed email address may submit ideas and vote.' })
  requireVerifiedEmail: boolean;

  @Field(() => Int)
  ideaCount: number;

  @Field(() => Int)
  participantCount: number;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  uuid: string;
  agencyId: string;
}

export const CampaignConnection = Connection(CampaignObject, 'Campaign');

export function mapCampaign(campaign: CampaignEntity): CampaignObject {
  return Object.assign(new CampaignObject(), {
    id: toGlobalId('Campaign', campaign.id),
    uuid: campaign.id,
    agencyId: campaign.agencyId,
    slug: campaign.slug,
    title: campaign.title,
    summary: campaign.summary,
    body: campaign.body,
    bodyHtml: campaign.bodyHtml,
    status: effectiveStatus(campaign),
    acceptingContributions: acceptsContributions(campaign),
    opensAt: campaign.opensAt,
    closesAt: campaign.closesAt,
    votingMode: campaign.votingMode,
    voteBudget: campaign.voteBudget,
    responseThreshold: campaign.responseThreshold,
    responseDays: campaign.responseDays,
    requireVerifiedEmail: campaign.requireVerifiedEmail,
    tags: campaign.tags,
    ideaCount: campaign.ideaCount,
    participantCount: campaign.participantCount,
    createdAt: campaign.createdAt,
  });
}
