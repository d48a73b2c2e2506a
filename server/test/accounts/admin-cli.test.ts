import { spawn } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { REPO_ROOT } from '../../src/config/config.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function admin(db: TestDatabase, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'server/dist/server/src/cli/admin.js'), ...args], {
      env: { PATH: process.env.PATH, DATABASE_URL: db.url },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('npm run admin', () => {
  let db: TestDatabase;
  let client: pg.Client;
  beforeAll(async () => {
    db = await createTestDatabase();
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  it('creates users, agencies and memberships, and changes roles', async () => {
    const created = await admin(
      db,
      'create-user',
      '--email',
      'Root@Example.org',
      '--password',
      'a long admin passphrase',
      '--name',
      'Root',
      '--role',
      'ADMIN',
    );
    expect(created).toMatchObject({ status: 0, stdout: 'Created root@example.org (ADMIN)\n' });
    expect(
      await admin(
        db,
        'create-user',
        '--email',
        'off@example.org',
        '--password',
        'another long passphrase',
        '--name',
        'Off',
      ),
    ).toMatchObject({ status: 0 });
    expect(await admin(db, 'create-agency', '--name', 'Water Board')).toMatchObject({
      status: 0,
      stdout: 'Created agency Water Board (water-board)\n',
    });
    expect(
      await admin(db, 'add-member', '--agency', 'water-board', '--email', 'off@example.org', '--role', 'AGENCY_ADMIN'),
    ).toMatchObject({ status: 0 });
    expect(await admin(db, 'set-role', '--email', 'off@example.org', '--role', 'MODERATOR')).toMatchObject({
      status: 0,
      stdout: 'off@example.org is now MODERATOR\n',
    });

    const { rows } = await client.query(
      `SELECT u.email, u.role, m.role AS agency_role, a.slug FROM users u
         LEFT JOIN agency_memberships m ON m.user_id = u.id LEFT JOIN agencies a ON a.id = m.agency_id ORDER BY u.email`,
    );
    expect(rows).toEqual([
      { email: 'off@example.org', role: 'MODERATOR', agency_role: 'AGENCY_ADMIN', slug: 'water-board' },
      { email: 'root@example.org', role: 'ADMIN', agency_role: null, slug: null },
    ]);
    const { rows: audit } = await client.query("SELECT action FROM audit_log WHERE action = 'user.role_changed'");
    expect(audit).toHaveLength(1);
  });

  it.each([
    [
      ['create-user', '--email', 'x@example.org', '--password', 'password123', '--name', 'X'],
      /password: This password is too common/,
    ],
    [['create-user', '--email', 'y@example.org', '--name', 'Y'], /missing --password/],
    [
      ['create-user', '--email', 'z@example.org', '--password', 'a fine passphrase', '--name', 'Z', '--role', 'KING'],
      /--role must be one of CITIZEN, MODERATOR, ADMIN/,
    ],
    [['set-role', '--email', 'ghost@example.org', '--role', 'ADMIN'], /no account uses ghost@example.org/],
    [
      ['add-member', '--agency', 'no-such-agency', '--email', 'root@example.org', '--role', 'OFFICIAL'],
      /no agency has the slug no-such-agency/,
    ],
    [['create-agency', '--name', 'Water Board'], /Another agency uses this slug/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('fails clearly with a non-zero exit for %p', async (args, message) => {
    const run = await admin(db, ...args);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\s+at .+\.js:\d+/);
  });
});
