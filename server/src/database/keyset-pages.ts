/** A keyset position: (created_at, id) of the last row read. */
export type After = [Date, string] | null;

/**
 * Rows of a table read in keyset pages of `batch`, oldest first, each page mapped as it comes, so a whole
 * table is streamed with one page in memory at a time.
 */
export async function* keysetPages<Row extends { created_at: Date; id: string }, Out>(
  page: (after: After) => Promise<Row[]>,
  map: (row: Row) => Out | Promise<Out>,
  batch: number,
): AsyncGenerator<Out> {
  let after: After = null;
  for (;;) {
    const rows = await page(after);
    for (const row of rows) yield await map(row);
    if (rows.length < batch) return;
    const last = rows[rows.length - 1]!;
    after = [last.created_at, last.id];
  }
}
