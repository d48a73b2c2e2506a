import { renderMarkdown } from './markdown.js';

describe('renderMarkdown', () => {
  it('renders ordinary Markdown', () => {
    expect(renderMarkdown('**Bold** and _it_\n\n- a\n- b')).toBe(
      '<p><strong>Bold</strong> and <em>it</em></p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n',
    );
  });

  it('marks links nofollow ugc noopener', () => {
    expect(renderMarkdown('[site](https://example.org)')).toContain(
      '<a href="https://example.org" rel="nofollow ugc noopener" target="_blank">site</a>',
    );
    expect(renderMarkdown('see https://example.org/x')).toContain('rel="nofollow ugc noopener"');
  });

  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](  javascript:alert(1))',
    '[x](data:text/html;base64,PHNjcmlwdD4=)',
    '[x](vbscript:msgbox)',
    '![x](https://tracker.example/pixel.png)',
    '<a href="javascript:alert(1)">x</a>',
    '<div onclick="alert(1)">x</div>',
    '[x](https://example.org" onmouseover="alert(1))',
  ])('leaves nothing executable in %p', (source) => {
    const html = renderMarkdown(source);
    expect(html).not.toMatch(/<script|<img|<div|<[^>]*\son\w+=|href="(javascript|data|vbscript):/i);
  });
});
