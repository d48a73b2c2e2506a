import { AgencyRole, FlagReason, IdeaStatus, Role, VotingMode } from '@consulta/shared';
import type { INestApplicationContext } from '@nestjs/common';
import { systemViewer, type RequestViewer } from '../../common/auth/request-viewer.js';
import { AgenciesService } from '../agencies/agencies.service.js';
import { openDemoCampaign } from './demo-campaign.js';
import { CommentsService } from '../comments/comments.service.js';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { FlagsService } from '../moderation/flags.service.js';
import { IdeasService } from '../ideas/ideas.service.js';
import { ResponsesService } from '../responses/responses.service.js';
import { VotesService } from '../votes/votes.service.js';
import { UsersService } from '../users/users.service.js';
import { seedClosedCampaign } from './demo-closed.js';
import { demoViewers, seedTransitCampaign } from './demo-transit.js';

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
    await users.createUser({ ...account, password: DEMO_PASSWORD, emailVerified: true });
  }
  const created = [];
  for (const { members, ...agency } of AGENCIES) {
    const made = await agencies.createAgency(system, agency);
    for (const member of members) await agencies.addMember(system, { agencyId: made.id, ...member });
    created.push(made);
  }
  const as = demoViewers(app);
  await seedDemoCampaign(app, created[0]!.id, as);
  await seedClosedCampaign(app, created[0]!.id, as);
  await seedTransitCampaign(app, created[1]!.id, as, DEMO_PASSWORD);
  // The sessions the demo people's past was written with end with it (never a session someone signed in with).
  await as.end();
  return true;
}

/** More ideas, proposed before the four above: enough for the list to page. */
const EARLIER_IDEAS = [
  [
    'carmen@example.org',
    'Accessibility',
    'Benches every 200 metres on long paths',
    'Older visitors need somewhere to rest on the longer loops.',
  ],
  [
    'dev@example.org',
    'Playgrounds',
    'A splash pad for hot afternoons',
    'Fountains children can run through, turned on from noon to six.',
  ],
  [
    'lena@example.org',
    null,
    'Longer opening hours for park toilets',
    'They close at five, while the parks are full until nine in summer.',
  ],
  [
    'carmen@example.org',
    'Accessibility',
    'Braille maps at the main gates',
    'A map you can read by touch, beside each large gate.',
  ],
  [
    'dev@example.org',
    null,
    'Free summer concerts on Sunday evenings',
    'Local bands on the bandstand, once a week from June to August.',
  ],
  [
    'lena@example.org',
    'Playgrounds',
    'Inclusive swings that every child can use',
    'Basket and seat swings beside the usual ones.',
  ],
  ['carmen@example.org', null, 'Bike racks at every park', 'Somewhere to lock a bike near each main gate.'],
  [
    'dev@example.org',
    'Accessibility',
    'A quiet morning each week',
    'No music or machines before eleven on Wednesdays, for visitors who need calm.',
  ],
  ['lena@example.org', null, 'Dog-free lawns for picnics', 'One lawn in each large park where dogs stay on the lead.'],
  [
    'carmen@example.org',
    'Playgrounds',
    'Sandpit covers to keep cats out',
    'A cover each evening keeps the sand clean.',
  ],
  [
    'dev@example.org',
    null,
    'Lights along the river path at night',
    'Low lights that do not disturb the birds, so that the path feels safe after dark.',
  ],
  ['lena@example.org', 'Accessibility', 'Signs in plain language', 'Short words and pictures on every park sign.'],
] as const;

const IDEAS = [
  {
    by: 'carmen@example.org',
    tag: 'Playgrounds',
    title: 'Shade over the Riverside playground',
    body: 'The slides get too hot to touch from June to September. A shade sail over the play area would let children play at midday.',
  },
  {
    by: 'dev@example.org',
    tag: 'Trees',
    title: 'Plant fruit trees along the greenway',
    body: 'Apple and pear trees along the **greenway** would give shade, food and a reason to walk there.',
  },
  {
    by: 'lena@example.org',
    tag: 'Accessibility',
    title: 'Step-free paths to every park entrance',
    body: 'Several entrances have steps or gravel only. Wheelchair users and parents with strollers have to go around.',
  },
  {
    by: 'carmen@example.org',
    tag: 'Trees',
    title: 'Water new street trees in their first summers',
    body: 'Many young trees planted last year have died. A watering schedule, or water bags, for the first two summers.',
  },
];

