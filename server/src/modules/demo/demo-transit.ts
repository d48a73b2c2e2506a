import { Role, VotingMode } from '@consulta/shared';
import type { INestApplicationContext } from '@nestjs/common';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import { SessionsService } from '../auth/sessions.service.js';
import { openDemoCampaign } from './demo-campaign.js';
import { CommonGroundService } from '../common-ground/common-ground.service.js';
import { IdeasService } from '../ideas/ideas.service.js';
import { UsersService } from '../users/users.service.js';
import { VotesService } from '../votes/votes.service.js';

const IDEAS = [
  {
    title: 'Safer crossings outside every school',
    body: 'Raised crossings and a crossing guard at the start and end of the school day, on every route to a school.',
  },
  {
    title: 'A car-free Main Street on Saturdays',
    body: 'Close Main Street to cars from 10 to 6 on Saturdays, for markets, cafés and walking.',
  },
  {
    title: 'A protected bike lane on Harbor Road',
    body: 'A kerb-separated lane both ways, so that people of every age can ride to the harbour.',
  },
  {
    title: 'More short-stay parking downtown',
    body: 'Thirty-minute spaces near the shops, so that errands do not mean circling the block.',
  },
  {
    title: 'Keep two car lanes on Harbor Road',
    body: 'Harbor Road is the only way in from the east; one lane each way would back traffic up to the bridge.',
  },
];

/**
 * The Transit Authority's UP_DOWN consultation, voted on by two camps of demo residents (people who mostly
 * ride and people who mostly drive) and a part of both who back safer school crossings: what "Common ground"
 * is for. The residents exist only in demo data and sign in with the demo password.
 */
export async function seedTransitCampaign(
  app: INestApplicationContext,
  agencyId: string,
  as: (email: string) => Promise<RequestViewer>,
  password: string,
): Promise<void> {
  const official = await as('transit.official@example.org');
  const campaign = await openDemoCampaign(app, official, agencyId, {
    title: 'Streets for everyone',
    slug: 'streets-for-everyone',
    summary:
      'What should change on the city’s busiest streets? Vote for the ideas you want and against the ones you do not.',
    body: 'The Transit Authority will redesign Main Street and Harbor Road next year.\n\nVote **for** or **against** each idea. Sort by *Common ground* to see what people who usually disagree both support.',
    votingMode: VotingMode.UP_DOWN,
    voteBudget: null,
    responseThreshold: 10,
    tags: ['Walking', 'Cycling', 'Driving'],
  });
  const ideas = [];
  // Residents propose; the agency answers.
  const authors = ['carmen@example.org', 'dev@example.org', 'lena@example.org'];
  for (const [n, idea] of IDEAS.entries()) {
    ideas.push(await app.get(IdeasService).submitIdea(await as(authors[n % 3]!), campaign.id, { ...idea, tag: null }));
  }
  const users = app.get(UsersService);
  const votes = app.get(VotesService);
  // [camp size, ideas voted up, ideas voted down, how many of the camp back the school crossings]
  const camps: Array<[string, number, number[], number[], number]> = [
    ['rides', 14, [1, 2], [3, 4], 6],
    ['drives', 8, [3, 4], [1, 2], 4],
  ];
  for (const [name, size, up, down, crossings] of camps) {
    for (let k = 1; k <= size; k++) {
      const email = `resident-${name}-${k}@example.org`;
      await users.createUser({
        email,
        password,
        displayName: `Resident ${name === 'rides' ? 'R' : 'D'}${k}`,
        role: Role.CITIZEN,
        emailVerified: true,
      });
      const viewer = await as(email);
      for (const i of up) await votes.castVote(viewer, ideas[i]!.id, 1);
      for (const i of down) await votes.castVote(viewer, ideas[i]!.id, -1);
      if (k <= crossings) await votes.castVote(viewer, ideas[0]!.id, 1);
      else if (k <= crossings + 2) await votes.castVote(viewer, ideas[0]!.id, -1);
    }
  }
  // Computed now, so the first visit shows it; afterwards the background sweep keeps it current.
  await app.get(CommonGroundService).recompute(campaign.id);
}

/**
 * A demo person's viewer, writing their past (no anti-spam allowance applies), with one session per person
 * for the whole load; `end()` ends those sessions, so they do not stay among the person's own.
 */
export function demoViewers(app: INestApplicationContext) {
  const users = app.get(UsersService);
  const sessions = app.get(SessionsService);
  const made = new Map<string, Promise<RequestViewer>>();
  const as = (email: string): Promise<RequestViewer> => {
    let viewer = made.get(email);
    if (!viewer) {
      viewer = (async () => {
        const user = (await users.findByEmail(email))!;
        const session = await sessions.resolve(await sessions.create(user.id, { ip: 'demo', userAgent: null }));
        return { ...session!, ip: 'demo', userAgent: null, loadingHistory: true as const };
      })();
      made.set(email, viewer);
    }
    return viewer;
  };
  const end = async () => {
    for (const viewer of made.values()) await sessions.revoke((await viewer).sessionId!);
  };
  return Object.assign(as, { end });
}
