import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * castVote without a read before it: `consulta_cast_vote(idea, user, value, decided, at)` finds the idea's
 * campaign with its voting mode and vote budget itself, refuses a down vote in a SUPPORT campaign, and
 * otherwise casts as the function of migration 1795999000000 does, with the same locks, checks and write.
 * The answer is that function's row (the campaign's state null when the idea is gone or the vote is a down
 * vote in a SUPPORT campaign: the service reads the idea to say which).
 *
 * No visibility rule is needed inside: a vote is written only in a campaign that is OPEN (so not a draft,
 * which only its agency sees) on an idea that is VISIBLE (which everyone sees), so whoever it writes for
 * may see the idea. A refusal is explained by the service after it asks, by its own rule, whether the
 * person may see the idea at all (NOT_FOUND when not). The function of 1795999000000 stays for servers of
 * the release before while they are replaced. Decision 0021.
 */
export class CastVoteByIdea1796000000000 implements MigrationInterface {
  name = 'CastVoteByIdea1796000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE FUNCTION consulta_cast_vote(
        p_idea uuid, p_user uuid, p_value int, p_decided text[], p_at timestamptz)
      RETURNS TABLE (written boolean, joined boolean, accepting boolean, suspended_until timestamptz,
                     unverified boolean, campaign_status text, opens_at timestamptz, closes_at timestamptz,
                     db_now timestamptz, idea_status text, idea_visibility text, previous int, votes_used int,
                     idea ideas)
      LANGUAGE plpgsql AS $$
      DECLARE
        t record;
      BEGIN
        SELECT i.campaign_id, c.voting_mode, c.vote_budget INTO t
          FROM ideas i JOIN campaigns c ON c.id = i.campaign_id WHERE i.id = p_idea;
        IF NOT FOUND OR (t.voting_mode = 'SUPPORT' AND p_value = -1) THEN
          RETURN QUERY SELECT false, false, false, NULL::timestamptz, false, NULL::text, NULL::timestamptz,
                              NULL::timestamptz, now(), NULL::text, NULL::text, NULL::int, NULL::int, NULL::ideas;
          RETURN;
        END IF;
        RETURN QUERY SELECT r.*
          FROM consulta_cast_vote(p_idea, t.campaign_id, p_user, p_value, t.vote_budget, p_decided, p_at) r;
      END
      $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP FUNCTION consulta_cast_vote(uuid, uuid, int, text[], timestamptz)');
  }
}
