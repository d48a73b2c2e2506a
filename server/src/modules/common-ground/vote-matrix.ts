import { BadInputError } from '../../common/errors/domain-error.js';
import { fieldMessage } from '../../common/errors/field-message.js';
import { fromGlobalId } from '../../common/graphql/global-id.js';
import type { VoteMatrix } from './fit.js';

/** The vote matrix's columns, as the open data publishes them. */
export const VOTE_MATRIX_HEADER = 'idea_id,voter,value';

/**
 * A published vote matrix read back: people numbered by pseudonym and ideas by their uuid (the order the
 * site numbers ideas in, so the same fit starts the same way), votes sorted by person then idea.
 */
export function matrixFromCsv(text: string): { matrix: VoteMatrix; ideaIds: string[] } {
  const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
  if (lines[0] !== VOTE_MATRIX_HEADER)
    throw new BadInputError({ file: fieldMessage('voteMatrixHeader', { header: VOTE_MATRIX_HEADER }) });
  const rows = lines.slice(1).map((line, n) => {
    const [ideaId, voter, value] = line.split(',');
    const idea = ideaId ? fromGlobalId(ideaId) : null;
    if (!idea || idea.type !== 'Idea' || !voter || (value !== '1' && value !== '-1')) {
      throw new BadInputError({ file: fieldMessage('voteMatrixLine', { line: n + 2 }) });
    }
    return { idea: idea.id, ideaId, voter, value: Number(value) };
  });
  const ideas = [...new Map(rows.map((r) => [r.idea, r.ideaId])).entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  const voters = [...new Set(rows.map((r) => r.voter))].sort();
  const ideaIndex = new Map(ideas.map(([uuid], i) => [uuid, i]));
  const voterIndex = new Map(voters.map((voter, i) => [voter, i]));
  const sorted = rows
    .map((r) => ({ p: voterIndex.get(r.voter)!, i: ideaIndex.get(r.idea)!, value: r.value }))
    .sort((a, b) => a.p - b.p || a.i - b.i);
  return {
    ideaIds: ideas.map(([, globalId]) => globalId),
    matrix: {
      people: voters.length,
      ideas: ideas.length,
      person: Int32Array.from(sorted, (r) => r.p),
      idea: Int32Array.from(sorted, (r) => r.i),
      value: Int8Array.from(sorted, (r) => r.value),
    },
  };
}