/** An open campaign of the City Parks Department with a few ideas and votes, made through the services. */
async function seedDemoCampaign(
  app: INestApplicationContext,
  agencyId: string,
  as: (email: string) => Promise<RequestViewer>,
): Promise<void> {
  const official = await as('parks.official@example.org');
  const campaign = await openDemoCampaign(app, official, agencyId, {
    title: 'Better parks for summer',
    slug: 'better-parks-for-summer',
    summary: 'How should the city make its parks cooler, greener and easier to reach next summer?',
    body: 'The City Parks Department has a budget for improvements next summer.\n\nPropose ideas, support the ones you like (up to **5**), and discuss. Every idea with 3 supports gets an official answer within 14 days.',
    votingMode: VotingMode.SUPPORT,
    voteBudget: 5,
    responseThreshold: 3,
    responseDays: 14,
    tags: ['Playgrounds', 'Trees', 'Accessibility'],
  });
  const ideas = app.get(IdeasService);
  const earlier = [];
  for (const [by, tag, title, body] of EARLIER_IDEAS) {
    earlier.push(await ideas.submitIdea(await as(by), campaign.id, { tag, title, body }));
  }
  const made = [];
  for (const idea of IDEAS) made.push(await ideas.submitIdea(await as(idea.by), campaign.id, idea));
  const votes = app.get(VotesService);
  for (const [voter, picks] of [
    ['dev@example.org', [0, 2]],
    ['lena@example.org', [0, 1]],
    ['carmen@example.org', [2]],
  ] as const) {
    const viewer = await as(voter);
    for (const pick of picks) await votes.castVote(viewer, made[pick]!.id, 1);
  }
  await app.get(ResponsesService).postOfficialResponse(official, {
    ideaId: made[0]!.id,
    body: 'Thank you. Shade sails are in next summer’s plan for three playgrounds; Riverside is one of them.',
    status: IdeaStatus.ACCEPTED,
    duplicateOfId: null,
  });
  const comments = app.get(CommentsService);
  const dev = await as('dev@example.org');
  const thread = await comments.addComment(dev, {
    ideaId: made[1]!.id,
    body: 'Yes, and benches under them.',
    parentId: null,
  });
  await comments.addComment(await as('lena@example.org'), {
    ideaId: made[1]!.id,
    body: 'Benches would help older visitors too.',
    parentId: thread.id,
  });
  const offTopic = await comments.addComment(await as('carmen@example.org'), {
    ideaId: made[2]!.id,
    body: 'Does anyone know when the public pool opens this year?',
    parentId: null,
  });
  // Flags, so the moderation queue has something to show: a comment, and an idea reported twice.
  const flags = app.get(FlagsService);
  await flags.flagContent(dev, {
    targetId: toGlobalId('Comment', offTopic.id),
    reason: FlagReason.OFF_TOPIC,
    note: 'About the pool, not the parks.',
  });
  const concerts = toGlobalId('Idea', earlier[4]!.id);
  await flags.flagContent(await as('carmen@example.org'), {
    targetId: concerts,
    reason: FlagReason.SPAM,
    note: 'Sounds like an advertisement for a band.',
  });
  await flags.flagContent(await as('lena@example.org'), {
    targetId: concerts,
    reason: FlagReason.OFF_TOPIC,
    note: null,
  });
}

export function demoCredentials(): string {
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
  return [
    `Demo accounts (password for each: ${DEMO_PASSWORD}):`,
    ...DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(width)}  ${a.what}`),
  ].join('\n');
}
