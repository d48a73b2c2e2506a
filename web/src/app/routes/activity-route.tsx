import { useTranslation } from 'react-i18next';
import { MyActivity } from '../../features/activity/components/my-activity';
import { RequireSignedIn } from '../require-signed-in';
import { usePageTitle } from '../use-page-title';

export function ActivityRoute() {
  const { t } = useTranslation();
  usePageTitle(t('activity.title'));
  return (
    <RequireSignedIn>
      <h1>{t('activity.title')}</h1>
      <MyActivity />
    </RequireSignedIn>
  );
}
