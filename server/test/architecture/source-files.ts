import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '../../src/config/config.js';

export const SRC = join(REPO_ROOT, 'server/src');

/** Every source file under `dir` (tests left out), by absolute path. */
export function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Each source file with its path under server/src and its text. */
export const sources = () =>
  sourceFiles().map((file) => ({ path: relative(SRC, file), text: readFileSync(file, 'utf8') }));

/** The module a file belongs to: `modules/x` or `common/x`, else its top folder (`events`, `database`). */
export const moduleOf = (path: string) => {
  const parts = path.split('/');
  return parts[0] === 'modules' || parts[0] === 'common' ? parts.slice(0, 2).join('/') : parts[0]!;
};
