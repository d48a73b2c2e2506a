import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * castVote as one statement: `consulta_cast_vote` takes the locks of the vote transaction in its order
 * (the person's participant row, then the idea, then, for a new participant, the campaign), reads what the
 * rules decide on and writes the vote only when every rule lets it, so a vote costs one round trip instead of
 * BEGIN, three statements and COMMIT. Each statement inside sees the rows committed before it ran, as the
 * separate statements did: a second vote of the same person waits on the participant row and then reads the
 * first one's vote.
 *
 * It answers one row: `written`, the facts the service explains a refusal from (the campaign's state, the
 * person's suspension and address, the idea's status and visibility, the person's current vote and votes
 * used) and, when written, the idea after the vote. The write is the vote write of VotesRepository.apply
 * (the vote row, votes used, the counters and stored sort keys, IdeaVoted and ResponseOwed); a change to one
 * is a change to both (a test compares them). Decision 0020.
 */
export class CastVoteFunction1795999000000 implements MigrationInterface {
  name = 'CastVoteFunction1795999000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE FUNCTION consulta_cast_vote(
        p_idea uuid, p_campaign uuid, p_user uuid, p_value int, p_budget int, p_decided text[], p_at timestamptz)
      RETURNS TABLE (written boolean, joined boolean, accepting boolean, suspended_until timestamptz,
                     unverified boolean, campaign_status text, opens_at timestamptz, closes_at timestamptz,
                     db_now timestamptz, idea_status text, idea_visibility text, previous int, votes_used int,
                     idea ideas)
      LANGUAGE plpgsql AS $$
      DECLARE
        s record;
        cur record;
        used int;
        is_new boolean := false;
        up int;
        down int;
        changed ideas;
      BEGIN
        SELECT (c.status = 'OPEN' AND (c.opens_at IS NULL OR c.opens_at <= now())
                 AND (c.closes_at IS NULL OR c.closes_at > now())) AS accepting,
               CASE WHEN u.suspended_until > now() THEN u.suspended_until END AS suspended_until,
               c.require_verified_email AND NOT coalesce(u.email_verified, false) AS unverified,
               c.status, c.opens_at, c.closes_at, c.response_threshold
          INTO s FROM campaigns c LEFT JOIN users u ON u.id = p_user WHERE c.id = p_campaign;
        IF NOT FOUND THEN
          RETURN QUERY SELECT false, false, false, NULL::timestamptz, false, 'DRAFT'::text, NULL::timestamptz,
                              NULL::timestamptz, now(), NULL::text, NULL::text, NULL::int, NULL::int, NULL::ideas;
          RETURN;
        END IF;
        IF NOT s.accepting OR s.suspended_until IS NOT NULL OR s.unverified THEN
          RETURN QUERY SELECT false, false, s.accepting, s.suspended_until, s.unverified, s.status::text,
                              s.opens_at, s.closes_at, now(), NULL::text, NULL::text, NULL::int, NULL::int, NULL::ideas;
          RETURN;
        END IF;

        INSERT INTO campaign_participants (campaign_id, user_id) VALUES (p_campaign, p_user)
          ON CONFLICT (campaign_id, user_id) DO NOTHING;
        is_new := FOUND;
        SELECT p.votes_used INTO used FROM campaign_participants p
         WHERE p.campaign_id = p_campaign AND p.user_id = p_user FOR UPDATE;

        SELECT i.status, i.visibility, v.value INTO cur FROM ideas i
          LEFT JOIN votes v ON v.idea_id = i.id AND v.user_id = p_user
         WHERE i.id = p_idea FOR UPDATE OF i;
        IF NOT FOUND OR cur.status = 'WITHDRAWN' OR cur.visibility = 'HIDDEN' OR cur.status = ANY (p_decided)
           OR cur.value IS NOT DISTINCT FROM p_value
           OR (cur.value IS NULL AND p_budget IS NOT NULL AND used >= p_budget) THEN
          -- Gone, refused or already so: the participant row this call made is taken back, as a rollback would.
          IF is_new THEN
            DELETE FROM campaign_participants p WHERE p.campaign_id = p_campaign AND p.user_id = p_user;
          END IF;
          RETURN QUERY SELECT false, false, s.accepting, s.suspended_until, s.unverified, s.status::text,
                              s.opens_at, s.closes_at, now(), cur.status::text, cur.visibility::text,
                              cur.value::int, used, NULL::ideas;
          RETURN;
        END IF;

        up := (p_value = 1)::int - coalesce((cur.value = 1)::int, 0);
        down := (p_value = -1)::int - coalesce((cur.value = -1)::int, 0);
        IF cur.value IS NULL THEN
          INSERT INTO votes (user_id, idea_id, campaign_id, value) VALUES (p_user, p_idea, p_campaign, p_value);
          UPDATE campaign_participants p SET votes_used = p.votes_used + 1
           WHERE p.campaign_id = p_campaign AND p.user_id = p_user;
        ELSE
          UPDATE votes v SET value = p_value, updated_at = now() WHERE v.user_id = p_user AND v.idea_id = p_idea;
        END IF;
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
        IF is_new THEN
          UPDATE campaigns c SET participant_count = c.participant_count + 1 WHERE c.id = p_campaign;
        END IF;
        RETURN QUERY SELECT true, is_new, s.accepting, s.suspended_until, s.unverified, s.status::text,
                            s.opens_at, s.closes_at, now(), cur.status::text, cur.visibility::text,
                            cur.value::int, used, changed;
      END
      $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP FUNCTION consulta_cast_vote(uuid, uuid, uuid, int, int, text[], timestamptz)');
  }
}
