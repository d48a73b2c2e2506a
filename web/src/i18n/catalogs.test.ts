import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REFUSALS } from '@consulta/shared/refusals';
import { resources } from './i18n';

const PLURAL = /_(zero|one|two|few|many|other)$/;

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

/** Keys as the code asks for them: plural forms (`_one`, `_other`...) count as their base key. */
const base = (all: string[]) => [...new Set(all.map((key) => key.replace(PLURAL, '')))].sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('translation catalogs', () => {
  const english = keys(resources.en.translation);
  const spanish = keys(resources.es.translation);

  it('say every reason the API gives for a refusal, in both languages', () => {
    for (const catalog of [resources.en.translation, resources.es.translation]) {
      const reasons = (catalog.errors as { reason: Record<string, string> }).reason;
      expect(Object.keys(REFUSALS).filter((reason) => !reasons[reason])).toEqual([]);
    }
  });

  it('have the same keys in English and Spanish', () => {
    expect(base(spanish)).toEqual(base(english));
  });

  it('have every plural form each language needs', () => {
    for (const [language, all] of [
      ['en', english],
      ['es', spanish],
    ] as const) {
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const key of all.filter((k) => k.endsWith('_other'))) {
        const stem = key.replace(/_other$/, '');
        expect(categories.filter((c) => !all.includes(`${stem}_${c}`)).map((c) => `${language}:${stem}_${c}`)).toEqual(
          [],
        );
      }
    }
  });

  it('contain every key the code asks for with t("...")', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(fileURLToPath(new URL('..', import.meta.url)))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    const known = new Set(base(english));
    expect([...used].filter((key) => !known.has(key))).toEqual([]);
  });

  it('contain every value of the enums shown by name (statuses, reasons, roles)', () => {
    const known = new Set(base(english));
    const groups: Record<string, string[]> = {
      status: [
        'SUBMITTED',
        'UNDER_REVIEW',
        'ACCEPTED',
        'IN_PROGRESS',
        'IMPLEMENTED',
        'REJECTED',
        'DUPLICATE',
        'WITHDRAWN',
      ],
      campaignStatus: ['DRAFT', 'OPEN', 'CLOSED', 'ARCHIVED'],
      'flag.reasons': ['SPAM', 'ABUSE', 'OFF_TOPIC', 'PERSONAL_INFO', 'MISINFORMATION', 'OTHER'],
      'moderation.status': ['OPEN', 'DISMISSED', 'ACTIONED'],
      role: ['CITIZEN', 'MODERATOR', 'ADMIN'],
      agencyRole: ['OFFICIAL', 'AGENCY_ADMIN'],
      'errors.code': [
        'UNAUTHENTICATED',
        'FORBIDDEN',
        'BAD_USER_INPUT',
        'NOT_FOUND',
        'CONFLICT',
        'RATE_LIMITED',
        'INTERNAL_SERVER_ERROR',
        'NETWORK',
      ],
      'ideas.sorts': ['TOP', 'NEW', 'TRENDING', 'BEST', 'COMMON_GROUND'],
    };
    const missing = Object.entries(groups).flatMap(([group, values]) =>
      values.map((value) => `${group}.${value}`).filter((key) => !known.has(key)),
    );
    expect(missing).toEqual([]);
  });
});
