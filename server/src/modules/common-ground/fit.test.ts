import { commonGroundScores, fitCommonGround, type VoteMatrix } from './fit.js';

/** A seeded generator, so every synthetic data set is the same on every run. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 2246822519) + 0x9e3779b9) >>> 0;
    return state / 2 ** 32;
  };
}

class Votes {
  private readonly rows: Array<[number, number, number]> = [];
  people = 0;
  constructor(readonly ideas: number) {}
  person(): number {
    return this.people++;
  }
  vote(person: number, idea: number, value: 1 | -1) {
    this.rows.push([person, idea, value]);
  }
  matrix(): VoteMatrix {
    return {
      people: this.people,
      ideas: this.ideas,
      person: Int32Array.from(this.rows, (r) => r[0]),
      idea: Int32Array.from(this.rows, (r) => r[1]),
      value: Int8Array.from(this.rows, (r) => r[2]),
    };
  }
  /** Net score per idea: what TOP ranks by. */
  scores(): number[] {
    const out = new Array<number>(this.ideas).fill(0);
    for (const [, idea, value] of this.rows) out[idea]! += value;
    return out;
  }
}

const byDescending = (values: Array<number | null>) =>
  values
    .map((value, index) => ({ value: value ?? -Infinity, index }))
    .sort((a, b) => b.value - a.value || a.index - b.index)
    .map((e) => e.index);

/**
 * Two camps: each votes its own ideas up and the other camp's down; idea 0 is the bridge, supported by a
 * part of both camps. Camp A's ideas are 1..4, camp B's 5..8.
 */
function twoCamps(sizeA: number, sizeB: number, seed: number, noise = 0): Votes {
  const next = random(seed);
  const votes = new Votes(9);
  const flip = (value: 1 | -1): 1 | -1 => (next() < noise ? (-value as 1 | -1) : value);
  for (const [size, own] of [
    [sizeA, [1, 2, 3, 4]],
    [sizeB, [5, 6, 7, 8]],
  ] as const) {
    for (let k = 0; k < size; k++) {
      const person = votes.person();
      for (let idea = 1; idea <= 8; idea++) {
        if (next() < 0.8) votes.vote(person, idea, flip((own as readonly number[]).includes(idea) ? 1 : -1));
      }
      const r = next();
      if (r < 0.4) votes.vote(person, 0, flip(1));
      else if (r < 0.6) votes.vote(person, 0, flip(-1));
    }
  }
  return votes;
}

describe('common ground', () => {
  it('ranks the idea both camps support first, where TOP ranks the big camp’s favourite first', () => {
    const votes = twoCamps(120, 40, 1);
    const top = byDescending(votes.scores());
    expect([1, 2, 3, 4]).toContain(top[0]);
    const ground = commonGroundScores(fitCommonGround(votes.matrix()), 5);
    expect(byDescending(ground)[0]).toBe(0);
    // The viewpoint axis is what does it: without factors (intercepts alone, i.e. the share of up votes),
    // the big camp's favourite, with a larger share of up votes than the bridge, stays first.
    const interceptsAlone = commonGroundScores(fitCommonGround(votes.matrix(), { factorPenalty: 1e12 }), 5);
    expect(byDescending(interceptsAlone)[0]).not.toBe(0);
  });

  it('keeps the same order with camps of equal size and random noise', () => {
    const orders = [11, 12, 13, 14, 15].map((seed) => {
      const ground = commonGroundScores(fitCommonGround(twoCamps(80, 80, seed, 0.1).matrix()), 5);
      return byDescending(ground)[0];
    });
    expect(orders).toEqual([0, 0, 0, 0, 0]);
  });

  it('follows the share of up votes when votes have no viewpoint structure', () => {
    const next = random(7);
    const ideas = 30;
    const votes = new Votes(ideas);
    const shareUp = Array.from({ length: ideas }, (_, i) => 0.1 + (0.8 * i) / (ideas - 1));
    for (let k = 0; k < 300; k++) {
      const person = votes.person();
      for (let idea = 0; idea < ideas; idea++) {
        if (next() < 0.5) votes.vote(person, idea, next() < shareUp[idea]! ? 1 : -1);
      }
    }
    const ground = commonGroundScores(fitCommonGround(votes.matrix()), 5) as number[];
    // Spearman's rank correlation between common ground and the share of up votes.
    const rank = (values: number[]) => {
      const order = byDescending(values);
      const out = new Array<number>(values.length);
      order.forEach((index, position) => (out[index] = position));
      return out;
    };
    const a = rank(ground);
    const b = rank(shareUp);
    const n = ideas;
    const d2 = a.reduce((sum, r, i) => sum + (r - b[i]!) ** 2, 0);
    expect(1 - (6 * d2) / (n * (n * n - 1))).toBeGreaterThan(0.9);
  });

  it('is deterministic, and null below the minimum number of votes', () => {
    const matrix = twoCamps(40, 30, 3).matrix();
    const first = commonGroundScores(fitCommonGround(matrix), 5);
    const again = commonGroundScores(fitCommonGround(matrix), 5);
    expect(again).toEqual(first);
    const few = new Votes(2);
    for (let k = 0; k < 4; k++) few.vote(few.person(), 0, 1);
    for (let k = 0; k < 5; k++) few.vote(few.person(), 1, 1);
    const scores = commonGroundScores(fitCommonGround(few.matrix()), 5);
    expect(scores[0]).toBeNull();
    expect(typeof scores[1]).toBe('number');
  });
});
