import { useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { UNREAD_NOTIFICATION_COUNT } from '../api/notifications';

/** Checked this often until live updates arrive; each check is one small query. */
const POLL_MS = 15_000;

/**
 * The header's link to the notifications with the unread count. A rise in the count is announced politely
 * (a live region that exists before it changes); the first count is not announced.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const { data } = useQuery(UNREAD_NOTIFICATION_COUNT, { pollInterval: POLL_MS, fetchPolicy: 'cache-and-network' });
  const count = data?.viewer?.unreadNotificationCount ?? null;
  const seen = useRef<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    if (count === null) return;
    if (seen.current !== null && count > seen.current) setAnnouncement(t('notifications.announce', { count }));
    seen.current = count;
  }, [count, t]);
  return (
    <>
      <Link
        to="/notifications"
        className="display-inline-block padding-y-05 margin-right-2 font-sans-2xs"
        data-testid="notification-bell"
      >
        {t('notifications.link')}
        {count ? (
          <>
            {' '}
            <span className="usa-tag bg-secondary-dark margin-left-05" aria-hidden="true">
              {count}
            </span>
            <span className="usa-sr-only">{t('notifications.unreadCount', { count })}</span>
          </>
        ) : null}
      </Link>
      <span className="usa-sr-only" aria-live="polite" aria-atomic="true">
        {announcement}
      </span>
    </>
  );
}
