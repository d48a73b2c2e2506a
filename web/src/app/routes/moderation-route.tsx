import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ModerationQueue } from '../../features/moderation/components/moderation-queue';
import { Suspensions } from '../../features/moderation/components/suspensions';
import { useViewer } from '../../features/session/components/use-viewer';
import { RequireSignedIn } from '../require-signed-in';
import { usePageTitle } from '../use-page-title';

export function ModerationRoute() {
  const { t } = useTranslation();
  const { isModerator } = useViewer();
  usePageTitle(t('moderation.title'));
  return (
    <RequireSignedIn allow={(v) => v.isModerator || v.isOfficial}>
      <h1>{t('moderation.title')}</h1>
      <p>
        <Link to="/moderation/log">{t('log.title')}</Link>
      </p>
      <ModerationQueue canSuspend={isModerator} />
      {isModerator ? <Suspensions /> : null}
    </RequireSignedIn>
  );
}
