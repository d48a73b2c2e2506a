import { IdeaStatus, Visibility } from '@consulta/shared';

/** What the response clock reads of an idea. */
export interface ClockedIdea {
  status: IdeaStatus;
  visibility: Visibility;
  score: number;
  thresholdReachedAt: Date | null;
  respondedAt: Date | null;
}

/** What it reads of the idea's campaign. */
export interface ClockedCampaign {
  responseThreshold: number | null;
  responseDays: number | null;
}

const DAY_MS = 86_400_000;

/**
 * The one rule for "owed an answer": listed (visible, not withdrawn), at or past the campaign's threshold,
 * and not answered yet. The SQL lists (awaiting, overdue, the figures) say the same in their conditions.
 */
export function owesAnswer(idea: ClockedIdea, campaign: ClockedCampaign): boolean {
  return (
    campaign.responseThreshold !== null &&
    idea.respondedAt === null &&
    idea.status !== IdeaStatus.WITHDRAWN &&
    idea.visibility === Visibility.VISIBLE &&
    idea.score >= campaign.responseThreshold
  );
}

/** When the answer is due: the threshold time plus the campaign's responseDays; null when nothing is owed. */
export function responseDueAt(idea: ClockedIdea, campaign: ClockedCampaign): Date | null {
  if (campaign.responseDays === null || !idea.thresholdReachedAt || !owesAnswer(idea, campaign)) return null;
  return new Date(idea.thresholdReachedAt.getTime() + campaign.responseDays * DAY_MS);
}
