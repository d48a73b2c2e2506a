import MarkdownIt from 'markdown-it';

/**
 * The one Markdown renderer, used by the server to produce every `bodyHtml` and by the web app for
 * previews, so both show the same thing. Raw HTML is off (it is shown as text), images are off (no
 * tracking pixels), links may only be http(s) or mailto, and every link gets rel="nofollow ugc noopener".
 */
const SAFE_LINK = /^(https?:|mailto:)/i;

type Renderer = ReturnType<typeof MarkdownIt>;

function createRenderer(): Renderer {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
  md.disable(['image']);
  md.validateLink = (url: string) => SAFE_LINK.test(url.trim());
  const renderToken = md.renderer.renderToken.bind(md.renderer);
  md.renderer.rules.link_open = (tokens, index, options) => {
    const token = tokens[index]!;
    token.attrSet('rel', 'nofollow ugc noopener');
    token.attrSet('target', '_blank');
    return renderToken(tokens, index, options);
  };
  return md;
}

let renderer: Renderer | undefined;

export function renderMarkdown(source: string): string {
  renderer ??= createRenderer();
  return renderer.render(source);
}
