import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ConfigError, loadConfig, REPO_ROOT } from './config.js';

describe('loadConfig', () => {
  it('has documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      nodeEnv: 'development',
      databaseUrl: undefined,
      port: 3000,
      logLevel: 'info',
      runMigrations: true,
      redisUrl: undefined,
      seedDemo: true,
      trustProxy: false,
      workers: true,
      openDataVoteMatrix: false,
      commonGround: { intervalSeconds: 300, minVotes: 5 },
    });
  });

  it('reads every documented variable', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgresql://u:p@db:5432/consulta',
      PORT: '8080',
      LOG_LEVEL: 'warn',
      RUN_MIGRATIONS: 'false',
      REDIS_URL: 'redis://cache:6379',
      TRUST_PROXY: '1',
      SMTP_URL: 'smtps://user:secret@mail.example.org:465',
      MAIL_FROM: 'Consulta <no-reply@example.org>',
      PUBLIC_URL: 'https://consulta.example.org/',
      MAIL_PER_SECOND: '50',
    });
    expect(config).toMatchObject({
      nodeEnv: 'production',
      databaseUrl: 'postgresql://u:p@db:5432/consulta',
      host: '0.0.0.0',
      port: 8080,
      logLevel: 'warn',
      runMigrations: false,
      redisUrl: 'redis://cache:6379',
      seedDemo: false,
      trustProxy: 1,
      mail: {
        smtpUrl: 'smtps://user:secret@mail.example.org:465',
        from: 'Consulta <no-reply@example.org>',
        publicUrl: 'https://consulta.example.org',
        perSecond: 50,
      },
    });
  });

  it('stops in production without SMTP_URL, with the line that says what to set', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /^Invalid configuration: SMTP_URL is required in production/,
    );
    expect(loadConfig({ NODE_ENV: 'development', PORT: '4000' }).mail).toMatchObject({
      smtpUrl: undefined,
      publicUrl: 'http://localhost:4000',
    });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['NODE_ENV', 'staging'],
    ['LOG_LEVEL', 'loud'],
    ['RUN_MIGRATIONS', 'maybe'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['DATABASE_URL', 'not a url'],
    ['REDIS_URL', 'http://cache'],
    ['TRUST_PROXY', '11'],
    ['TRUST_PROXY', '10.0.0.0/33'],
    ['TRUST_PROXY', '127.0.0.1,proxy.example.org'],
    ['SMTP_URL', 'http://mail.example.org'],
    ['PUBLIC_URL', 'ftp://example.org'],
    ['MAIL_FROM', 'not an address'],
    ['MAIL_PER_SECOND', '0'],
  ])('refuses %s=%p, naming the variable', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
  });

  it('reads TRUST_PROXY as a flag, a hop count or a list of proxies', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1,loopback' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      '::1',
      'loopback',
    ]);
  });

  it('stops the server at boot with one line naming the bad variable', () => {
    const result = spawnSync(process.execPath, [join(REPO_ROOT, 'server/dist/server/src/main.js')], {
      env: { PATH: process.env.PATH, PORT: 'not-a-port' },
      encoding: 'utf8',
      timeout: 20000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'Invalid configuration: PORT must be a whole number from 0 to 65535 (got "not-a-port")',
    ]);
    expect(result.stdout).toBe('');
  });
});
