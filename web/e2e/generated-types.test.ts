import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../server/src/config/config.js';

describe('the web app’s generated GraphQL types', () => {
  it('match the server schema and the documents (run `npm run codegen -w web` when this fails)', () => {
    // Generate into a copy of what codegen reads, then compare with the committed output.
    const copy = mkdtempSync(join(tmpdir(), 'consulta-codegen-'));
    try {
      cpSync(join(REPO_ROOT, 'server/schema.graphql'), join(copy, 'server/schema.graphql'));
      cpSync(join(REPO_ROOT, 'web/codegen.yml'), join(copy, 'web/codegen.yml'));
      cpSync(join(REPO_ROOT, 'web/src'), join(copy, 'web/src'), {
        recursive: true,
        filter: (source) => !source.includes(`${join('web', 'src', 'gql')}`),
      });
      symlinkSync(join(REPO_ROOT, 'node_modules'), join(copy, 'node_modules'));
      const run = spawnSync(
        process.execPath,
        [join(REPO_ROOT, 'node_modules/@graphql-codegen/cli/cjs/bin.js'), '--config', 'codegen.yml', '--silent'],
        { cwd: join(copy, 'web'), encoding: 'utf8' },
      );
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const generated = join(copy, 'web/src/gql');
      const committed = join(REPO_ROOT, 'web/src/gql');
      expect(readdirSync(generated).sort()).toEqual(readdirSync(committed).sort());
      for (const file of readdirSync(generated)) {
        const same = readFileSync(join(generated, file), 'utf8') === readFileSync(join(committed, file), 'utf8');
        expect({ file, same }).toEqual({ file, same: true });
      }
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
