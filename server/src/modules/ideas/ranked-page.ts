import {
  decodeCursor,
  encodeCursor,
  pageSize,
  toConnection,
  type ConnectionShape,
} from '../../common/graphql/connection.js';
import { BadInputError } from '../../common/errors/domain-error.js';
import { fieldMessage } from '../../common/errors/field-message.js';
import { PLANNED_EACH_TIME } from '../../database/prepared-pg.js';
import { rows as sqlRows, type Executor } from '../../database/sql.js';
import { IDEA_COLUMNS } from './idea.entity.js';
import { listExtras, type ListRow } from './listed-idea.js';

/** A ranked search over `from` and its conditions; `text` is the placeholder ($n) of the query's words. */
export interface RankedQuery {
  from: string;
  conditions: string[];
  params: unknown[];
  text: string;
  /** Given (null when signed out): each row also carries its author and the viewer's vote. */
  viewerId?: string | null;
  executor: Executor;
  count: () => Promise<number>;
  /**
   * Set for a search of every campaign: a query of one or two words then reads its title matches from
   * idea_title_terms, best first. A search of one campaign leaves it unset: the title index finds that
   * campaign's few matches, where the terms' order over every campaign could walk all of a common word's.
   */
  titleTerms?: boolean;
}

/**
 * A row of `idea_title_terms` (kept by triggers on ideas, see its migrations): one lexeme of an idea's title,
 * or two in byte order ("park tree"), and the idea's rank for them, ts_rank_cd(search, 'park & tree').
 */
export interface TitleTermRow {
  idea_id: string;
  terms: string;
  rank: number;
}

/** Matches a query of plain lexemes AND-ed together, as tsquery prints it: 'park' & 'tree'. */
const PLAIN_AND = `'^''[[:alnum:]]+''( & ''[[:alnum:]]+'')*$'`;

/**
 * The title terms a query reads (idea_title_terms.terms): its one or two lexemes in byte order, whatever their
 * order or repetition ("parks tree park" reads "park tree"), or null for any other query and for lexemes of
 * more than letters and digits, which the table does not keep (its migrations). Built-in immutable functions
 * only, so PostgreSQL computes it once while planning: array_to_tsvector sorts and de-duplicates the lexemes.
 */
const termsKey = (words: string) => {
  const lexemes = `tsvector_to_array(array_to_tsvector(regexp_split_to_array(btrim(${words}::text, ''''), ''' & ''')))`;
  return `(CASE WHEN ${words}::text ~ ${PLAIN_AND} THEN CASE WHEN cardinality(${lexemes}) <= 2
    THEN (${lexemes})[1] || coalesce(' ' || (${lexemes})[2], '') END END)`;
};

const CASTS = ['int', 'float8', 'uuid'] as const;

/**
 * A page of a ranked search, best first: ideas whose title holds the query (tier 1) before those that hold
 * it only in their text (tier 0), each tier by ts_rank_cd, then id. Each tier is its own part of one
 * statement, found by its own index and cut at the page size; PostgreSQL starts the second part only when
 * the first runs out, so a page of a common word ranks its title matches, not every idea that mentions it.
 */
export async function rankedPage<Node>(
  orderName: string,
  filter: { first?: number | null; after?: string | null },
  query: RankedQuery,
  toNode: (row: ListRow) => Node,
): Promise<ConnectionShape<Node>> {
  const size = pageSize(filter.first);
  const cursor = decodeCursor(filter.after, orderName, CASTS);
  if (cursor && cursor[0] !== 0 && cursor[0] !== 1) throw new BadInputError({ after: fieldMessage('cursorInvalid') });
  const params = [...query.params];
  const extras = listExtras(query.viewerId, params);
  const words = `websearch_to_tsquery('english', ${query.text})`;
  const rank = `ts_rank_cd(i.search, ${words})::float8`;
  const inTitle = `to_tsvector('english', i.title) @@ ${words}`;
  const limit = `$${params.push(size + 1)}`;
  // Past the cursor, when it is in this tier: (rank, id) below the cursor's, the rank compared as `cast`.
  const after = (tier: 0 | 1, key: string, cast: string) => {
    if (!cursor || cursor[0] !== tier) return '';
    const [rankAt, idAt] = [params.push(cursor[1]), params.push(cursor[2])];
    return ` AND ${key} < (CAST($${rankAt} AS float8)${cast}, CAST($${idAt} AS uuid))`;
  };
  const part = (tier: 0 | 1, only?: string) => {
    const keyset = after(tier, `(${rank}, i.id)`, '');
    const where = [...query.conditions, tier ? inTitle : `NOT (${inTitle})`, ...(only ? [only] : [])].join(' AND ');
    return `(SELECT ${IDEA_COLUMNS}, ${rank} AS rank, ${tier} AS tier${extras.columns} ${query.from}${extras.joins}
      WHERE ${where}${keyset} ORDER BY rank DESC, i.id DESC LIMIT ${limit})`;
  };
  // The title matches of one or two words, best first from idea_title_terms: the rank kept there is this
  // rank (the search vector ranked against those words), so the page, its order and its cursors are the same.
  const termsPart = () => {
    const keyset = after(1, '(t.rank, t.idea_id)', '::real');
    const where = [`t.terms = ${termsKey(words)}`, ...query.conditions].join(' AND ');
    return `(SELECT ${IDEA_COLUMNS}, t.rank::float8 AS rank, 1 AS tier${extras.columns}
      FROM idea_title_terms t JOIN ideas i ON i.id = t.idea_id${extras.joins}
      WHERE ${where}${keyset} ORDER BY t.rank DESC, t.idea_id DESC LIMIT ${limit})`;
  };
  const titleParts = query.titleTerms ? [termsPart(), part(1, `${termsKey(words)} IS NULL`)] : [part(1)];
  // Past a cursor in tier 0, the title matches are behind it.
  const parts = cursor && cursor[0] === 0 ? [part(0)] : [...titleParts, part(0)];
  const rows = await sqlRows<ListRow>(
    query.executor,
    parts.length === 1
      ? PLANNED_EACH_TIME + parts[0]
      : `${PLANNED_EACH_TIME}${parts.join(' UNION ALL ')} LIMIT ${limit}`,
    params,
  );
  // The parts come in order; a stable sort by tier keeps it so even if a plan ever interleaved them.
  rows.sort((a, b) => b.tier! - a.tier!);
  return toConnection(
    rows,
    size,
    (row) => encodeCursor(orderName, [row.tier, row.rank, row.id]),
    toNode,
    query.count,
    cursor !== null,
  );
}
