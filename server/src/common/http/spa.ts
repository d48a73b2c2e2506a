import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { escapeHtml } from './escape-html.js';

const API_PREFIXES = ['/graphql', '/health'];

export interface PagePreview {
  title: string;
  description: string;
  /** The page's own Atom feed, besides the site's. */
  feed?: { title: string; href: string };
  /** The page's oEmbed endpoint (absolute), for content systems that embed a pasted link. */
  oembed?: { title: string; href: string };
}

export type PreviewFor = (path: string) => Promise<PagePreview>;

const SITE_FEED = { title: 'Consulta: new consultations', href: '/feed.atom' };

/** index.html with the page's title and Open Graph tags, for link previews (crawlers run no JavaScript). */
export function withPreview(html: string, preview: PagePreview): string {
  const title = escapeHtml(preview.title);
  const description = escapeHtml(preview.description);
  const tags = [
    `<meta name="description" content="${description}" />`,
    `<meta property="og:type" content="website" />`,
    `<meta property="og:site_name" content="Consulta" />`,
    `<meta property="og:title" content="${title}" />`,
    `<meta property="og:description" content="${description}" />`,
    `<meta name="twitter:card" content="summary" />`,
    ...[SITE_FEED, ...(preview.feed ? [preview.feed] : [])].map(
      (feed) =>
        `<link rel="alternate" type="application/atom+xml" title="${escapeHtml(feed.title)}" href="${escapeHtml(feed.href)}" />`,
    ),
    ...(preview.oembed
      ? [
          `<link rel="alternate" type="application/json+oembed" title="${escapeHtml(preview.oembed.title)}" href="${escapeHtml(preview.oembed.href)}" />`,
        ]
      : []),
  ].join('\n    ');
  // A function, so that "$&" or "$'" in a title is text, not a replacement pattern.
  return html.replace(/<title>[^<]*<\/title>/, () => `<title>${title}</title>\n    ${tags}`);
}

/**
 * Serves the built SPA from `root`: hashed assets with long caching, and index.html for any other GET that
 * asks for HTML, so client-side routes survive a reload. Without a build, `/` says how to make one.
 */
export async function serveSpa(fastify: FastifyInstance, root: string, previewFor?: PreviewFor): Promise<void> {
  const indexFile = join(root, 'index.html');
  const hasBuild = existsSync(indexFile);
  const indexHtml = hasBuild ? readFileSync(indexFile, 'utf8') : '';
  if (hasBuild) {
    // Loaded only when there is something to serve (it is CommonJS requiring ESM, which Jest cannot load).
    const { default: fastifyStatic } = await import('@fastify/static');
    await fastify.register(fastifyStatic, {
      root,
      prefix: '/',
      index: false,
      wildcard: false,
      setHeaders: (res, path) => {
        res.header(
          'cache-control',
          path.includes(`${join(root, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  // Static routes (/graphql, /health, each asset) win over this wildcard in Fastify's router.
  fastify.get('/*', async (request, reply) => {
    // Browsers ask for text/html; link-preview crawlers often send */* or nothing.
    const accept = String(request.headers.accept ?? '');
    const looksLikeFile = /\.[A-Za-z0-9]{1,8}$/.test(request.url.split('?')[0]!);
    const wantsHtml = accept.includes('text/html') || (!looksLikeFile && (!accept || accept.includes('*/*')));
    const isApi = API_PREFIXES.some((prefix) => request.url.startsWith(prefix));
    if (wantsHtml && !isApi) {
      if (!hasBuild) {
        return reply.type('text/plain; charset=utf-8').send('The web app is not built. Run: npm run build');
      }
      const path = request.url.split('?')[0]!;
      const preview = previewFor ? await previewFor(path).catch(() => null) : null;
      const html = preview ? withPreview(indexHtml, preview) : indexHtml;
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
    }
    return reply.code(404).send({ error: 'Not Found', statusCode: 404 });
  });
}
