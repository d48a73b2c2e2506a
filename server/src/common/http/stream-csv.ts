import { csvLine, type Cell } from '@consulta/shared';
import type { FastifyReply } from 'fastify';

/**
 * Writes a CSV table to a response whose head is sent: the header row, then each row as it comes, waiting
 * when the client reads slowly. A failure half-way breaks the connection instead of ending the file, so no
 * client takes a cut table for a whole one.
 */
export async function streamCsv(
  reply: FastifyReply,
  header: readonly string[],
  rows: AsyncIterable<Cell[]>,
  prefix = '',
): Promise<void> {
  try {
    reply.raw.write(`${prefix}${csvLine([...header])}`);
    for await (const row of rows) {
      if (!reply.raw.write(csvLine(row))) await new Promise((resolve) => reply.raw.once('drain', resolve));
    }
    reply.raw.end();
  } catch (error) {
    reply.log.error({ err: error }, 'a streamed table failed half-way');
    reply.raw.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}
