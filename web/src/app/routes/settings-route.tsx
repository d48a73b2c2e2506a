import { useTranslation } from 'react-i18next';
import { NotificationSettings } from '../../features/notifications/components/notification-settings';
import { RequireSignedIn } from '../require-signed-in';
import { usePageTitle } from '../use-page-title';

export function SettingsRoute() {
  const { t } = useTranslation();
  usePageTitle(t('settings.title'));
  return (
    <RequireSignedIn>
      <h1>{t('settings.title')}</h1>
      <NotificationSettings />
    </RequireSignedIn>
  );
}
