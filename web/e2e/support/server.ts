import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../server/src/config/config.js';
import { createTestDatabase, type TestDatabase } from '../../../server/test/support/database.js';
import { freePort } from '../../../server/test/support/processes.js';
import { startSmtpSink, type SmtpSink } from '../../../server/test/support/smtp.js';

export interface RunningServer {
  url: string;
  db: TestDatabase;
  output: string[];
  /** The real SMTP server the product mails to (production needs one). */
  mail: SmtpSink;
  stop(): Promise<void>;
}

async function demoReady(url: string): Promise<boolean> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation { signIn(input: { email: "moderator@example.org", password: "consulta-demo-2026" }) { token } }`,
    }),
  }).catch(() => null);
  const token = response?.ok ? ((await response.json()) as any).data?.signIn?.token : null;
  if (!token) return false;
  const queue = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ moderationQueue { totalCount } }' }),
  });
  return (((await queue.json()) as any).data?.moderationQueue?.totalCount ?? 0) > 0;
}

/** The built product as a newcomer runs it (server/dist serving web/dist), on a fresh database. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const db = await createTestDatabase();
  const mail = await startSmtpSink();
  const port = await freePort();
  const output: string[] = [];
  const child: ChildProcess = spawn(process.execPath, [join(REPO_ROOT, 'server/dist/server/src/main.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: db.url,
      LOG_LEVEL: 'warn',
      // The browser suites sign in, vote and post many times a minute from one address.
      RATE_LIMIT_PER_MINUTE: '0',
      SEED_DEMO: 'true',
      SMTP_URL: mail.url,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => output.push(String(chunk)));
  child.stderr?.on('data', (chunk) => output.push(String(chunk)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output.join('')}`);
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    // Healthy, and (when asked for) the demo data has finished loading: its last piece is the flag.
    if (ok && (await demoReady(url))) break;
    if (Date.now() > deadline) throw new Error(`server did not become healthy: ${output.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    db,
    output,
    mail,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await db.drop();
      await mail.stop();
    },
  };
}
