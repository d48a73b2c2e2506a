import type { IdeaStatus } from '@consulta/shared';
import { LISTED_IDEA, PUBLIC_CAMPAIGN, VISIBLE_IDEA } from '../../../database/predicates.js';
import { one, type Executor } from '../../../database/sql.js';

/** What a webhook tells of an idea: what the public sees of it and of its campaign. */
export interface PublicIdeaRow {
  id: string;
  title: string;
  body: string;
  tag: string | null;
  status: IdeaStatus;
  author_id: string | null;
  author_name: string | null;
  upvotes: number;
  downvotes: number;
  score: number;
  comment_count: number;
  created_at: Date;
  campaign_id: string;
  campaign_slug: string;
  campaign_title: string;
  agency_id: string;
  agency_name: string;
}

export interface PublicCampaignRow {
  id: string;
  slug: string;
  title: string;
  summary: string;
  status: string;
  voting_mode: string;
  opens_at: Date | null;
  closes_at: Date | null;
  agency_id: string;
  agency_name: string;
}

export interface PublicResponseRow {
  id: string;
  previous_status: IdeaStatus;
  status: IdeaStatus;
  body: string;
  agency_name: string;
  created_at: Date;
}

export interface OwnerRow {
  email: string;
  display_name: string;
  language: string;
  email_verified: boolean;
}

/**
 * The public side of what an event is about, read for webhook bodies: the rules of the open-data downloads
 * (public campaigns only, listed ideas only; a status change is told for a visible idea even as it is
 * withdrawn), so nothing a download would leave out goes out by webhook either.
 */
export class WebhookPayloadsRepository {
  idea(executor: Executor, id: string, withdrawnToo = false): Promise<PublicIdeaRow | undefined> {
    return one<PublicIdeaRow>(
      executor,
      `SELECT i.id, i.title, i.body, i.tag, i.status, i.author_id, u.display_name AS author_name, i.upvotes,
              i.downvotes, i.score, i.comment_count, i.created_at, c.id AS campaign_id, c.slug AS campaign_slug,
              c.title AS campaign_title, a.id AS agency_id, a.name AS agency_name
         FROM ideas i JOIN campaigns c ON c.id = i.campaign_id JOIN agencies a ON a.id = c.agency_id
         LEFT JOIN users u ON u.id = i.author_id AND u.deleted_at IS NULL
        WHERE i.id = $1 AND ${PUBLIC_CAMPAIGN('c')} AND ${withdrawnToo ? VISIBLE_IDEA('i') : LISTED_IDEA('i')}`,
      [id],
    );
  }

  campaign(executor: Executor, id: string): Promise<PublicCampaignRow | undefined> {
    return one<PublicCampaignRow>(
      executor,
      `SELECT c.id, c.slug, c.title, c.summary, c.status, c.voting_mode, c.opens_at, c.closes_at,
              a.id AS agency_id, a.name AS agency_name
         FROM campaigns c JOIN agencies a ON a.id = c.agency_id
        WHERE c.id = $1 AND ${PUBLIC_CAMPAIGN('c')}`,
      [id],
    );
  }

  response(executor: Executor, id: string): Promise<PublicResponseRow | undefined> {
    return one<PublicResponseRow>(
      executor,
      `SELECT r.id, r.previous_status, r.status, r.body, a.name AS agency_name, r.created_at
         FROM official_responses r JOIN agencies a ON a.id = r.agency_id WHERE r.id = $1`,
      [id],
    );
  }

  /** Whom to tell that their webhook was turned off: a live account with a confirmed address. */
  owner(executor: Executor, userId: string): Promise<OwnerRow | undefined> {
    return one<OwnerRow>(
      executor,
      `SELECT email, display_name, language, email_verified FROM users
        WHERE id = $1 AND deleted_at IS NULL AND email IS NOT NULL`,
      [userId],
    );
  }
}

export const webhookPayloadsRepository = new WebhookPayloadsRepository();
