import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The only reader of process.env. Every variable is parsed and checked here, at boot; a bad value stops
 * the process with one line that names the variable.
 */
export type NodeEnv = 'development' | 'production' | 'test';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type TrustProxy = boolean | number | string[];

export interface AppConfig {
  nodeEnv: NodeEnv;
  /** Undefined means: start an embedded PostgreSQL in `dataDir`. */
  databaseUrl: string | undefined;
  host: string;
  port: number;
  logLevel: LogLevel;
  /** LOG_FORMAT: json (production and tests) or pretty (one readable line per entry; development). */
  logFormat: 'json' | 'pretty';
  runMigrations: boolean;
  redisUrl: string | undefined;
  /** PostgreSQL read replicas for reads that tolerate lag (lists, search, downloads); empty: none. */
  databaseReplicaUrls: string[];
  /** After a person's own write, their reads go to the primary for this long (read-your-writes). */
  readYourWritesSeconds: number;
  /** How long this process may serve a campaign it read to viewers who did not just write (0: never). */
  campaignCacheSeconds: number;
  /** A query document asked for this many times runs compiled from then on (0: never compiled). */
  compiledQueryAfter: number;
  dataDir: string;
  webDist: string;
  /** Where the deployment's legal pages are (privacy.md, terms.md, accessibility.md, and .es.md); null: the defaults. */
  legalPagesDir: string | null;
  dbPoolSize: number;
  /** Prepare statements once per connection (off behind a pooler that shares connections per transaction). */
  dbPrepareStatements: boolean;
  dbStatementTimeoutMs: number;
  /** Load demo data into an embedded database on its first start. */
  seedDemo: boolean;
  /** POST /test/clock may move the server's clock forward: for browser tests only, never a real deployment. */
  testClock: boolean;
  /**
   * Whose X-Forwarded-For to believe for the client address: nobody (false), everybody (true), a number of
   * proxy hops, or the proxies' addresses and ranges (or proxy-addr's names: loopback, linklocal, uniquelocal).
   */
  trustProxy: TrustProxy;
  limits: LimitsConfig;
  /** Distinct open flags that hide content until a moderator reviews it. */
  flagAutoHideThreshold: number;
  /** Flags from accounts younger than this are recorded but do not count toward hiding. */
  flagMinAccountAgeHours: number;
  /** Run the background workers (job queue) inside this process. */
  workers: boolean;
  commonGround: { intervalSeconds: number; minVotes: number };
  /** Domain event delivery: attempts per subscriber before an event is parked, and the first retry's delay. */
  events: { maxAttempts: number; retrySeconds: number };
  /** Publish each UP_DOWN campaign's pseudonymous vote matrix with the open data. */
  openDataVoteMatrix: boolean;
  /** The licence of the open data (an SPDX-style name in datapackage.json). */
  openDataLicense: string;
  /**
   * Webhooks: private networks (and http) allowed only where the deployment says so; the first retry's
   * wait, growing fourfold; each attempt's time limit.
   */
  webhooks: { allowPrivateNetworks: boolean; retryBaseSeconds: number; timeoutSeconds: number };
  /** Origins whose pages may frame the embeds (`frame-ancestors`); ['*'] for any site. */
  embedAllowedOrigins: string[];
  /** Session lifetimes, and how long this process may reuse a session it looked up (reads only). */
  sessions: { idleHours: number; absoluteHours: number; cacheSeconds: number };
  /** Subscriptions over WebSocket: limits per process. */
  live: {
    connectionsPerAddress: number;
    connectionsPerPerson: number;
    subscriptionsPerConnection: number;
    idleSeconds: number;
    /** Shortest time between two updates of one idea (later changes are coalesced into the next). */
    coalesceMs: number;
  };
  mail: MailConfig;
  /** The hour (UTC, 0-23) daily and weekly (Mondays) digests are sent. */
  digestHourUtc: number;
}

export interface MailConfig {
  /** smtp:// or smtps:// with credentials; undefined outside production: mail is kept and shown at /dev/mail. */
  smtpUrl: string | undefined;
  /** The From header of every message. */
  from: string;
  /** The site's address, for the links in messages (no trailing slash). */
  publicUrl: string;
  /**
   * Messages sent per second at most, by each worker process. Transient failures are retried like every
   * event delivery (EVENT_RETRY_SECONDS, doubling, EVENT_MAX_ATTEMPTS tries).
   */
  perSecond: number;
}

export interface LimitsConfig {
  /** GraphQL root fields one client address may run per minute; 0 disables. */
  perMinute: number;
  /** Root fields per minute for one personal API token (0: no limit). */
  tokenPerMinute: number;
  /** Failed sign-ins per account and per address within the window before RATE_LIMITED. */
  signInFailures: number;
  signInWindowMinutes: number;
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
  /** Per person, counted per operation; 0 disables. Exceeding answers RATE_LIMITED. */
  ideasPerHour: number;
  commentsPerMinute: number;
  flagsPerHour: number;
  /** Accounts one client address may create per hour; 0 disables. */
  signupsPerHour: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
  }
}

