import { AgencyMembershipEntity } from '../modules/agencies/agency-membership.entity.js';
import { AgencyEntity } from '../modules/agencies/agency.entity.js';
import { AuditEntryEntity } from '../modules/audit/audit-entry.entity.js';
import { SessionEntity } from '../modules/auth/session.entity.js';
import { UserEntity } from '../modules/users/user.entity.js';
import { CampaignEntity } from '../modules/campaigns/campaign.entity.js';
import { IdeaEntity } from '../modules/ideas/idea.entity.js';

/** Every entity the data source knows, listed explicitly (no globs). */
export const entities: Function[] = [
  UserEntity,
  SessionEntity,
  AgencyEntity,
  AgencyMembershipEntity,
  AuditEntryEntity,
  CampaignEntity,
  IdeaEntity,
];
