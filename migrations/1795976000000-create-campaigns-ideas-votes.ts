import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaigns, ideas and votes. Counters (upvotes, downvotes, score, idea and participant counts, votes used
 * per person) live beside the rows they count and change in the same transaction; the sort keys TOP, NEW,
 * TRENDING and BEST are stored and indexed for keyset pagination. Timestamps that sort lists have
 * millisecond precision so cursors carry them exactly.
 */
export class CreateCampaignsIdeasVotes1795976000000 implements MigrationInterface {
  name = 'CreateCampaignsIdeasVotes1795976000000';

  async up(runner: QueryRunner): Promise<void> {
    // Reddit-style hot rank: log10 of the score's size, signed, plus creation time (12.5 hours per tenfold).
    await runner.query(`
      CREATE FUNCTION consulta_hot(score integer, created_at timestamptz) RETURNS double precision
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT sign(score) * log(greatest(abs(score), 1)) + extract(epoch FROM created_at) / 45000
      $$`);
    // Lower bound of the Wilson score interval (95%) for the share of +1 votes.
    await runner.query(`
      CREATE FUNCTION consulta_wilson(up integer, down integer) RETURNS double precision
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN up + down = 0 THEN 0 ELSE
          ((up::float8 / (up + down)) + 1.9208 / (up + down)
            - 1.96 * sqrt(((up::float8 / (up + down)) * (1 - up::float8 / (up + down)) + 0.9604 / (up + down)) / (up + down)))
          / (1 + 3.8416 / (up + down)) END
      $$`);
    await runner.query(`
      CREATE TABLE campaigns (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies (id) ON DELETE RESTRICT,
        slug citext NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        title text NOT NULL,
        summary text NOT NULL,
        body text NOT NULL,
        body_html text NOT NULL,
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'OPEN', 'CLOSED', 'ARCHIVED')),
        opens_at timestamptz(3),
        closes_at timestamptz(3),
        voting_mode text NOT NULL DEFAULT 'SUPPORT' CHECK (voting_mode IN ('SUPPORT', 'UP_DOWN')),
        vote_budget integer CHECK (vote_budget > 0),
        response_threshold integer CHECK (response_threshold > 0),
        tags text[] NOT NULL DEFAULT '{}',
        idea_count integer NOT NULL DEFAULT 0 CHECK (idea_count >= 0),
        participant_count integer NOT NULL DEFAULT 0 CHECK (participant_count >= 0),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT campaigns_slug_key UNIQUE (slug),
        CONSTRAINT campaigns_dates_check CHECK (opens_at IS NULL OR closes_at IS NULL OR closes_at > opens_at)
      )`);
    await runner.query('CREATE INDEX campaigns_list_idx ON campaigns (created_at DESC, id DESC)');
    await runner.query('CREATE INDEX campaigns_agency_idx ON campaigns (agency_id, created_at DESC, id DESC)');

    await runner.query(`
      CREATE TABLE campaign_participants (
        campaign_id uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        votes_used integer NOT NULL DEFAULT 0 CHECK (votes_used >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (campaign_id, user_id)
      )`);

    await runner.query(`
      CREATE TABLE ideas (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        campaign_id uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
        author_id uuid REFERENCES users (id) ON DELETE SET NULL,
        title text NOT NULL,
        body text NOT NULL,
        body_html text NOT NULL,
        tag text,
        status text NOT NULL DEFAULT 'SUBMITTED' CHECK (status IN
          ('SUBMITTED', 'UNDER_REVIEW', 'ACCEPTED', 'IN_PROGRESS', 'IMPLEMENTED', 'REJECTED', 'DUPLICATE', 'WITHDRAWN')),
        visibility text NOT NULL DEFAULT 'VISIBLE' CHECK (visibility IN ('VISIBLE', 'HIDDEN')),
        upvotes integer NOT NULL DEFAULT 0 CHECK (upvotes >= 0),
        downvotes integer NOT NULL DEFAULT 0 CHECK (downvotes >= 0),
        score integer NOT NULL DEFAULT 0,
        hot double precision NOT NULL,
        wilson double precision NOT NULL DEFAULT 0,
        comment_count integer NOT NULL DEFAULT 0 CHECK (comment_count >= 0),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', left(body, 5000)), 'B')
        ) STORED,
        similar_text text GENERATED ALWAYS AS (lower(title || ' ' || left(body, 300))) STORED,
        CONSTRAINT ideas_score_check CHECK (score = upvotes - downvotes)
      )`);
    const listed = "WHERE visibility = 'VISIBLE' AND status <> 'WITHDRAWN'";
    await runner.query(
      `CREATE INDEX ideas_top_idx ON ideas (campaign_id, score DESC, created_at DESC, id DESC) ${listed}`,
    );
    await runner.query(`CREATE INDEX ideas_new_idx ON ideas (campaign_id, created_at DESC, id DESC) ${listed}`);
    await runner.query(`CREATE INDEX ideas_trending_idx ON ideas (campaign_id, hot DESC, id DESC) ${listed}`);
    await runner.query(
      `CREATE INDEX ideas_best_idx ON ideas (campaign_id, wilson DESC, created_at DESC, id DESC) ${listed}`,
    );
    await runner.query('CREATE INDEX ideas_author_idx ON ideas (author_id, created_at DESC)');
    await runner.query('CREATE INDEX ideas_search_idx ON ideas USING gin (search)');
    await runner.query('CREATE INDEX ideas_similar_idx ON ideas USING gin (similar_text gin_trgm_ops)');

    await runner.query(`
      CREATE TABLE votes (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        idea_id uuid NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
        campaign_id uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
        value smallint NOT NULL CHECK (value IN (-1, 1)),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, idea_id)
      )`);
    await runner.query('CREATE INDEX votes_idea_idx ON votes (idea_id)');
    await runner.query('CREATE INDEX votes_campaign_user_idx ON votes (campaign_id, user_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE votes');
    await runner.query('DROP TABLE ideas');
    await runner.query('DROP TABLE campaign_participants');
    await runner.query('DROP TABLE campaigns');
    await runner.query('DROP FUNCTION consulta_wilson(integer, integer)');
    await runner.query('DROP FUNCTION consulta_hot(integer, timestamptz)');
  }
}
