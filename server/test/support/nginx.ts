import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../src/config/config.js';
import { freePort } from './processes.js';
import { waitFor } from './wait.js';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));

/** A POST of a GraphQL document from a chosen loopback address (127.0.0.2, 127.0.0.3…), as a client would. */
export function postFrom(
  localAddress: string,
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ status: number; body: { data?: any; errors?: Array<{ extensions?: Record<string, any> }> } }> {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/graphql`,
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Debian's nginx, configured from web/nginx.conf (the deployment's own file) with only its upstream,
 * its listening address and its file paths changed, in front of an API on 127.0.0.1:`apiPort`.
 */
export class Nginx {
  private constructor(
    private readonly process: ChildProcess,
    private readonly dir: string,
    readonly url: string,
  ) {}

  static async start(apiPorts: number | number[]): Promise<Nginx> {
    const ports = Array.isArray(apiPorts) ? apiPorts : [apiPorts];
    const apiPort = ports[0]!;
    if (!NGINX) throw new Error('nginx is not installed: apt-get install nginx (.ci/run does)');
    const dir = mkdtempSync(join(tmpdir(), 'consulta-nginx-'));
    const port = await freePort();
    const site = readFileSync(join(REPO_ROOT, 'web/nginx.conf'), 'utf8')
      .replace(/server server:3000;/, ports.map((p) => `server 127.0.0.1:${p};`).join('\n  '))
      .replace(/listen 80;/, `listen 127.0.0.1:${port};`)
      .replace(/root \/usr\/share\/nginx\/html;/, `root ${dir};`);
    if (!site.includes(`127.0.0.1:${apiPort}`) || !site.includes(`listen 127.0.0.1:${port}`)) {
      throw new Error('web/nginx.conf no longer has the upstream or listen line this test rewrites');
    }
    writeFileSync(
      join(dir, 'nginx.conf'),
      `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  ${site}
}
`,
    );
    const child = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
    const nginx = new Nginx(child, dir, `http://127.0.0.1:${port}`);
    await waitFor('nginx to answer', async () => {
      try {
        return (await fetch(`${nginx.url}/health`)).status > 0;
      } catch {
        return false;
      }
    });
    return nginx;
  }

  async stop(): Promise<void> {
    if (this.process.exitCode === null) {
      const exited = new Promise((resolve) => this.process.once('exit', resolve));
      this.process.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
