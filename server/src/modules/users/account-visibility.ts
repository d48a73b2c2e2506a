import { Role } from '@consulta/shared';
import type { RequestViewer } from '../../common/auth/request-viewer.js';

/**
 * Who sees what of another person's account, one rule per question. Everyone sees the public face (name,
 * role, join date, public ideas and comments) on User; the private fields below are on Account, for the back
 * office, and null for everyone else. A person sees their own on Viewer.
 */
export const accountVisibility = {
  /** Address and whether it is confirmed: admins, who manage accounts. */
  contact: (viewer: RequestViewer) => viewer.role === Role.ADMIN,
  /** Current suspension and its reason: moderators and admins, who suspend and lift. */
  suspension: (viewer: RequestViewer) => viewer.role === Role.ADMIN || viewer.role === Role.MODERATOR,
  /** The people list: admins (everyone, searched by name or address) and moderators (by name). */
  people: (viewer: RequestViewer) => viewer.role === Role.ADMIN || viewer.role === Role.MODERATOR,
};
