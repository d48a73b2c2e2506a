import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The lexemes a title term may hold: the ones a one- or two-word search can name (see ranked-page.ts). */
const TERM = "'^[[:alnum:]]+$'";

/** An idea's title lexemes, as `l`, for the selects below. */
const lexemes = (idea: string) =>
  `WITH l AS (SELECT l FROM unnest(tsvector_to_array(to_tsvector('english', ${idea}.title))) l WHERE l ~ ${TERM})`;

/** Each lexeme with the idea's rank for it alone (all the table kept before this migration). */
const singles = (idea: string) =>
  `SELECT ${idea}.id, a.l, ts_rank_cd(${idea}.search, quote_literal(a.l)::tsquery) FROM l a`;

/** Each pair of an idea's title lexemes ("a b", in byte order) with its rank for both, 'a & b'. */
const pairs = (idea: string) => `SELECT ${idea}.id, a.l || ' ' || b.l,
    ts_rank_cd(${idea}.search, (quote_literal(a.l) || ' & ' || quote_literal(b.l))::tsquery)
  FROM l a JOIN l b ON a.l COLLATE "C" < b.l COLLATE "C"`;

/** Ideas whose pairs one statement of the backfill writes: well inside the statement timeout. */
const BACKFILL_BATCH = 2000;

const keep = (
  select: string,
) => `CREATE OR REPLACE FUNCTION consulta_idea_title_terms() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'UPDATE' THEN
      DELETE FROM idea_title_terms WHERE idea_id = NEW.id;
    END IF;
    INSERT INTO idea_title_terms ${select};
    RETURN NULL;
  END $$`;

/**
 * Two-word searches read their title matches best first too: idea_title_terms also keeps each pair of a
 * title's lexemes ("park tree", in byte order) with the idea's rank for both, and a query of one lexeme or
 * two reads the row its lexemes name (ranked-page.ts). ts_rank_cd sorts and de-duplicates a query's words
 * before ranking, so one row stands for every order and repetition of them.
 * A title of n lexemes keeps n(n+1)/2 rows: 21 to 55 for a usual title of 6 to 10, about 1,000 at most
 * (140 characters of two-letter words).
 */
export class TitleTermPairs1795996000000 implements MigrationInterface {
  name = 'TitleTermPairs1795996000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE idea_title_terms RENAME COLUMN lexeme TO terms');
    await runner.query(keep(`(idea_id, terms, rank) ${lexemes('NEW')} ${singles('NEW')} UNION ALL ${pairs('NEW')}`));
    // The lexemes are there already; each idea's pairs are added in batches of ideas, in id order.
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const [last] = await runner.query(
        `WITH batch AS (SELECT id, title, search FROM ideas WHERE id > $1 ORDER BY id LIMIT ${BACKFILL_BATCH}),
              added AS (INSERT INTO idea_title_terms (idea_id, terms, rank)
                          SELECT p.* FROM batch i, LATERAL (${lexemes('i')} ${pairs('i')}) p)
         SELECT max(id::text) AS id FROM batch`,
        [after],
      );
      if (!last?.id) break;
      after = last.id;
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query("DELETE FROM idea_title_terms WHERE terms LIKE '% %'");
    await runner.query('ALTER TABLE idea_title_terms RENAME COLUMN terms TO lexeme');
    await runner.query(keep(`(idea_id, lexeme, rank) ${lexemes('NEW')} ${singles('NEW')}`));
  }
}
