import { DatabaseService } from '../../src/database/database.service.js';
import type { TestApp } from '../support/app.js';
import { makeUser, outcome, type Personas, appWithPersonas } from '../support/factories.js';

const CREATE =
  'mutation ($input: CreateAgencyInput!) { createAgency(input: $input) { id name slug description members { role } } }';
const ADD = `mutation ($input: AddAgencyMemberInput!) {
  addAgencyMember(input: $input) { role user { displayName } agency { slug } }
}`;
const SET_ROLE = 'mutation ($userId: ID!, $role: Role!) { setUserRole(userId: $userId, role: $role) { id role } }';

describe('agencies, memberships and roles', () => {
  let t: TestApp;
  let p: Personas;
  beforeAll(async () => ({ t, p } = await appWithPersonas()));
  afterAll(() => t.close());

  const audit = (action: string) =>
    t.app
      .get(DatabaseService)
      .dataSource.query('SELECT * FROM audit_log WHERE action = $1 ORDER BY created_at', [action]);

  describe('createAgency', () => {
    it('lets an admin create an agency, making the slug from the name, and records it', async () => {
      const result = await t.gql(
        CREATE,
        { input: { name: 'Département des Eaux', description: ' Water. ' } },
        { token: p.admin.token },
      );
      expect(result.data!.createAgency).toMatchObject({
        name: 'Département des Eaux',
        slug: 'departement-des-eaux',
        description: 'Water.',
        members: [],
      });
      const entries = await audit('agency.created');
      expect(entries.some((e: { actor_id: string }) => e.actor_id === p.admin.user.id)).toBe(true);
    });

    it('refuses a slug in use (CONFLICT) and a malformed one (BAD_USER_INPUT)', async () => {
      await t.gql(CREATE, { input: { name: 'Harbour', slug: 'harbour' } }, { token: p.admin.token });
      expect(
        outcome(await t.gql(CREATE, { input: { name: 'Harbour Two', slug: 'harbour' } }, { token: p.admin.token })),
      ).toBe('CONFLICT');
      const bad = await t.gql(CREATE, { input: { name: 'Bad Slug', slug: 'Not A Slug!' } }, { token: p.admin.token });
      expect(bad.errors![0]!.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { slug: expect.any(String) },
      });
      const short = await t.gql(CREATE, { input: { name: 'x' } }, { token: p.admin.token });
      expect(short.errors![0]!.extensions!.fields.name).toMatch(/2 to 120/);
    });

    it('is for admins only', async () => {
      expect(outcome(await t.gql(CREATE, { input: { name: 'Nope Agency' } }))).toBe('UNAUTHENTICATED');
      for (const person of [p.citizen, p.official, p.agencyAdmin, p.moderator]) {
        expect(outcome(await t.gql(CREATE, { input: { name: 'Nope Agency' } }, { token: person.token }))).toBe(
          'FORBIDDEN',
        );
      }
    });
  });

  describe('addAgencyMember', () => {
    it('lets the agency’s admin add an existing account, shows it on the agency and in viewer.memberships', async () => {
      const person = await makeUser(t, { name: 'New Official' });
      const added = await t.gql(
        ADD,
        { input: { agencyId: p.agency.gid, email: person.email.toUpperCase(), role: 'OFFICIAL' } },
        { token: p.agencyAdmin.token },
      );
      expect(added.data!.addAgencyMember).toEqual({
        role: 'OFFICIAL',
        user: { displayName: 'New Official' },
        agency: { slug: p.agency.slug },
      });
      const me = await t.gql('{ viewer { memberships { role agency { id slug } } } }', {}, { token: person.token });
      expect(me.data!.viewer.memberships).toEqual([
        { role: 'OFFICIAL', agency: { id: p.agency.gid, slug: p.agency.slug } },
      ]);
      const agencies = await t.gql('{ agencies { slug members { role user { displayName } } } }');
      const ours = agencies.data!.agencies.find((a: { slug: string }) => a.slug === p.agency.slug);
      expect(ours.members).toContainEqual({ role: 'OFFICIAL', user: { displayName: 'New Official' } });
    });

    it('is idempotent for the same role and changes the role otherwise', async () => {
      const person = await makeUser(t);
      const input = { agencyId: p.agency.gid, email: person.email, role: 'OFFICIAL' };
      await t.gql(ADD, { input }, { token: p.admin.token });
      const before = (await audit('agency.member_added')).length;
      expect((await t.gql(ADD, { input }, { token: p.admin.token })).data!.addAgencyMember.role).toBe('OFFICIAL');
      expect((await audit('agency.member_added')).length).toBe(before);
      const promoted = await t.gql(ADD, { input: { ...input, role: 'AGENCY_ADMIN' } }, { token: p.admin.token });
      expect(promoted.data!.addAgencyMember.role).toBe('AGENCY_ADMIN');
      expect(
        (await audit('agency.member_role_changed')).some((e: { target_id: string }) => e.target_id === person.user.id),
      ).toBe(true);
    });

    it('needs an existing account (BAD_USER_INPUT on email) and a real agency (NOT_FOUND)', async () => {
      const missing = await t.gql(
        ADD,
        { input: { agencyId: p.agency.gid, email: 'nobody-yet@example.org', role: 'OFFICIAL' } },
        { token: p.admin.token },
      );
      expect(missing.errors![0]!.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { email: expect.stringMatching(/sign up/) },
      });
      for (const agencyId of [
        p.citizen.id,
        'garbage',
        Buffer.from('Agency:00000000-0000-0000-0000-000000000000').toString('base64url'),
      ]) {
        const result = await t.gql(
          ADD,
          { input: { agencyId, email: p.citizen.email, role: 'OFFICIAL' } },
          { token: p.admin.token },
        );
        expect(outcome(result)).toBe('NOT_FOUND');
      }
    });

    it('is refused to officials, to admins of another agency, and to citizens', async () => {
      const person = await makeUser(t);
      const input = { agencyId: p.agency.gid, email: person.email, role: 'AGENCY_ADMIN' };
      expect(outcome(await t.gql(ADD, { input }))).toBe('UNAUTHENTICATED');
      for (const who of [p.citizen, p.official, p.otherOfficial, p.moderator]) {
        expect(outcome(await t.gql(ADD, { input }, { token: who.token }))).toBe('FORBIDDEN');
      }
      const otherAdmin = await makeUser(t);
      await t.gql(
        ADD,
        { input: { agencyId: p.otherAgency.gid, email: otherAdmin.email, role: 'AGENCY_ADMIN' } },
        { token: p.admin.token },
      );
      expect(outcome(await t.gql(ADD, { input }, { token: otherAdmin.token }))).toBe('FORBIDDEN');
    });
  });

  describe('setUserRole', () => {
    it('lets an admin change a role, takes effect at once, and records who did it', async () => {
      const person = await makeUser(t);
      const QUEUE = '{ moderationQueue { totalCount } }';
      // Read once before, so this process has the session (and its role) at hand.
      expect(outcome(await t.gql(QUEUE, {}, { token: person.token }))).toBe('FORBIDDEN');
      const result = await t.gql(SET_ROLE, { userId: person.id, role: 'MODERATOR' }, { token: p.admin.token });
      expect(result.data!.setUserRole).toEqual({ id: person.id, role: 'MODERATOR' });
      const me = await t.gql('{ viewer { user { role } } }', {}, { token: person.token });
      expect(me.data!.viewer.user.role).toBe('MODERATOR');
      expect(outcome(await t.gql(QUEUE, {}, { token: person.token }))).toBe('OK');
      await t.gql(SET_ROLE, { userId: person.id, role: 'CITIZEN' }, { token: p.admin.token });
      expect(outcome(await t.gql(QUEUE, {}, { token: person.token }))).toBe('FORBIDDEN');
      const [entry] = (await audit('user.role_changed')).filter(
        (e: { target_id: string }) => e.target_id === person.user.id,
      );
      expect(entry).toMatchObject({ actor_id: p.admin.user.id, details: { from: 'CITIZEN', to: 'MODERATOR' } });
    });

    it('does not let admins change their own role, and answers NOT_FOUND for unknown people', async () => {
      expect(outcome(await t.gql(SET_ROLE, { userId: p.admin.id, role: 'CITIZEN' }, { token: p.admin.token }))).toBe(
        'CONFLICT',
      );
      expect(outcome(await t.gql(SET_ROLE, { userId: p.agency.gid, role: 'CITIZEN' }, { token: p.admin.token }))).toBe(
        'NOT_FOUND',
      );
    });

    it('is refused to everyone but admins', async () => {
      expect(outcome(await t.gql(SET_ROLE, { userId: p.citizen.id, role: 'ADMIN' }))).toBe('UNAUTHENTICATED');
      for (const who of [p.citizen, p.official, p.agencyAdmin, p.moderator]) {
        expect(outcome(await t.gql(SET_ROLE, { userId: who.id, role: 'ADMIN' }, { token: who.token }))).toBe(
          'FORBIDDEN',
        );
      }
    });
  });

  describe('node(id) and what User shows', () => {
    it('resolves users and agencies by global ID', async () => {
      const result = await t.gql(
        'query ($u: ID!, $a: ID!) { u: node(id: $u) { id ... on User { displayName } } a: node(id: $a) { id ... on Agency { slug } } }',
        { u: p.citizen.id, a: p.agency.gid },
      );
      expect(result.data).toEqual({
        u: { id: p.citizen.id, displayName: p.citizen.user.displayName },
        a: { id: p.agency.gid, slug: p.agency.slug },
      });
    });

    it('gives IDs that are opaque and unique across types', async () => {
      expect(p.citizen.id).not.toContain(p.citizen.user.id);
      const swapped = Buffer.from(`Agency:${p.citizen.user.id}`).toString('base64url');
      expect((await t.gql('query ($id: ID!) { node(id: $id) { id } }', { id: swapped })).data).toEqual({ node: null });
    });

    it('never exposes email or anything private on User', async () => {
      const result = await t.gql('{ __type(name: "User") { fields { name } } }');
      const fields = result.data!.__type.fields.map((f: { name: string }) => f.name).sort();
      expect(fields).toEqual(['comments', 'createdAt', 'displayName', 'id', 'ideas', 'role']);
      const leak = await t.gql('query ($id: ID!) { node(id: $id) { ... on User { email } } }', { id: p.citizen.id });
      expect(outcome(leak)).toBe('BAD_USER_INPUT');
    });
  });
});
