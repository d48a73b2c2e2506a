import { one, rows as sqlRows, type Executor } from '../../database/sql.js';
import { decodeCursor, encodeCursor, pageSize, toConnection, type ConnectionShape } from './connection.js';

/** A table listed by (created_at, id), oldest or newest first: logs, queues, comment threads. */
export interface TimeListing {
  /** The cursor's order name, so a cursor from another listing is refused. */
  order: string;
  select: string;
  /** The table, with its alias if `where` uses one. */
  from: string;
  /** The alias with its dot (`f.`), or empty. */
  alias?: string;
  /** Conditions on `$1`..`$n` of `params`. */
  where: string;
  params: unknown[];
  direction: 'ASC' | 'DESC';
}

/** One keyset page of the listing, with a lazily counted total. */
export async function listByTime<R extends { created_at: Date | string; id: string }>(
  executor: Executor,
  listing: TimeListing,
  page: { first?: number | null; after?: string | null },
): Promise<ConnectionShape<R>> {
  const size = pageSize(page.first);
  const cursor = decodeCursor(page.after, listing.order, ['timestamptz', 'uuid']);
  const n = listing.params.length;
  const a = listing.alias ?? '';
  const past = listing.direction === 'ASC' ? '>' : '<';
  const rows = await sqlRows<R>(
    executor,
    `SELECT ${listing.select} FROM ${listing.from} WHERE ${listing.where}
        AND ($${n + 1}::timestamptz IS NULL OR (${a}created_at, ${a}id) ${past} ($${n + 1}::timestamptz, $${n + 2}::uuid))
      ORDER BY ${a}created_at ${listing.direction}, ${a}id ${listing.direction} LIMIT $${n + 3}`,
    [...listing.params, cursor?.[0] ?? null, cursor?.[1] ?? null, size + 1],
  );
  const count = async () =>
    (await one<{ n: number }>(
      executor,
      `SELECT count(*)::int AS n FROM ${listing.from} WHERE ${listing.where}`,
      listing.params,
    ))!.n;
  return toConnection(
    rows,
    size,
    (row) => encodeCursor(listing.order, [new Date(row.created_at).toISOString(), row.id]),
    (row) => row,
    count,
    cursor !== null,
  );
}
