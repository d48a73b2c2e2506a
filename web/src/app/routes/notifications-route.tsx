import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NotificationList } from '../../features/notifications/components/notification-list';
import { RequireSignedIn } from '../require-signed-in';
import { usePageTitle } from '../use-page-title';

export function NotificationsRoute() {
  const { t } = useTranslation();
  usePageTitle(t('notifications.title'));
  return (
    <RequireSignedIn>
      <h1>{t('notifications.title')}</h1>
      <NotificationList />
      <p className="margin-top-4">
        <Link to="/settings">{t('notifications.toSettings')}</Link>
      </p>
    </RequireSignedIn>
  );
}
