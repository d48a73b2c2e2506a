import { useTranslation } from 'react-i18next';
import { ApiTokens } from '../../features/developers/components/api-tokens';
import { Webhooks } from '../../features/developers/components/webhooks';
import { NotificationSettings } from '../../features/notifications/components/notification-settings';
import { AccountSecurity } from '../../features/session/components/account-security';
import { useViewer } from '../../features/session/components/use-viewer';
import { RequireSignedIn } from '../require-signed-in';
import { usePageTitle } from '../use-page-title';

/** The person's settings: profile, how they are told, their account's address, password and deletion, API tokens and webhooks. */
export function SettingsRoute() {
  const { t } = useTranslation();
  usePageTitle(t('settings.title'));
  const { viewer } = useViewer();
  return (
    <RequireSignedIn>
      <h1>{t('settings.title')}</h1>
      <NotificationSettings />
      {viewer ? <ApiTokens /> : null}
      {viewer ? <Webhooks /> : null}
      {viewer ? <AccountSecurity email={viewer.email} /> : null}
    </RequireSignedIn>
  );
}
