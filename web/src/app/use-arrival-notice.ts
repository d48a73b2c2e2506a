import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/**
 * The notice a page was sent with (`navigate(path, { state: { notice } })`), shown once: it is taken out
 * of the history entry at once, so it does not come back on reload, on Back, or after signing out.
 */
export function useArrivalNotice(): [notice: string | null, clear: () => void] {
  const location = useLocation();
  const navigate = useNavigate();
  const [notice, setNotice] = useState(() => (location.state as { notice?: string } | null)?.notice ?? null);
  const carried = (location.state as { notice?: string } | null)?.notice;
  useEffect(() => {
    if (carried)
      void navigate(`${location.pathname}${location.search}${location.hash}`, { replace: true, state: null });
  }, [carried, navigate, location.pathname, location.search, location.hash]);
  // Cleared by the page once the reader does something else: a message belongs to the action that caused it.
  return [notice, () => setNotice(null)];
}
