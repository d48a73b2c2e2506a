import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';

const API_PREFIXES = ['/graphql', '/health'];

/**
 * Serves the built SPA from `root`: hashed assets with long caching, and index.html for any other GET that
 * asks for HTML, so client-side routes survive a reload. Without a build, `/` says how to make one.
 */
export async function serveSpa(fastify: FastifyInstance, root: string): Promise<void> {
  const indexFile = join(root, 'index.html');
  const hasBuild = existsSync(indexFile);
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
  fastify.get('/*', (request, reply) => {
    const wantsHtml = String(request.headers.accept ?? '').includes('text/html');
    const isApi = API_PREFIXES.some((prefix) => request.url.startsWith(prefix));
    if (wantsHtml && !isApi) {
      if (!hasBuild) {
        return reply.type('text/plain; charset=utf-8').send('The web app is not built. Run: npm run build');
      }
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(readFileSync(indexFile));
    }
    return reply.code(404).send({ error: 'Not Found', statusCode: 404 });
  });
}
