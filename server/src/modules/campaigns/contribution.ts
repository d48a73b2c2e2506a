import { ConflictError, ForbiddenError } from '../../common/errors/domain-error.js';
import { refuseIfSuspended } from '../users/suspension.js';
import type { ContributionState } from './campaigns.repository.js';

/**
 * The one rule for taking part in a campaign now, checked inside the write's transaction: not suspended,
 * a confirmed address where the campaign asks for one (FORBIDDEN, reason EMAIL_NOT_VERIFIED), and the
 * campaign taking contributions (CONFLICT with `closed`).
 */
export function assertMayContribute(state: ContributionState, closed: string): void {
  refuseIfSuspended(state.suspended);
  if (state.unverified) {
    throw new ForbiddenError(
      'This campaign takes ideas and votes only from people who confirmed their email address.',
      {
        reason: 'EMAIL_NOT_VERIFIED',
      },
    );
  }
  if (!state.accepting) throw new ConflictError(closed);
}
