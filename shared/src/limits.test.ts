import { SLUG_PATTERN, slugify } from './limits.js';

describe('slugify', () => {
  it.each([
    ['Department of Transportation', 'department-of-transportation'],
    ['  Parques y Recreación  ', 'parques-y-recreacion'],
    ['A -- B', 'a-b'],
    ['!!!', ''],
  ])('turns %p into %p', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it('never ends with a hyphen after truncation', () => {
    const slug = slugify('abc def', 4);
    expect(slug).toBe('abc');
    expect(SLUG_PATTERN.test(slug)).toBe(true);
  });
});
