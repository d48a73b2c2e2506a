import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The lexemes a title term may hold: the ones a single-word search can name (see ranked-page.ts). */
const TERM = "'^[[:alnum:]]+$'";

/**
 * Each lexeme of each idea's title, with the idea's search rank for that lexeme alone, in the order a
 * single-word search shows them: the title matches of one common word are read best first from a btree and
 * cut at the page, instead of ranking thousands of them. Kept by triggers when an idea is written or its
 * title or text changes (votes change neither, so they never touch it); ideas module.
 */
export class TitleTerms1795995000000 implements MigrationInterface {
  name = 'TitleTerms1795995000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE idea_title_terms (
        idea_id uuid NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
        lexeme text NOT NULL,
        rank real NOT NULL,
        PRIMARY KEY (idea_id, lexeme)
      )`);
    await runner.query(
      'CREATE INDEX idea_title_terms_ranked_idx ON idea_title_terms (lexeme, rank DESC, idea_id DESC)',
    );
    const terms = (idea: string) =>
      `SELECT ${idea}.id, l, ts_rank_cd(${idea}.search, quote_literal(l)::tsquery)
         FROM unnest(tsvector_to_array(to_tsvector('english', ${idea}.title))) l WHERE l ~ ${TERM}`;
    await runner.query(`CREATE FUNCTION consulta_idea_title_terms() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          DELETE FROM idea_title_terms WHERE idea_id = NEW.id;
        END IF;
        INSERT INTO idea_title_terms (idea_id, lexeme, rank) ${terms('NEW')};
        RETURN NULL;
      END $$`);
    await runner.query(`CREATE TRIGGER ideas_title_terms_insert AFTER INSERT ON ideas
      FOR EACH ROW EXECUTE FUNCTION consulta_idea_title_terms()`);
    await runner.query(`CREATE TRIGGER ideas_title_terms_update AFTER UPDATE OF title, body ON ideas
      FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.body IS DISTINCT FROM NEW.body)
      EXECUTE FUNCTION consulta_idea_title_terms()`);
    await runner.query(
      `INSERT INTO idea_title_terms (idea_id, lexeme, rank) SELECT t.* FROM ideas i, LATERAL (${terms('i')}) t`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER ideas_title_terms_update ON ideas');
    await runner.query('DROP TRIGGER ideas_title_terms_insert ON ideas');
    await runner.query('DROP FUNCTION consulta_idea_title_terms()');
    await runner.query('DROP TABLE idea_title_terms');
  }
}
