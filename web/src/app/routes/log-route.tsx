import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ModerationLog } from '../../features/moderation/components/moderation-log';
import { RequireSignedIn } from '../require-signed-in';
import { usePageTitle } from '../use-page-title';

export function LogRoute() {
  const { t } = useTranslation();
  usePageTitle(t('log.title'));
  return (
    <RequireSignedIn allow={(v) => v.isModerator || v.isOfficial}>
      <p>
        <Link to="/moderation">← {t('moderation.title')}</Link>
      </p>
      <h1>{t('log.title')}</h1>
      <ModerationLog />
    </RequireSignedIn>
  );
}
