import { useQuery } from '@apollo/client/react';
import { VIEWER } from '../api/viewer';

/** The signed-in person (null when signed out), and whether that is known yet. */
export function useViewer() {
  const { data, loading } = useQuery(VIEWER);
  const viewer = data?.viewer ?? null;
  const role = viewer?.user.role;
  return {
    viewer,
    loading,
    isModerator: role === 'MODERATOR' || role === 'ADMIN',
    isAdmin: role === 'ADMIN',
    isOfficial: (viewer?.memberships.length ?? 0) > 0 || role === 'ADMIN',
  };
}
