import type { FastifyInstance } from 'fastify';

const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Consulta API</title><link rel="icon" href="/favicon.svg" type="image/svg+xml"></head>
<body style="font-family:Arial,Helvetica,sans-serif;margin:24px;color:#1b1b1b;line-height:1.5;max-width:40rem">
<main>
<h1>This is Consulta's GraphQL API</h1>
<p>Programs send it queries with <code>POST /graphql</code> and a JSON body. The <a href="/developers">developer page</a> explains how, with examples, the schema, tokens, downloads and feeds.</p>
<p lang="es">Esta es la API GraphQL de Consulta. La <a href="/developers">página para desarrolladores</a> explica cómo usarla.</p>
</main>
</body>
</html>
`;

/**
 * A browser that opens `/graphql` (a GET asking for HTML, with no query) gets a short page pointing to the
 * developer page, instead of the API's refusal of a request without a query.
 */
export function installGraphqlLandingPage(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET') return;
    const [path, search] = request.url.split('?');
    if (path !== '/graphql' || (search && /(^|&)query=/.test(search))) return;
    if (!String(request.headers.accept ?? '').includes('text/html')) return;
    await reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(PAGE);
  });
}
