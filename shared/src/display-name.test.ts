import { displayNameProblem, graphemeLength, normalizeDisplayName } from './display-name.js';

describe('display names', () => {
  it('are NFKC-normalised, trimmed, with single spaces', () => {
    expect(normalizeDisplayName('  Ｏｍａｒ   Okafor ')).toBe('Omar Okafor');
    expect(normalizeDisplayName('ﬁona')).toBe('fiona');
    expect(normalizeDisplayName('Ame\u0301lie')).toBe('Amélie');
  });

  it('refuse text-direction and other control characters', () => {
    for (const name of ['Admin\u202Enimda', 'Bob\u2066x', 'Eve\u200F', 'Tab\u0009name', 'Null\u0000', 'C1\u0085x']) {
      expect(displayNameProblem(name)).toEqual({ key: 'nameControls' });
    }
  });

  it('refuse names made only of invisible characters', () => {
    for (const name of ['\u200B\u200B', '\u3164', '\u2800\u2800', '\u00AD', '\u034F\u034F', '\uFFA0']) {
      expect(displayNameProblem(name)).toEqual({ key: 'nameInvisible' });
    }
    expect(displayNameProblem('   ')).toEqual({ key: 'lengthBetween', values: { min: 1, max: 80 } });
  });

  it('count length in graphemes, as readers see characters', () => {
    const family = '👩‍👩‍👧‍👦';
    expect(graphemeLength(family)).toBe(1);
    expect(family.length).toBe(11);
    expect(displayNameProblem(family.repeat(80))).toBeNull();
    expect(displayNameProblem(family.repeat(81))).toEqual({ key: 'lengthBetween', values: { min: 1, max: 80 } });
    expect(displayNameProblem('José Ñúñez')).toBeNull();
    expect(displayNameProblem('李小龍')).toBeNull();
  });
});