/** The repository root (server/src/config -> ../../..), also right for server/dist/server/src/config. */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (dir !== dirname(dir)) {
    if (existsSync(resolve(dir, 'package.json')) && existsSync(resolve(dir, 'migrations'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

export const REPO_ROOT = findRoot();

type Env = Record<string, string | undefined>;

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got "${raw}")`);
  }
  return raw as T;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return Number(raw);
}

function licence(env: Env): string {
  const value = (env.OPEN_DATA_LICENSE ?? 'CC-BY-4.0').trim();
  if (!/^[A-Za-z0-9.+-]{2,64}$/.test(value)) {
    throw new ConfigError('OPEN_DATA_LICENSE', `must be a licence name such as CC-BY-4.0 or ODbL-1.0 (got "${value}")`);
  }
  return value;
}

/** EMBED_ALLOWED_ORIGINS: `*` (the default) or comma-separated origins such as https://www.city.example. */
function embedOrigins(env: Env): string[] {
  const raw = (env.EMBED_ALLOWED_ORIGINS ?? '*').trim();
  if (raw === '' || raw === '*') return ['*'];
  const origins = raw.split(',').map((entry) => entry.trim());
  for (const origin of origins) {
    let parsed: URL | null;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = null;
    }
    if (!parsed || !['https:', 'http:'].includes(parsed.protocol) || parsed.origin !== origin.replace(/\/$/, '')) {
      throw new ConfigError(
        'EMBED_ALLOWED_ORIGINS',
        `must be * or comma-separated origins such as https://www.city.example (got "${origin}")`,
      );
    }
  }
  return origins.map((origin) => origin.replace(/\/$/, ''));
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false (got "${env[name]}")`);
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be a URL such as ${protocols[0]}//host:port/name`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.join(' or ')}`);
  }
  return raw;
}

/** A comma-separated list of URLs, each checked like url(). */
function urls(env: Env, name: string, protocols: string[]): string[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return [];
  return raw.split(',').map((part) => url({ [name]: part.trim() }, name, protocols)!);
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** An address, an address/prefix range, or one of proxy-addr's names. */
function proxyAddress(entry: string): boolean {
  if (PROXY_NAMES.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (!family || rest.length) return false;
  return prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

function trustProxy(env: Env): TrustProxy {
  const raw = env.TRUST_PROXY?.trim() ?? '';
  if (/^\d+$/.test(raw)) return integer(env, 'TRUST_PROXY', 0, 0, 10);
  if (raw === '' || /^(1|true|yes|on|0|false|no|off)$/i.test(raw)) return boolean(env, 'TRUST_PROXY', false);
  const entries = raw.split(',').map((entry) => entry.trim());
  const wrong = entries.find((entry) => !proxyAddress(entry));
  if (wrong !== undefined) {
    throw new ConfigError(
      'TRUST_PROXY',
      `must be true, false, a number of hops, or a comma-separated list of proxy addresses (got "${wrong}")`,
    );
  }
  return entries;
}

function mail(env: Env, nodeEnv: NodeEnv, port: number): MailConfig {
  const smtpUrl = url(env, 'SMTP_URL', ['smtp:', 'smtps:']);
  if (!smtpUrl && nodeEnv === 'production') {
    throw new ConfigError('SMTP_URL', 'is required in production (smtp://user:password@host:587 or smtps://...)');
  }
  const publicUrl = url(env, 'PUBLIC_URL', ['https:', 'http:']) ?? `http://localhost:${port}`;
  const from = env.MAIL_FROM?.trim() || 'Consulta <no-reply@localhost>';
  if (!/^[^\r\n<>]*<?[^\s@<>]+@[^\s@<>]+>?$/.test(from)) {
    throw new ConfigError('MAIL_FROM', `must be an address such as "Consulta <no-reply@example.org>" (got "${from}")`);
  }
  return {
    smtpUrl,
    from,
    publicUrl: publicUrl.replace(/\/+$/, ''),
    perSecond: integer(env, 'MAIL_PER_SECOND', 100, 1, 10_000),
  };
}

