import type { EntityManager } from 'typeorm';
import { one, run, type Executor } from '../../database/sql.js';
import { CampaignEntity } from './campaign.entity.js';

export interface Participation {
  votesUsed: number;
  /** True when this call made the person a participant. */
  joined: boolean;
}

/**
 * Every statement that writes `campaigns` and `campaign_participants` (owned by the campaigns module),
 * except the vote write, which moves a person's votes used in the same statement as the vote
 * (votes.repository.ts, listed in the ownership test).
 */
export class CampaignsRepository {
  /** Inserts or updates a campaign from its entity (the campaign's own settings and status). */
  save(manager: EntityManager, campaign: CampaignEntity | Partial<CampaignEntity>): Promise<CampaignEntity> {
    return manager.save(manager.create(CampaignEntity, campaign));
  }

  /** Keeps the stored counters in step: visible ideas and distinct participants. */
  async adjustCounts(executor: Executor, id: string, change: { ideas?: number; participants?: number }): Promise<void> {
    await run(
      executor,
      'UPDATE campaigns SET idea_count = idea_count + $2, participant_count = participant_count + $3 WHERE id = $1',
      [id, change.ideas ?? 0, change.participants ?? 0],
    );
  }

  /** Notes that common ground was computed now, from the votes with this fingerprint (null: unchanged). */
  async markCommonGround(executor: Executor, id: string, fingerprint: string | null): Promise<void> {
    await run(
      executor,
      'UPDATE campaigns SET common_ground_votes = coalesce($2, common_ground_votes), common_ground_at = now() WHERE id = $1',
      [id, fingerprint],
    );
  }

  /**
   * Makes the person a participant of the campaign if they were not, and locks their participant row for
   * the rest of the transaction. This row is the first lock every write to a campaign takes (participant,
   * then idea, then campaign), so a person's votes in a campaign are serialised and budgets hold.
   */
  async lockParticipation(executor: Executor, campaignId: string, userId: string): Promise<Participation> {
    const row = await one<{ votes_used: number; joined: boolean }>(
      executor,
      `INSERT INTO campaign_participants AS p (campaign_id, user_id) VALUES ($1, $2)
       ON CONFLICT (campaign_id, user_id) DO UPDATE SET votes_used = p.votes_used
       RETURNING votes_used, (xmax = 0) AS joined`,
      [campaignId, userId],
    );
    return { votesUsed: row!.votes_used, joined: row!.joined };
  }

  /** Gives back to their budgets the votes cast on an idea (it was withdrawn). */
  async releaseVotesOn(executor: Executor, campaignId: string, ideaId: string): Promise<void> {
    await run(
      executor,
      `UPDATE campaign_participants SET votes_used = votes_used - 1
        WHERE campaign_id = $1 AND user_id IN (SELECT user_id FROM votes WHERE idea_id = $2)`,
      [campaignId, ideaId],
    );
  }
}

export const campaignsRepository = new CampaignsRepository();
