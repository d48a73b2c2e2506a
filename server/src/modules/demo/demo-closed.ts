import { CampaignStatus, IdeaStatus, VotingMode } from '@consulta/shared';
import type { INestApplicationContext } from '@nestjs/common';
import type { RequestViewer } from '../../common/auth/request-viewer.js';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { openDemoCampaign } from './demo-campaign.js';
import { IdeasService } from '../ideas/ideas.service.js';
import { ResponsesService } from '../responses/responses.service.js';
import { VotesService } from '../votes/votes.service.js';

const IDEAS = [
  {
    by: 'carmen@example.org',
    title: 'An ice rink on the Riverside lawn',
    body: 'A small outdoor rink from December to February, with skates to borrow.',
    voters: ['dev@example.org', 'lena@example.org'],
    status: IdeaStatus.IMPLEMENTED,
    answer: 'The rink opened on the Riverside lawn on 1 December, with 200 pairs of skates to borrow for free.',
  },
  {
    by: 'dev@example.org',
    title: 'Cross-country ski trails when it snows',
    body: 'Groom the long loop in the north park for skiing after a snowfall.',
    voters: ['carmen@example.org', 'lena@example.org'],
    status: IdeaStatus.ACCEPTED,
    answer: 'We will groom the north loop after every snowfall of 10 cm or more, starting next winter.',
  },
  {
    by: 'lena@example.org',
    title: 'A sledding hill with safety fences',
    body: 'Fence off the bottom of the east hill so that sleds cannot reach the road.',
    voters: ['carmen@example.org', 'dev@example.org'],
    status: IdeaStatus.IN_PROGRESS,
    answer: 'The fences are ordered; they will be up before the first snow.',
  },
  {
    by: 'carmen@example.org',
    title: 'Heated shelters at the park bus stops',
    body: 'Waiting for the bus by the park gates is very cold in January.',
    voters: ['dev@example.org', 'lena@example.org'],
    status: IdeaStatus.REJECTED,
    answer:
      'Bus stops belong to the Transit Authority, not to the parks: we have passed your idea on to them, and the parks budget cannot pay for it.',
  },
];

/**
 * A closed consultation of the City Parks Department whose ideas were all answered: what results look
 * like once a consultation ends (ranked ideas with their status and answer, the response figures).
 */
export async function seedClosedCampaign(
  app: INestApplicationContext,
  agencyId: string,
  as: (email: string) => Promise<RequestViewer>,
): Promise<void> {
  const official = await as('parks.official@example.org');
  const campaign = await openDemoCampaign(app, official, agencyId, {
    title: 'Winter in the parks',
    slug: 'winter-in-the-parks',
    summary: 'What would make the parks worth visiting in winter?',
    body: 'The City Parks Department asked how the parks could stay lively from December to February. This consultation is closed: every idea that reached 2 supports was answered.',
    votingMode: VotingMode.SUPPORT,
    voteBudget: 3,
    responseThreshold: 2,
    responseDays: 14,
    tags: [],
  });
  const ideas = app.get(IdeasService);
  const votes = app.get(VotesService);
  const responses = app.get(ResponsesService);
  for (const idea of IDEAS) {
    const made = await ideas.submitIdea(await as(idea.by), campaign.id, { ...idea, tag: null });
    for (const voter of idea.voters) await votes.castVote(await as(voter), made.id, 1);
    await responses.postOfficialResponse(official, {
      ideaId: made.id,
      body: idea.answer,
      status: idea.status,
      duplicateOfId: null,
    });
  }
  await app.get(CampaignsService).transition(official, campaign.id, CampaignStatus.CLOSED, [CampaignStatus.OPEN]);
}
