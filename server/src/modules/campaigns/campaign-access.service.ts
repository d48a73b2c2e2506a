import { CampaignStatus, Role } from '@consulta/shared';
import { Injectable } from '@nestjs/common';
import { requireSignedIn } from '../../common/auth/policies.js';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import { ForbiddenError } from '../../common/errors/domain-error.js';
import { DatabaseService } from '../../database/database.service.js';
import { agenciesRepository } from '../agencies/agencies.repository.js';
import type { CampaignEntity } from './campaign.entity.js';

/**
 * Who may see and run a campaign. Drafts are seen only by the agency's members and admins; running a
 * campaign (and seeing hidden content in it) is for the same people. Memberships are read once per request.
 */
@Injectable()
export class CampaignAccessService {
  private readonly memberships = new WeakMap<RequestViewer, Promise<Set<string>>>();

  constructor(private readonly database: DatabaseService) {}

  /** The agencies the viewer belongs to (empty when signed out), read once per request. */
  agencyIdsOf(viewer: RequestViewer): Promise<Set<string>> {
    if (!viewer.userId) return Promise.resolve(new Set());
    let found = this.memberships.get(viewer);
    if (!found) {
      found = agenciesRepository.agencyIdsOf(this.database.dataSource, viewer.userId).then((ids) => new Set(ids));
      this.memberships.set(viewer, found);
    }
    return found;
  }

  /** ADMIN, or an OFFICIAL or AGENCY_ADMIN of the agency. */
  async canManage(viewer: RequestViewer, agencyId: string): Promise<boolean> {
    if (viewer.role === Role.ADMIN) return true;
    return (await this.agencyIdsOf(viewer)).has(agencyId);
  }

  async canSee(viewer: RequestViewer, campaign: Pick<CampaignEntity, 'status' | 'agencyId'>): Promise<boolean> {
    return campaign.status !== CampaignStatus.DRAFT || this.canManage(viewer, campaign.agencyId);
  }

  /** Moderators, admins and the agency's members moderate its content (and see it while hidden). */
  async canModerate(viewer: RequestViewer, agencyId: string): Promise<boolean> {
    return viewer.role === Role.MODERATOR || this.canManage(viewer, agencyId);
  }

  /**
   * The agencies whose content the viewer moderates: null for all of them (moderators, admins), their
   * own agencies for officials; FORBIDDEN for everyone else, UNAUTHENTICATED when signed out.
   */
  async moderationScope(viewer: RequestViewer): Promise<string[] | null> {
    const signedIn = requireSignedIn(viewer);
    if (signedIn.role === Role.MODERATOR || signedIn.role === Role.ADMIN) return null;
    const agencies = [...(await this.agencyIdsOf(viewer))];
    if (agencies.length === 0) throw new ForbiddenError('MODERATION_ROLE_REQUIRED');
    return agencies;
  }

  /** The agencies whose drafts the viewer sees, for CAMPAIGN_SEEN_BY: null for admins (every draft). */
  async draftsOf(viewer: RequestViewer): Promise<string[] | null> {
    return viewer.role === Role.ADMIN ? null : [...(await this.agencyIdsOf(viewer))];
  }
}
