import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resources } from './i18n';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

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
  const english = keys(resources.en.translation).sort();
  const spanish = keys(resources.es.translation).sort();

  it('have the same keys in English and Spanish', () => {
    expect(spanish).toEqual(english);
  });

  it('contain every key the code asks for with t("...")', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(fileURLToPath(new URL('..', import.meta.url)))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(0);
    const known = new Set(english);
    expect([...used].filter((key) => !known.has(key))).toEqual([]);
  });
});
