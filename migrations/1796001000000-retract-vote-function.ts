import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * retractVote as one statement, as castVote is (decisions 0020 and 0021): `consulta_retract_vote(idea,
 * person, now)` finds the idea's campaign, reads its state with the person's suspension and address, locks
 * the person's participant row if they have one, then the idea with their vote, and only when all of that
 * lets it takes the vote back: the vote row, votes used (not for a withdrawn idea, whose votes were given
 * back when it was withdrawn), the counters and stored sort keys, IdeaVoted and, should the score reach the
 * response threshold, ResponseOwed. That is the delete of VotesRepository.apply; a test compares the two.
 *
 * It answers `written`, the campaign's state (null columns when the idea is gone) and, when written, the
 * idea after it. Someone who may take a vote back is someone who has one, so no visibility rule is needed
 * inside; when nothing was taken back, the service says why by its own rules. Decision 0022.
 */
export class RetractVoteFunction1796001000000 implements MigrationInterface {
  name = 'RetractVoteFunction1796001000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE FUNCTION consulta_retract_vote(p_idea uuid, p_user uuid, p_at timestamptz)
      RETURNS TABLE (written boolean, accepting boolean, suspended_until timestamptz, unverified boolean,
                     campaign_status text, opens_at timestamptz, closes_at timestamptz, db_now timestamptz,
                     idea ideas)
      LANGUAGE plpgsql AS $$
      DECLARE
        t record;
        s record;
        cur_status text;
        cur_value int;
        up int;
        down int;
        changed ideas;
      BEGIN
        SELECT i.campaign_id INTO t FROM ideas i WHERE i.id = p_idea;
        IF NOT FOUND THEN
          RETURN QUERY SELECT false, false, NULL::timestamptz, false, NULL::text, NULL::timestamptz,
                              NULL::timestamptz, now(), NULL::ideas;
          RETURN;
        END IF;
        SELECT (c.status = 'OPEN' AND (c.opens_at IS NULL OR c.opens_at <= now())
                 AND (c.closes_at IS NULL OR c.closes_at > now())) AS accepting,
               CASE WHEN u.suspended_until > now() THEN u.suspended_until END AS suspended_until,
               c.require_verified_email AND NOT coalesce(u.email_verified, false) AS unverified,
               c.status, c.opens_at, c.closes_at, c.response_threshold
          INTO s FROM campaigns c LEFT JOIN users u ON u.id = p_user WHERE c.id = t.campaign_id;
        IF NOT s.accepting OR s.suspended_until IS NOT NULL OR s.unverified THEN
          RETURN QUERY SELECT false, s.accepting, s.suspended_until, s.unverified, s.status::text, s.opens_at,
                              s.closes_at, now(), NULL::ideas;
          RETURN;
        END IF;

        PERFORM 1 FROM campaign_participants p
         WHERE p.campaign_id = t.campaign_id AND p.user_id = p_user FOR UPDATE;
        IF FOUND THEN
          SELECT i.status, v.value INTO cur_status, cur_value FROM ideas i
            LEFT JOIN votes v ON v.idea_id = i.id AND v.user_id = p_user
           WHERE i.id = p_idea FOR UPDATE OF i;
        END IF;
        IF cur_value IS NULL THEN
          -- Never took part, or no vote on this idea: nothing to take back.
          RETURN QUERY SELECT false, s.accepting, s.suspended_until, s.unverified, s.status::text, s.opens_at,
                              s.closes_at, now(), NULL::ideas;
          RETURN;
        END IF;

        DELETE FROM votes v WHERE v.user_id = p_user AND v.idea_id = p_idea;
        IF cur_status <> 'WITHDRAWN' THEN
          UPDATE campaign_participants p SET votes_used = p.votes_used - 1
           WHERE p.campaign_id = t.campaign_id AND p.user_id = p_user;
        END IF;
        up := -(cur_value = 1)::int;
        down := -(cur_value = -1)::int;
        UPDATE ideas i SET upvotes = i.upvotes + up, downvotes = i.downvotes + down, score = i.score + up - down,
               hot = consulta_hot(i.score + up - down, i.created_at),
               wilson = consulta_wilson(i.upvotes + up, i.downvotes + down),
               threshold_reached_at = CASE
                 WHEN i.threshold_reached_at IS NULL AND s.response_threshold IS NOT NULL
                      AND i.score + up - down >= s.response_threshold
                 THEN p_at::timestamptz(3) ELSE i.threshold_reached_at END
         WHERE i.id = p_idea
         RETURNING i.* INTO changed;
        INSERT INTO domain_events (type, aggregate_type, aggregate_id, payload)
        VALUES ('IdeaVoted', 'idea', changed.id,
                jsonb_build_object('campaignId', changed.campaign_id, 'upvotes', changed.upvotes,
                                   'downvotes', changed.downvotes, 'score', changed.score));
        IF changed.threshold_reached_at = p_at::timestamptz(3) THEN
          INSERT INTO domain_events (type, aggregate_type, aggregate_id, payload)
          VALUES ('ResponseOwed', 'idea', changed.id,
                  jsonb_build_object('campaignId', changed.campaign_id, 'score', changed.score,
                                     'threshold', s.response_threshold));
        END IF;
        RETURN QUERY SELECT true, s.accepting, s.suspended_until, s.unverified, s.status::text, s.opens_at,
                            s.closes_at, now(), changed;
      END
      $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP FUNCTION consulta_retract_vote(uuid, uuid, timestamptz)');
  }
}
