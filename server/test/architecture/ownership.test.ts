import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../src/config/config.js';
import { moduleOf, sources } from './source-files.js';

/** Each table and the one module (folder under server/src) that writes it. */
const OWNERS: Record<string, string> = {
  users: 'modules/users',
  sessions: 'modules/auth',
  agencies: 'modules/agencies',
  agency_memberships: 'modules/agencies',
  campaigns: 'modules/campaigns',
  campaign_participants: 'modules/campaigns',
  ideas: 'modules/ideas',
  idea_title_terms: 'modules/ideas',
  idea_similar_texts: 'modules/ideas',
  votes: 'modules/votes',
  official_responses: 'modules/responses',
  idea_follows: 'modules/follows',
  comments: 'modules/comments',
  flags: 'modules/moderation',
  audit_log: 'modules/audit',
  rate_limit_counters: 'common/rate-limit',
  open_data_keys: 'modules/common-ground',
  domain_events: 'events',
  event_deliveries: 'events',
  outgoing_mail: 'modules/mail',
  account_tokens: 'modules/users',
  notifications: 'modules/notifications',
  api_tokens: 'modules/developers',
  webhooks: 'modules/developers',
  webhook_deliveries: 'modules/developers',
  notification_preferences: 'modules/notifications',
};

/**
 * The statements allowed to write tables of other modules, by file and method: each writes several tables in
 * one statement on purpose (a single round trip) and lives in the repository of the table it is about.
 */
const ALLOWED: Record<string, string[]> = {
  // The vote row, the idea's counters, the person's votes used and the events, in one statement.
  'modules/votes/votes.repository.ts#apply': ['ideas', 'campaign_participants', 'domain_events'],
  // Ideas newly owed an answer and their ResponseOwed events, in one statement.
  'modules/ideas/ideas.repository.ts#markThresholdReached': ['domain_events'],
};

/** The method or function a position of the file is in (the nearest declaration above it). */
function enclosingName(text: string, index: number): string {
  const before = text.slice(0, index).split('\n').reverse();
  for (const line of before) {
    const match = /^\s*(?:export\s+)?(?:async\s+)?(?:function\s+)?([a-zA-Z_]\w*)\s*(?:<[^>]*>)?\(/.exec(line);
    if (match && !['if', 'for', 'while', 'switch', 'return', 'await'].includes(match[1])) return match[1];
  }
  return '?';
}

interface Write {
  file: string;
  table: string;
  where: string;
}

function writes(): Write[] {
  const found: Write[] = [];
  for (const { path, text } of sources()) {
    for (const match of text.matchAll(/\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+([a-z_]+)/g)) {
      if (!(match[1]! in OWNERS)) continue;
      found.push({ file: path, table: match[1]!, where: enclosingName(text, match.index) });
    }
  }
  return found;
}

describe('one owner per table', () => {
  it('every table the migrations create has an owner', () => {
    const migrations = readdirSync(join(REPO_ROOT, 'migrations')).map((name) =>
      readFileSync(join(REPO_ROOT, 'migrations', name), 'utf8'),
    );
    const tables = migrations.flatMap((text) => [...text.matchAll(/CREATE TABLE (\w+)/g)].map((m) => m[1]));
    expect(tables.length).toBeGreaterThan(10);
    expect(tables.filter((table) => !(table in OWNERS))).toEqual([]);
  });

  it('finds the writes it checks (the scan works)', () => {
    const found = writes();
    expect(found).toContainEqual({ file: 'modules/votes/votes.repository.ts', table: 'ideas', where: 'apply' });
    expect(found.length).toBeGreaterThan(30);
  });

  it('only repository files of the owning module write a table, besides the statements listed by name', () => {
    const wrong = writes()
      .filter((write) => {
        const allowed = ALLOWED[`${write.file}#${write.where}`] ?? [];
        if (allowed.includes(write.table)) return false;
        return !write.file.endsWith('.repository.ts') || moduleOf(write.file) !== OWNERS[write.table];
      })
      .map((write) => `${write.file} (${write.where}) writes ${write.table}`);
    expect(wrong).toEqual([]);
  });
});
