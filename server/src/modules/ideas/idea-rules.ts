import { IdeaStatus, Visibility } from '@consulta/shared';
import { ConflictError } from '../../common/errors/domain-error.js';
import { campaignNotAccepting } from '../campaigns/contribution.js';

interface IdeaState {
  status: IdeaStatus;
  visibility: Visibility;
}

/** A campaign's status and dates, and whether it takes contributions at `now`. */
export interface Acceptance {
  accepting: boolean;
  status: string;
  opensAt: Date | null;
  closesAt: Date | null;
  now: Date;
}

/**
 * Why the author may not edit the idea now, or null when they may: the one rule, checked by updateIdea
 * inside its transaction and shown beforehand as Idea.viewerCanEdit.
 */
export function editRefusal(idea: IdeaState, campaign: Acceptance): ConflictError | null {
  if (idea.visibility === Visibility.HIDDEN) return new ConflictError('IDEA_HIDDEN');
  if (idea.status === IdeaStatus.WITHDRAWN) return new ConflictError('IDEA_WITHDRAWN');
  if (!campaign.accepting) return campaignNotAccepting(campaign);
  if (idea.status !== IdeaStatus.SUBMITTED) return new ConflictError('IDEA_ANSWERED', { status: idea.status });
  return null;
}

/** Why the author may not withdraw the idea now, or null: checked by withdrawIdea, shown as viewerCanWithdraw. */
export function withdrawRefusal(idea: IdeaState, campaignStatus: string): ConflictError | null {
  if (idea.status === IdeaStatus.WITHDRAWN) return new ConflictError('IDEA_WITHDRAWN');
  if (campaignStatus === 'ARCHIVED') return new ConflictError('CAMPAIGN_ARCHIVED');
  if (idea.visibility === Visibility.HIDDEN) return new ConflictError('IDEA_HIDDEN');
  return null;
}
