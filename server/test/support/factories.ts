import { randomBytes } from 'node:crypto';
import { AgencyRole, Role } from '@consulta/shared';
import { systemViewer } from '../../src/common/auth/request-viewer.js';
import { toGlobalId } from '../../src/common/graphql/global-id.js';
import { AgenciesService } from '../../src/modules/agencies/agencies.service.js';
import type { AgencyEntity } from '../../src/modules/agencies/agency.entity.js';
import { SessionsService } from '../../src/modules/auth/sessions.service.js';
import type { UserEntity } from '../../src/modules/users/user.entity.js';
import { UsersService } from '../../src/modules/users/users.service.js';
import type { TestApp } from './app.js';

export const PASSWORD = 'correct horse battery staple';

export interface TestUser {
  user: UserEntity;
  id: string;
  email: string;
  token: string;
}

const unique = () => randomBytes(4).toString('hex');

/** A person with an account and a live session (made directly, without the sign-in limits). */
export async function makeUser(t: TestApp, options: { role?: Role; name?: string } = {}): Promise<TestUser> {
  const email = `person-${unique()}@example.org`;
  const user = await t.app.get(UsersService).createUser({
    email,
    password: PASSWORD,
    displayName: options.name ?? `Person ${unique()}`,
    role: options.role ?? Role.CITIZEN,
  });
  const token = await t.app.get(SessionsService).create(user.id, { ip: '127.0.0.1', userAgent: 'test' });
  return { user, id: toGlobalId('User', user.id), email, token };
}

export async function makeAgency(t: TestApp, name = `Agency ${unique()}`): Promise<AgencyEntity & { gid: string }> {
  const agency = await t.app.get(AgenciesService).createAgency(systemViewer(), { name });
  return Object.assign(agency, { gid: toGlobalId('Agency', agency.id) });
}

export async function makeMember(t: TestApp, agency: AgencyEntity, role: AgencyRole): Promise<TestUser> {
  const person = await makeUser(t);
  await t.app.get(AgenciesService).addMember(systemViewer(), { agencyId: agency.id, email: person.email, role });
  return person;
}

/** The people every authorization check is tried against. */
export interface Personas {
  agency: AgencyEntity & { gid: string };
  otherAgency: AgencyEntity & { gid: string };
  citizen: TestUser;
  official: TestUser;
  agencyAdmin: TestUser;
  otherOfficial: TestUser;
  moderator: TestUser;
  admin: TestUser;
}

export async function makePersonas(t: TestApp): Promise<Personas> {
  const [agency, otherAgency] = await Promise.all([makeAgency(t), makeAgency(t)]);
  const [citizen, official, agencyAdmin, otherOfficial, moderator, admin] = await Promise.all([
    makeUser(t),
    makeMember(t, agency, AgencyRole.OFFICIAL),
    makeMember(t, agency, AgencyRole.AGENCY_ADMIN),
    makeMember(t, otherAgency, AgencyRole.OFFICIAL),
    makeUser(t, { role: Role.MODERATOR }),
    makeUser(t, { role: Role.ADMIN }),
  ]);
  return { agency, otherAgency, citizen, official, agencyAdmin, otherOfficial, moderator, admin };
}

/** The first error's code, or 'OK' when there was none. */
export function outcome(result: { errors?: Array<{ extensions?: Record<string, any> }> }): string {
  return result.errors?.[0]?.extensions?.code ?? 'OK';
}
