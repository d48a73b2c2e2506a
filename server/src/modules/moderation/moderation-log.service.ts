import { Injectable } from '@nestjs/common';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import type { ConnectionShape } from '../../common/graphql/connection.js';
import { listByTime } from '../../common/graphql/time-listing.js';
import { DatabaseService } from '../../database/database.service.js';
import { CampaignAccessService } from '../campaigns/campaign-access.service.js';
import { auditRepository, type AuditRow } from '../audit/audit.repository.js';

/** Entries with an actor (the log lists what people did), with what their target is called and where it is. */
export type ActedRow = AuditRow & {
  actor_id: string;
  target_name: string | null;
  target_idea_id: string | null;
  target_campaign_slug: string | null;
};

/** What each kind of target is called, and the idea or campaign a link to it opens (read in the same statement). */
const TARGET_COLUMNS = `a.*,
  CASE a.target_type
    WHEN 'Idea' THEN (SELECT title FROM ideas WHERE id = a.target_id)
    WHEN 'Comment' THEN (SELECT i.title FROM comments k JOIN ideas i ON i.id = k.idea_id WHERE k.id = a.target_id)
    WHEN 'Flag' THEN (SELECT i.title FROM flags f JOIN ideas i ON i.id = f.idea_id WHERE f.id = a.target_id)
    WHEN 'Campaign' THEN (SELECT title FROM campaigns WHERE id = a.target_id)
    WHEN 'Agency' THEN (SELECT name FROM agencies WHERE id = a.target_id)
    WHEN 'User' THEN (SELECT display_name FROM users WHERE id = a.target_id)
  END AS target_name,
  CASE a.target_type
    WHEN 'Idea' THEN a.target_id
    WHEN 'Comment' THEN (SELECT idea_id FROM comments WHERE id = a.target_id)
    WHEN 'Flag' THEN (SELECT idea_id FROM flags WHERE id = a.target_id)
  END AS target_idea_id,
  CASE WHEN a.target_type = 'Campaign' THEN (SELECT slug FROM campaigns WHERE id = a.target_id) END
    AS target_campaign_slug`;

export interface LogFilter {
  first?: number | null;
  after?: string | null;
  /** Only this action (such as idea.hidden). */
  action?: string | null;
  /** Only what this person did. */
  actorId?: string | null;
}

/**
 * The audit log, newest first: moderators and admins read all of it, officials their agencies' entries,
 * everyone else nothing. Entries made by the system itself (command line, demo data) have no person to
 * show as actor in the contract, so they are kept in the table but not listed here.
 */
@Injectable()
export class ModerationLogService {
  constructor(
    private readonly database: DatabaseService,
    private readonly access: CampaignAccessService,
  ) {}

  async list(viewer: RequestViewer, filter: LogFilter): Promise<ConnectionShape<ActedRow>> {
    const agencies = await this.access.moderationScope(viewer);
    return listByTime<ActedRow>(
      this.database.dataSource,
      {
        order: 'audit',
        select: TARGET_COLUMNS,
        from: 'audit_log a',
        alias: 'a.',
        where: `a.actor_id IS NOT NULL AND ($1::uuid[] IS NULL OR a.agency_id = ANY($1::uuid[]))
                AND ($2::text IS NULL OR a.action = $2) AND ($3::uuid IS NULL OR a.actor_id = $3::uuid)`,
        params: [agencies, filter.action ?? null, filter.actorId ?? null],
        direction: 'DESC',
      },
      filter,
    );
  }

  /** The people who appear as actors in the part of the log the viewer reads (for its filter). */
  async actors(viewer: RequestViewer): Promise<string[]> {
    return auditRepository.actorIds(this.database.dataSource, await this.access.moderationScope(viewer));
  }
}
