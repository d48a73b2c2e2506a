import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What similarIdeas compares typed text with: the title, and the first 300 characters of the body. */
const texts = (idea: string) => `${idea}.id, ${idea}.campaign_id, ${idea}.title, left(${idea}.body, 300)`;
/** The ideas it may show, as LISTED_IDEA says (server/src/database/predicates.ts) and the list indexes do. */
const LISTED = (idea: string) => `${idea}.visibility = 'VISIBLE' AND ${idea}.status <> 'WITHDRAWN'`;
/**
 * The copy of every listed idea and the two index builds are single statements that grow with the ideas
 * (300,000 ideas: about 9 s for the whole migration on the bench's machine), and this transaction only
 * (migrations run one transaction each) may take longer than the connection's 10 s statement timeout.
 */
const LONG_ENOUGH = "SET LOCAL statement_timeout = '10min'";
/** What rewrites or removes an idea's row: a change of its texts or campaign, or of whether it is listed. */
const CHANGED = [
  ...['title', 'body', 'campaign_id'].map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`),
  `(${LISTED('OLD')}) IS DISTINCT FROM (${LISTED('NEW')})`,
].join(' OR ');

/**
 * similarIdeas walks two trigram indexes of their own table, one of titles and one of the bodies' first 300
 * characters, instead of one index of `title || body` on `ideas`; the table holds listed ideas only, so the
 * walks need not read `ideas` to leave the others out. A walk for the nearest ideas opens every entry whose
 * bound admits the typed words; hundreds of a campaign's ideas hold both words of a two-word probe somewhere
 * in their title and body together, far fewer in their title alone or in their body alone (300 two-word
 * probes over campaigns of 2,000 ideas sharing one vocabulary: 2.8 ms each, against 1.2 ms for both walks).
 * The table is written when an idea is and when its title, body or listing changes: votes never touch it,
 * and `ideas` loses a generated column and a GiST index that every vote rewrote. Ideas module (decision 0019).
 */
export class SimilarTexts1795998000000 implements MigrationInterface {
  name = 'SimilarTexts1795998000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(LONG_ENOUGH);
    await runner.query(`CREATE TABLE idea_similar_texts (
        idea_id uuid PRIMARY KEY REFERENCES ideas(id) ON DELETE CASCADE,
        campaign_id uuid NOT NULL,
        title text NOT NULL,
        body text NOT NULL
      )`);
    await runner.query(`CREATE FUNCTION consulta_idea_similar_texts() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF ${LISTED('NEW')} THEN
          INSERT INTO idea_similar_texts (idea_id, campaign_id, title, body) VALUES (${texts('NEW')})
            ON CONFLICT (idea_id) DO UPDATE
              SET campaign_id = EXCLUDED.campaign_id, title = EXCLUDED.title, body = EXCLUDED.body;
        ELSE
          DELETE FROM idea_similar_texts WHERE idea_id = NEW.id;
        END IF;
        RETURN NULL;
      END $$`);
    await runner.query(`CREATE TRIGGER ideas_similar_texts_insert AFTER INSERT ON ideas
      FOR EACH ROW EXECUTE FUNCTION consulta_idea_similar_texts()`);
    await runner.query(`CREATE TRIGGER ideas_similar_texts_update
      AFTER UPDATE OF title, body, campaign_id, visibility, status ON ideas
      FOR EACH ROW WHEN (${CHANGED})
      EXECUTE FUNCTION consulta_idea_similar_texts()`);
    await runner.query(
      `INSERT INTO idea_similar_texts (idea_id, campaign_id, title, body) SELECT ${texts('i')} FROM ideas i WHERE ${LISTED('i')}`,
    );
    for (const column of ['title', 'body']) {
      await runner.query(
        `CREATE INDEX idea_similar_texts_${column}_idx ON idea_similar_texts
          USING gist (campaign_id, ${column} gist_trgm_ops(siglen = 256))`,
      );
    }
    await runner.query('ANALYZE idea_similar_texts');
    await runner.query('DROP INDEX ideas_similar_nearest_idx');
    await runner.query('ALTER TABLE ideas DROP COLUMN similar_text');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(LONG_ENOUGH);
    await runner.query(
      `ALTER TABLE ideas ADD COLUMN similar_text text GENERATED ALWAYS AS (lower(title || ' ' || left(body, 300))) STORED`,
    );
    await runner.query(
      `CREATE INDEX ideas_similar_nearest_idx ON ideas USING gist (campaign_id, similar_text gist_trgm_ops(siglen = 256))
        WHERE visibility = 'VISIBLE' AND status <> 'WITHDRAWN'`,
    );
    await runner.query('DROP TRIGGER ideas_similar_texts_update ON ideas');
    await runner.query('DROP TRIGGER ideas_similar_texts_insert ON ideas');
    await runner.query('DROP FUNCTION consulta_idea_similar_texts()');
    await runner.query('DROP TABLE idea_similar_texts');
  }
}
