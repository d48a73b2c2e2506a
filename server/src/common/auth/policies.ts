import { Role } from '@consulta/shared';
import { ForbiddenError, UnauthenticatedError } from '../errors/domain-error.js';
import type { RequestViewer } from './request-viewer.js';

export type SignedInViewer = RequestViewer & { role: Role };
export type PersonViewer = SignedInViewer & { userId: string };

/**
 * The viewer, known to be signed in (or the system itself, for the command line and demo data);
 * UNAUTHENTICATED otherwise.
 */
export function requireSignedIn(viewer: RequestViewer): SignedInViewer {
  if (viewer.system && viewer.role) return viewer as SignedInViewer;
  if (!viewer.userId || !viewer.role) throw new UnauthenticatedError();
  return viewer as SignedInViewer;
}

/** A signed-in person (not the system): for actions that need someone to be the author. */
export function requirePerson(viewer: RequestViewer): PersonViewer {
  if (!viewer.userId || !viewer.role) throw new UnauthenticatedError();
  return viewer as PersonViewer;
}

/** The viewer, signed in with one of `roles`; UNAUTHENTICATED or FORBIDDEN otherwise. */
export function requireRole(viewer: RequestViewer, ...roles: Role[]): SignedInViewer {
  const signedIn = requireSignedIn(viewer);
  if (!roles.includes(signedIn.role))
    throw new ForbiddenError('ROLE_REQUIRED', { required: roles.join(','), role: signedIn.role });
  return signedIn;
}

/**
 * A signed-in person with a session of their own: account, token and webhook changes are never made with
 * an API token (FORBIDDEN with reason SESSION_REQUIRED).
 */
export function requireSession(viewer: RequestViewer): PersonViewer {
  const person = requirePerson(viewer);
  if (!person.sessionId) throw new ForbiddenError('SESSION_REQUIRED');
  return person;
}
