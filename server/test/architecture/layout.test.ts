import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../src/config/config.js';
import { moduleOf, sources } from './source-files.js';

/** Files that talk to the driver directly: the one SQL helper and the database's own plumbing. */
const DRIVER_FILES = [
  'database/sql.ts',
  'database/prepared-pg.ts',
  'database/ensure-database.ts',
  'database/database.service.ts',
  // An Executor over the read replicas (what rows/one/run run on), falling back to the primary.
  'database/replicas.ts',
  // The bus's own LISTEN connection (a pg.Client outside TypeORM's pool).
  'common/bus/pg-transport.ts',
  'cli/migrate.ts',
];

const offenders = (pattern: RegExp, keep: (path: string) => boolean = () => true) =>
  sources()
    .filter(({ path }) => keep(path))
    .flatMap(({ path, text }) => [...text.matchAll(pattern)].map((match) => `${path}: ${match[0]}`));

describe('one SQL style', () => {
  it('statements run only through database/sql.ts (rows, one, run)', () => {
    expect(offenders(/\.query\s*[<(]/g, (path) => !DRIVER_FILES.includes(path))).toEqual([]);
  });

  it('every read names its row type', () => {
    expect(offenders(/\b(?:rows|one|sqlRows)\((?!\s*\))/g, (path) => path !== 'database/sql.ts')).toEqual([]);
  });

  it('no TypeORM entity API or query builder: entities are mapped from typed rows, once per table', () => {
    const api =
      /\b(?:manager|dataSource)\s*\.\s*(?:find\w*|save|insert|update|delete|remove|upsert|increment|decrement|count\w*|exists\w*|create|getRepository|createQueryBuilder)\(/g;
    expect(offenders(api)).toEqual([]);
  });

  it('listed and visible-to-viewer predicates are written once, in database/predicates.ts', () => {
    expect(offenders(/visibility\s*=\s*'VISIBLE'/g, (path) => path !== 'database/predicates.ts')).toEqual([]);
  });
});

describe('module layout', () => {
  it('common/ and the infrastructure import no feature module', () => {
    const below = (path: string) => !path.startsWith('modules/') && !['app.module.ts', 'app.factory.ts'].includes(path);
    const imports = offenders(/from '(?:\.\.\/)+modules\/[^']+'/g, (path) => below(path) && !path.startsWith('cli/'));
    expect(imports).toEqual([]);
  });

  it('users does not import auth (auth builds on users)', () => {
    expect(offenders(/from '\.\.\/auth\/[^']+'/g, (path) => moduleOf(path) === 'modules/users')).toEqual([]);
  });

  it('GraphQL inputs and objects live in their own files, not in resolvers', () => {
    expect(offenders(/@(?:InputType|ObjectType|ArgsType)\(/g, (path) => path.endsWith('.resolver.ts'))).toEqual([]);
  });

  it('per-request loaders are made in one file per module (<module>.loaders.ts)', () => {
    expect(offenders(/context\.loaders\.get\(/g, (path) => !path.endsWith('.loaders.ts'))).toEqual([]);
    const files = sources().filter(({ path }) => path.endsWith('.loaders.ts'));
    const modules = files.map(({ path }) => moduleOf(path));
    expect(new Set(modules).size).toBe(modules.length);
    for (const { path } of files) expect(path.split('/').pop()).toBe(`${moduleOf(path).split('/')[1]}.loaders.ts`);
  });
});

/** Each table's row type, declared in its owner's module beside its SQL. */
const ROW_TYPES: Record<string, [string, string]> = {
  users: ['modules/users', 'UserRow'],
  sessions: ['modules/auth', 'SessionRow'],
  agencies: ['modules/agencies', 'AgencyRow'],
  agency_memberships: ['modules/agencies', 'MembershipRow'],
  campaigns: ['modules/campaigns', 'CampaignRow'],
  campaign_participants: ['modules/campaigns', 'ParticipantRow'],
  ideas: ['modules/ideas', 'IdeaRow'],
  idea_title_terms: ['modules/ideas', 'TitleTermRow'],
  idea_similar_texts: ['modules/ideas', 'SimilarTextRow'],
  votes: ['modules/votes', 'VoteRow'],
  official_responses: ['modules/responses', 'OfficialResponseRow'],
  idea_follows: ['modules/follows', 'FollowRow'],
  comments: ['modules/comments', 'CommentRow'],
  flags: ['modules/moderation', 'FlagRow'],
  audit_log: ['modules/audit', 'AuditRow'],
  rate_limit_counters: ['common/rate-limit', 'CounterRow'],
  open_data_keys: ['modules/common-ground', 'OpenDataKeyRow'],
  domain_events: ['events', 'EventRow'],
  event_deliveries: ['events', 'DeliveryRow'],
  outgoing_mail: ['modules/mail', 'MailRow'],
  account_tokens: ['modules/users', 'AccountTokenRow'],
  notifications: ['modules/notifications', 'NotificationRow'],
  api_tokens: ['modules/developers', 'ApiTokenRow'],
  webhooks: ['modules/developers', 'WebhookRow'],
  webhook_deliveries: ['modules/developers', 'WebhookDeliveryRow'],
  notification_preferences: ['modules/notifications', 'NotificationPreferencesRow'],
};

describe('typed rows', () => {
  it('every table has its row type in its owner module', () => {
    const migrations = readdirSync(join(REPO_ROOT, 'migrations')).map((name) =>
      readFileSync(join(REPO_ROOT, 'migrations', name), 'utf8'),
    );
    const tables = migrations.flatMap((text) => [...text.matchAll(/CREATE TABLE (\w+)/g)].map((m) => m[1]!));
    expect(tables.filter((table) => !(table in ROW_TYPES))).toEqual([]);
    const missing = Object.entries(ROW_TYPES).filter(
      ([, [owner, type]]) =>
        !sources().some(({ path, text }) => moduleOf(path) === owner && new RegExp(`interface ${type} \\{`).test(text)),
    );
    expect(missing).toEqual([]);
  });
});
