import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useViewer } from '../features/session/components/use-viewer';

/** Sends signed-out people to sign in (and back here afterwards); `allow` narrows who may enter. */
export function RequireSignedIn({
  children,
  allow,
}: {
  children: ReactNode;
  allow?: (v: ReturnType<typeof useViewer>) => boolean;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const state = useViewer();
  if (state.loading) return <p role="status">{t('common.loading')}</p>;
  if (!state.viewer)
    return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (allow && !allow(state)) {
    return (
      <>
        <h1>{t('forbidden.title')}</h1>
        <p>{t('forbidden.body')}</p>
      </>
    );
  }
  return <>{children}</>;
}
