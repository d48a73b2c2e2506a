import { randomBytes } from 'node:crypto';
import { AgencyRole, CampaignStatus, Role, VotingMode } from '@consulta/shared';
import { systemViewer } from '../../src/common/auth/request-viewer.js';
import { toGlobalId } from '../../src/common/graphql/global-id.js';
import { AgenciesService } from '../../src/modules/agencies/agencies.service.js';
import { CampaignsService } from '../../src/modules/campaigns/campaigns.service.js';
import { IdeasService } from '../../src/modules/ideas/ideas.service.js';
import type { AgencyEntity } from '../../src/modules/agencies/agency.entity.js';
import { SessionsService } from '../../src/modules/auth/sessions.service.js';
import type { UserEntity } from '../../src/modules/users/user.entity.js';
import { UsersService } from '../../src/modules/users/users.service.js';
import { startTestApp, type TestApp } from './app.js';

export const PASSWORD = 'correct horse battery staple';

export interface TestUser {
  user: UserEntity;
  id: string;
  email: string;
  token: string;
}

const unique = () => randomBytes(4).toString('hex');

/**
 * A person with an account and a live session (made directly, without the sign-in limits), with a confirmed
 * address unless `verified: false`.
 */
export async function makeUser(
  t: TestApp,
  options: { role?: Role; name?: string; verified?: boolean; language?: string } = {},
): Promise<TestUser> {
  const email = `person-${unique()}@example.org`;
  const user = await t.app.get(UsersService).createUser({
    email,
    password: PASSWORD,
    displayName: options.name ?? `Person ${unique()}`,
    role: options.role ?? Role.CITIZEN,
    emailVerified: options.verified ?? true,
    language: options.language,
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
  /** A citizen who wrote the content a check is about (matrix cases make it theirs). */
  author: TestUser;
  official: TestUser;
  agencyAdmin: TestUser;
  otherOfficial: TestUser;
  moderator: TestUser;
  admin: TestUser;
}

export async function makePersonas(t: TestApp): Promise<Personas> {
  const [agency, otherAgency] = await Promise.all([makeAgency(t), makeAgency(t)]);
  const [citizen, author, official, agencyAdmin, otherOfficial, moderator, admin] = await Promise.all([
    makeUser(t),
    makeUser(t),
    makeMember(t, agency, AgencyRole.OFFICIAL),
    makeMember(t, agency, AgencyRole.AGENCY_ADMIN),
    makeMember(t, otherAgency, AgencyRole.OFFICIAL),
    makeUser(t, { role: Role.MODERATOR }),
    makeUser(t, { role: Role.ADMIN }),
  ]);
  return { agency, otherAgency, citizen, author, official, agencyAdmin, otherOfficial, moderator, admin };
}

/** The first error's code, or 'OK' when there was none. */
export function outcome(result: { errors?: Array<{ extensions?: Record<string, any> }> }): string {
  return result.errors?.[0]?.extensions?.code ?? 'OK';
}

export interface CampaignOptions {
  open?: boolean;
  votingMode?: 'SUPPORT' | 'UP_DOWN';
  voteBudget?: number | null;
  responseThreshold?: number | null;
  responseDays?: number | null;
  tags?: string[];
  opensAt?: Date | null;
  closesAt?: Date | null;
  requireVerifiedEmail?: boolean;
}

/** A campaign of `agency`, made by a system admin, open unless asked otherwise. */
export async function makeCampaign(t: TestApp, agency: { id: string }, options: CampaignOptions = {}) {
  const campaigns = t.app.get(CampaignsService);
  const campaign = await campaigns.createCampaign(systemViewer(), agency.id, {
    title: `Campaign ${unique()}`,
    summary: 'A question the agency wants answered.',
    body: 'Tell us what you think.',
    votingMode: (options.votingMode as VotingMode) ?? VotingMode.SUPPORT,
    voteBudget: options.voteBudget ?? null,
    responseThreshold: options.responseThreshold ?? null,
    responseDays: options.responseDays ?? null,
    tags: options.tags ?? ['Parks', 'Streets'],
    opensAt: options.opensAt ?? null,
    closesAt: options.closesAt ?? null,
    requireVerifiedEmail: options.requireVerifiedEmail ?? false,
  });
  const result =
    options.open === false
      ? campaign
      : await campaigns.transition(systemViewer(), campaign.id, CampaignStatus.OPEN, [CampaignStatus.DRAFT]);
  return Object.assign(result, { gid: toGlobalId('Campaign', result.id) });
}

export async function makeIdea(
  t: TestApp,
  campaign: { id: string },
  author: TestUser,
  fields: { title?: string; body?: string; tag?: string | null } = {},
) {
  const viewer = await viewerOf(t, author);
  const idea = await t.app.get(IdeasService).submitIdea(viewer, campaign.id, {
    title: fields.title ?? `An idea ${unique()}`,
    body: fields.body ?? 'Because it would help.',
    tag: fields.tag ?? null,
  });
  return Object.assign(idea, { gid: toGlobalId('Idea', idea.id) });
}

/** The request viewer a person's token stands for. */
export async function viewerOf(t: TestApp, person: TestUser) {
  const session = await t.app.get(SessionsService).resolve(person.token);
  return { ...session!, ip: '127.0.0.1', userAgent: 'test' };
}

/** A test app with the usual people in it: `beforeAll(async () => ({ t, p } = await appWithPersonas()))`. */
export async function appWithPersonas(
  options?: Parameters<typeof startTestApp>[0],
): Promise<{ t: TestApp; p: Personas }> {
  const t = await startTestApp(options);
  return { t, p: await makePersonas(t) };
}
