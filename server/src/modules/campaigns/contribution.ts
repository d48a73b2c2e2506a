import { ConflictError, ForbiddenError } from '../../common/errors/domain-error.js';
import { refuseIfSuspended } from '../users/suspension.js';
import type { ContributionState } from './campaigns.repository.js';

/**
 * The one rule for taking part in a campaign now, checked inside the write's transaction: not suspended
 * (CONFLICT SUSPENDED, until when), a confirmed address where the campaign asks for one (FORBIDDEN
 * EMAIL_NOT_VERIFIED), and the campaign taking contributions (CONFLICT, saying when it opens or closed).
 */
export function assertMayContribute(state: ContributionState): void {
  refuseIfSuspended(state.suspendedUntil);
  if (state.unverified) throw new ForbiddenError('EMAIL_NOT_VERIFIED');
  if (!state.accepting) throw campaignNotAccepting(state);
}

/** Why a campaign takes no contributions now, from its status and dates (read on the database's clock). */
export function campaignNotAccepting(state: {
  status: string;
  opensAt: Date | null;
  closesAt: Date | null;
  now: Date;
}): ConflictError {
  if (state.status === 'ARCHIVED') return new ConflictError('CAMPAIGN_ARCHIVED');
  if (state.status === 'OPEN' && state.opensAt && state.opensAt > state.now)
    return new ConflictError('CAMPAIGN_NOT_OPEN_YET', { opensAt: state.opensAt.toISOString() });
  const closed =
    state.status === 'CLOSED' || (state.status === 'OPEN' && state.closesAt && state.closesAt <= state.now);
  if (closed && state.closesAt) return new ConflictError('CAMPAIGN_CLOSED', { closedAt: state.closesAt.toISOString() });
  return new ConflictError('CAMPAIGN_NOT_OPEN');
}
