import { AgencyRole, Role } from '@consulta/shared';
import type { INestApplicationContext } from '@nestjs/common';
import { systemViewer } from '../../common/auth/request-viewer.js';
import { AgenciesService } from '../agencies/agencies.service.js';
import { UsersService } from '../users/users.service.js';

/**
 * Demo data for trying Consulta locally. Loaded only into the embedded database on its first start, or
 * when `npm start -- --seed` asks for it. These accounts exist nowhere else.
 */
export const DEMO_PASSWORD = 'consulta-demo-2026';

export const DEMO_ACCOUNTS = [
  { email: 'admin@example.org', displayName: 'Ada Admin', role: Role.ADMIN, what: 'site admin' },
  { email: 'moderator@example.org', displayName: 'Mo Moderator', role: Role.MODERATOR, what: 'moderator' },
  {
    email: 'parks.admin@example.org',
    displayName: 'Olivia Ortega',
    role: Role.CITIZEN,
    what: 'agency admin, City Parks',
  },
  { email: 'parks.official@example.org', displayName: 'Omar Okafor', role: Role.CITIZEN, what: 'official, City Parks' },
  {
    email: 'transit.official@example.org',
    displayName: 'Tara Tran',
    role: Role.CITIZEN,
    what: 'official, Transit Authority',
  },
  { email: 'carmen@example.org', displayName: 'Carmen Cruz', role: Role.CITIZEN, what: 'citizen' },
  { email: 'dev@example.org', displayName: 'Dev Patel', role: Role.CITIZEN, what: 'citizen' },
  { email: 'lena@example.org', displayName: 'Lena Novak', role: Role.CITIZEN, what: 'citizen' },
] as const;

const AGENCIES = [
  {
    name: 'City Parks Department',
    slug: 'city-parks',
    description: 'Parks, playgrounds, trees and green spaces across the city.',
    members: [
      { email: 'parks.admin@example.org', role: AgencyRole.AGENCY_ADMIN },
      { email: 'parks.official@example.org', role: AgencyRole.OFFICIAL },
    ],
  },
  {
    name: 'Transit Authority',
    slug: 'transit',
    description: 'Buses, light rail, bike lanes and safe streets.',
    members: [{ email: 'transit.official@example.org', role: AgencyRole.OFFICIAL }],
  },
];

/** True when the demo accounts are present (so their credentials are worth printing). */
export async function hasDemoData(app: INestApplicationContext): Promise<boolean> {
  return (await app.get(UsersService).findByEmail(DEMO_ACCOUNTS[0].email)) !== null;
}

/** Loads the demo data unless it is there already. Returns true when it loaded it. */
export async function seedDemoData(app: INestApplicationContext): Promise<boolean> {
  if (await hasDemoData(app)) return false;
  const users = app.get(UsersService);
  const agencies = app.get(AgenciesService);
  const system = systemViewer();
  for (const account of DEMO_ACCOUNTS) {
    await users.createUser({ ...account, password: DEMO_PASSWORD });
  }
  for (const { members, ...agency } of AGENCIES) {
    const created = await agencies.createAgency(system, agency);
    for (const member of members) await agencies.addMember(system, { agencyId: created.id, ...member });
  }
  return true;
}

export function demoCredentials(): string {
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
  return [
    `Demo accounts (password for each: ${DEMO_PASSWORD}):`,
    ...DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(width)}  ${a.what}`),
  ].join('\n');
}
