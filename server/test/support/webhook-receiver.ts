import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedHook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What a path answers: a status (with a Location for 3xx), or 'hang' to never answer. */
export type HookAnswer = number | 'hang' | { status: number; location: string };

/**
 * A real HTTP receiver on loopback for webhook tests: it records every request and answers each path with
 * the statuses queued for it (then 200).
 */
export async function startReceiver() {
  const received: ReceivedHook[] = [];
  const answers = new Map<string, HookAnswer[]>();
  const hanging: ServerResponse[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const queued = answers.get(path);
      const answer = (queued && queued.length > 1 ? queued.shift() : queued?.[0]) ?? 200;
      if (answer === 'hang') {
        hanging.push(response);
        return;
      }
      if (typeof answer === 'object') {
        response.writeHead(answer.status, { location: answer.location }).end();
        return;
      }
      response.writeHead(answer, { 'content-type': 'text/plain' }).end(answer < 300 ? 'ok' : 'no');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    at: (path: string) => received.filter((hook) => hook.path === path),
    /** Answers for `path`, in order; the last one repeats. */
    answer(path: string, ...queued: HookAnswer[]) {
      answers.set(path, queued);
    },
    async stop() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;