export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const port = integer(env, 'PORT', 3000, 0, 65535);
  return {
    nodeEnv,
    databaseUrl,
    host: env.HOST || (nodeEnv === 'production' ? '0.0.0.0' : '127.0.0.1'),
    port,
    logLevel: oneOf(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error', 'silent'] as const, 'info'),
    logFormat: oneOf(env, 'LOG_FORMAT', ['json', 'pretty'] as const, nodeEnv === 'development' ? 'pretty' : 'json'),
    runMigrations: boolean(env, 'RUN_MIGRATIONS', true),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    databaseReplicaUrls: urls(env, 'DATABASE_REPLICA_URLS', ['postgres:', 'postgresql:']),
    readYourWritesSeconds: integer(env, 'READ_YOUR_WRITES_SECONDS', 10, 0, 3600),
    campaignCacheSeconds: integer(env, 'CAMPAIGN_CACHE_SECONDS', 2, 0, 60),
    compiledQueryAfter: integer(env, 'COMPILED_QUERY_AFTER', 2, 0, 1000),
    dataDir: resolve(env.DATA_DIR || resolve(REPO_ROOT, '.data')),
    webDist: resolve(env.WEB_DIST || resolve(REPO_ROOT, 'web/dist')),
    legalPagesDir: env.LEGAL_PAGES_DIR ? resolve(env.LEGAL_PAGES_DIR) : null,
    dbPoolSize: integer(env, 'DB_POOL_SIZE', 10, 1, 500),
    dbPrepareStatements: boolean(env, 'DB_PREPARE_STATEMENTS', true),
    dbStatementTimeoutMs: integer(env, 'DB_STATEMENT_TIMEOUT_MS', 10000, 0, 600000),
    seedDemo: boolean(env, 'SEED_DEMO', databaseUrl === undefined),
    testClock: boolean(env, 'TEST_CLOCK', false),
    limits: {
      perMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 600, 0, 1_000_000),
      tokenPerMinute: integer(env, 'TOKEN_RATE_LIMIT_PER_MINUTE', 1200, 0, 1_000_000),
      signInFailures: integer(env, 'SIGNIN_MAX_FAILURES', 10, 1, 1000),
      signInWindowMinutes: integer(env, 'SIGNIN_WINDOW_MINUTES', 15, 1, 1440),
      maxDepth: integer(env, 'GRAPHQL_MAX_DEPTH', 12, 2, 100),
      maxAliases: integer(env, 'GRAPHQL_MAX_ALIASES', 30, 1, 1000),
      maxDirectives: integer(env, 'GRAPHQL_MAX_DIRECTIVES', 20, 1, 1000),
      maxTokens: integer(env, 'GRAPHQL_MAX_TOKENS', 5000, 100, 100_000),
      maxCost: integer(env, 'GRAPHQL_MAX_COST', 5000, 10, 1_000_000),
      ideasPerHour: integer(env, 'IDEAS_PER_HOUR', 10, 0, 100_000),
      commentsPerMinute: integer(env, 'COMMENTS_PER_MINUTE', 6, 0, 100_000),
      flagsPerHour: integer(env, 'FLAGS_PER_HOUR', 30, 0, 100_000),
      signupsPerHour: integer(env, 'SIGNUPS_PER_HOUR', 20, 0, 100_000),
    },
    flagAutoHideThreshold: integer(env, 'FLAG_AUTO_HIDE_THRESHOLD', 3, 1, 1000),
    flagMinAccountAgeHours: integer(env, 'FLAG_MIN_ACCOUNT_AGE_HOURS', 24, 0, 24 * 365),
    workers: boolean(env, 'WORKERS', true),
    commonGround: {
      intervalSeconds: integer(env, 'COMMON_GROUND_INTERVAL_SECONDS', 300, 1, 86400),
      minVotes: integer(env, 'COMMON_GROUND_MIN_VOTES', 5, 1, 1_000_000),
    },
    openDataVoteMatrix: boolean(env, 'OPEN_DATA_VOTE_MATRIX', false),
    openDataLicense: licence(env),
    embedAllowedOrigins: embedOrigins(env),
    webhooks: {
      allowPrivateNetworks: boolean(env, 'WEBHOOKS_ALLOW_PRIVATE_NETWORKS', false),
      retryBaseSeconds: integer(env, 'WEBHOOK_RETRY_BASE_SECONDS', 30, 1, 3600),
      timeoutSeconds: integer(env, 'WEBHOOK_TIMEOUT_SECONDS', 10, 1, 60),
    },
    events: {
      maxAttempts: integer(env, 'EVENT_MAX_ATTEMPTS', 8, 1, 100),
      retrySeconds: integer(env, 'EVENT_RETRY_SECONDS', 10, 1, 3600),
    },
    sessions: {
      idleHours: integer(env, 'SESSION_IDLE_HOURS', 24 * 7, 1, 24 * 365),
      absoluteHours: integer(env, 'SESSION_ABSOLUTE_HOURS', 24 * 30, 1, 24 * 365),
      cacheSeconds: integer(env, 'SESSION_CACHE_SECONDS', 5, 0, 60),
    },
    live: {
      connectionsPerAddress: integer(env, 'LIVE_CONNECTIONS_PER_ADDRESS', 50, 1, 100_000),
      connectionsPerPerson: integer(env, 'LIVE_CONNECTIONS_PER_PERSON', 10, 1, 10_000),
      subscriptionsPerConnection: integer(env, 'LIVE_SUBSCRIPTIONS_PER_CONNECTION', 20, 1, 1000),
      idleSeconds: integer(env, 'LIVE_IDLE_SECONDS', 300, 1, 86400),
      coalesceMs: integer(env, 'LIVE_COALESCE_MS', 250, 0, 10_000),
    },
    trustProxy: trustProxy(env),
    mail: mail(env, nodeEnv, port),
    digestHourUtc: integer(env, 'DIGEST_HOUR_UTC', 7, 0, 23),
  };
}

/** For entry points: the configuration, or one clear line on stderr and exit code 1. */
export function loadConfigOrExit(env: Env = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
