import { useQuery, useSubscription } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { POLL_WITHOUT_LIVE_MS, useLiveStatus } from '../../../lib/live';
import { NOTIFICATION_LIVE, UNREAD_NOTIFICATION_COUNT } from '../api/notifications';

/**
 * The header's link to the notifications with the unread count. A rise in the count is announced politely
 * (a live region that exists before it changes); the first count is not announced. A new notification
 * arrives over the socket and the count is read again; while the socket is not open, the count is polled.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const live = useLiveStatus() === 'open';
  const { data, refetch } = useQuery(UNREAD_NOTIFICATION_COUNT, {
    pollInterval: live ? 0 : POLL_WITHOUT_LIVE_MS,
    fetchPolicy: 'cache-and-network',
  });
  useSubscription(NOTIFICATION_LIVE, { onData: () => void refetch() });
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
