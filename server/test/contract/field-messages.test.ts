import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE = fileURLToPath(new URL('../../src', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

// A field message written as a literal would reach clients without its key, so only in English.
const LITERAL = [/BadInputError\(\{\s*\[?[\w.|' ]*\]?:\s*['`]/, /message:\s*['`]/, /fields\.\w+\s*=\s*['`]/];

describe('field messages', () => {
  it('are all made by fieldMessage, so every refused field carries a key clients can translate', () => {
    const offenders = files(SOURCE)
      .filter((file) => !file.endsWith('.test.ts'))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, index) => ({ file, line: index + 1, text: line }))
          .filter(({ text }) => LITERAL.some((pattern) => pattern.test(text))),
      )
      .map(({ file, line, text }) => `${file.slice(SOURCE.length + 1)}:${line}: ${text.trim()}`);
    expect(offenders).toEqual([]);
  });
});
