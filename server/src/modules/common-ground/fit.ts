/**
 * Common ground: the support an idea keeps once the main axis of disagreement among voters is explained
 * away. Votes (+1 / -1; no vote is missing, not a rating) are fitted as
 *
 *   vote ≈ μ + b_person + b_idea + f_person · f_idea
 *
 * with one factor dimension, by alternating least squares: every person's (b, f) is the exact ridge
 * solution given the ideas', then every idea's given the people's, then μ. The intercepts are regularised
 * five times more than the factors (0.15 and 0.03, as Community Notes does), so that agreement within one
 * camp is carried by the factors and only support across camps stays in b_idea: the idea's common ground.
 * Deterministic: people and ideas come in a fixed order, the factors start from a fixed sequence, and the
 * iteration count is fixed.
 */
export interface VoteMatrix {
  /** Number of people and of ideas; the votes refer to them by index. */
  people: number;
  ideas: number;
  person: Int32Array;
  idea: Int32Array;
  value: Int8Array;
}

export interface FitOptions {
  iterations?: number;
  interceptPenalty?: number;
  factorPenalty?: number;
}

export interface Fit {
  mu: number;
  ideaIntercept: Float64Array;
  ideaFactor: Float64Array;
  personIntercept: Float64Array;
  personFactor: Float64Array;
  votesPerIdea: Int32Array;
}

export const FIT_DEFAULTS = { iterations: 40, interceptPenalty: 0.15, factorPenalty: 0.03 };

/** Votes grouped by one side (people or ideas): offsets into an index of vote positions. */
function groupBy(keys: Int32Array, size: number): { start: Int32Array; order: Int32Array } {
  const start = new Int32Array(size + 1);
  for (let v = 0; v < keys.length; v++) start[keys[v]! + 1]!++;
  for (let k = 0; k < size; k++) start[k + 1]! += start[k]!;
  const next = start.slice(0, size);
  const order = new Int32Array(keys.length);
  for (let v = 0; v < keys.length; v++) order[next[keys[v]!]!++] = v;
  return { start, order };
}

/**
 * One side's update: for each entity, the (b, f) minimising Σ (r - μ - b_other - b - f·f_other)² + λb·b² +
 * λf·f² over its votes, a 2×2 linear system solved exactly.
 */
function solveSide(
  groups: { start: Int32Array; order: Int32Array },
  other: Int32Array,
  value: Int8Array,
  mu: number,
  otherIntercept: Float64Array,
  otherFactor: Float64Array,
  intercept: Float64Array,
  factor: Float64Array,
  penalties: { intercept: number; factor: number },
): void {
  for (let k = 0; k < intercept.length; k++) {
    let n = 0;
    let sf = 0;
    let sff = 0;
    let sr = 0;
    let srf = 0;
    for (let p = groups.start[k]!; p < groups.start[k + 1]!; p++) {
      const v = groups.order[p]!;
      const o = other[v]!;
      const f = otherFactor[o]!;
      const r = value[v]! - mu - otherIntercept[o]!;
      n++;
      sf += f;
      sff += f * f;
      sr += r;
      srf += r * f;
    }
    const a = n + penalties.intercept;
    const d = sff + penalties.factor;
    const det = a * d - sf * sf;
    intercept[k] = (d * sr - sf * srf) / det;
    factor[k] = (a * srf - sf * sr) / det;
  }
}

/** A fixed sequence in [-0.5, 0.5) to start the factors from (a linear congruential generator). */
function startingFactors(size: number, seed: number): Float64Array {
  const out = new Float64Array(size);
  let state = seed >>> 0;
  for (let k = 0; k < size; k++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[k] = state / 2 ** 32 - 0.5;
  }
  return out;
}

export function fitCommonGround(matrix: VoteMatrix, options: FitOptions = {}): Fit {
  const { iterations, interceptPenalty, factorPenalty } = { ...FIT_DEFAULTS, ...options };
  const votes = matrix.value.length;
  // The penalties apply to the mean of each group of parameters against the mean squared error, as in
  // Community Notes: per parameter, they weigh as much as the votes an average idea (or person) has.
  const perIdea = votes / Math.max(1, matrix.ideas);
  const perPerson = votes / Math.max(1, matrix.people);
  const ideaPenalties = { intercept: interceptPenalty * perIdea, factor: factorPenalty * perIdea };
  const personPenalties = { intercept: interceptPenalty * perPerson, factor: factorPenalty * perPerson };
  const byPerson = groupBy(matrix.person, matrix.people);
  const byIdea = groupBy(matrix.idea, matrix.ideas);
  const personIntercept = new Float64Array(matrix.people);
  const personFactor = new Float64Array(matrix.people);
  const ideaIntercept = new Float64Array(matrix.ideas);
  const ideaFactor = startingFactors(matrix.ideas, 20261201);
  let mu = 0;
  for (let iteration = 0; iteration < iterations; iteration++) {
    solveSide(
      byPerson,
      matrix.idea,
      matrix.value,
      mu,
      ideaIntercept,
      ideaFactor,
      personIntercept,
      personFactor,
      personPenalties,
    );
    solveSide(
      byIdea,
      matrix.person,
      matrix.value,
      mu,
      personIntercept,
      personFactor,
      ideaIntercept,
      ideaFactor,
      ideaPenalties,
    );
    let residual = 0;
    for (let v = 0; v < votes; v++) {
      const u = matrix.person[v]!;
      const i = matrix.idea[v]!;
      residual += matrix.value[v]! - personIntercept[u]! - ideaIntercept[i]! - personFactor[u]! * ideaFactor[i]!;
    }
    mu = residual / (votes * (1 + interceptPenalty));
  }
  const votesPerIdea = new Int32Array(matrix.ideas);
  for (let i = 0; i < matrix.ideas; i++) votesPerIdea[i] = byIdea.start[i + 1]! - byIdea.start[i]!;
  return { mu, ideaIntercept, ideaFactor, personIntercept, personFactor, votesPerIdea };
}

/** Each idea's common ground, or null below `minVotes` votes. */
export function commonGroundScores(fit: Fit, minVotes: number): Array<number | null> {
  return Array.from(fit.ideaIntercept, (b, i) => (fit.votesPerIdea[i]! >= minVotes ? b : null));
}
