import { nextPath } from './return-path';

const next = (value: string) => nextPath(new URLSearchParams({ next: value }));

describe('the path after signing in', () => {
  it('keeps a path of this site, with its query', () => {
    expect(next('/ideas/abc?x=1')).toBe('/ideas/abc?x=1');
    expect(next('/campaigns/better-parks-for-summer')).toBe('/campaigns/better-parks-for-summer');
    expect(nextPath(new URLSearchParams())).toBe('/');
  });

  it('refuses anything that could leave the site', () => {
    for (const value of ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', 'ideas']) {
      expect(next(value)).toBe('/');
    }
  });
});
