import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { DateText } from '../../../components/ui/date-text';
import { LoadMore } from '../../../components/ui/load-more';
import { readApiError, refusalText } from '../../../lib/api-errors';
import { MARK_NOTIFICATIONS_READ, NOTIFICATIONS, UNREAD_NOTIFICATION_COUNT } from '../api/notifications';

interface Item {
  id: string;
  summary: string;
  readAt?: string | null;
  createdAt: string;
  idea?: { id: string } | null;
  campaign?: { slug: string } | null;
}

const targetOf = (item: Item) =>
  item.idea ? `/ideas/${item.idea.id}` : item.campaign ? `/campaigns/${item.campaign.slug}` : null;

/** The viewer's notifications, newest first: each says what happened and links to it; unread ones are marked. */
export function NotificationList() {
  const { t } = useTranslation();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { data, error, fetchMore, loading } = useQuery(NOTIFICATIONS, {
    variables: { unreadOnly },
    fetchPolicy: 'cache-and-network',
  });
  const [mark, marking] = useMutation(MARK_NOTIFICATIONS_READ, {
    refetchQueries: [NOTIFICATIONS, UNREAD_NOTIFICATION_COUNT],
    awaitRefetchQueries: true,
  });
  if (error) return <Alert type="error">{t('errors.load')}</Alert>;
  const viewer = data?.viewer;
  if (!viewer) return <p role="status">{t('common.loading')}</p>;
  const page = viewer.notifications;
  const items: Item[] = page.edges.map((edge) => edge.node);
  const markRead = (ids: string[] | null) => void mark({ variables: { ids } }).catch(() => undefined);
  return (
    <>
      <p role="status">{t('notifications.unreadCount', { count: viewer.unreadNotificationCount })}</p>
      <div className="display-flex flex-wrap flex-align-center margin-bottom-2">
        <CheckboxField
          id="unread-only"
          className="margin-right-3"
          label={t('notifications.unreadOnly')}
          checked={unreadOnly}
          onChange={setUnreadOnly}
        />
        <button
          type="button"
          className="usa-button usa-button--outline margin-top-1"
          disabled={viewer.unreadNotificationCount === 0 || marking.loading}
          onClick={() => markRead(null)}
        >
          {t('notifications.markAllRead')}
        </button>
      </div>
      {marking.error ? <Alert type="error">{refusalText(readApiError(marking.error), t)}</Alert> : null}
      {items.length === 0 ? <p>{unreadOnly ? t('notifications.noneUnread') : t('notifications.none')}</p> : null}
      <ul className="usa-list usa-list--unstyled" aria-label={t('notifications.title')}>
        {items.map((item) => {
          const to = targetOf(item);
          const unread = !item.readAt;
          return (
            <li
              key={item.id}
              className={`padding-2 margin-bottom-1 border-1px border-base-lighter radius-md ${unread ? 'bg-primary-lighter' : ''}`}
            >
              {unread ? <span className="usa-tag bg-primary-dark margin-right-1">{t('notifications.new')}</span> : null}
              {to ? (
                <Link to={to} onClick={() => unread && markRead([item.id])}>
                  {item.summary}
                </Link>
              ) : (
                <span>{item.summary}</span>
              )}
              <span className="display-block font-sans-2xs text-base-dark margin-top-05">
                <DateText value={item.createdAt} withTime />
              </span>
              {unread ? (
                <button
                  type="button"
                  className="usa-button usa-button--unstyled font-sans-2xs margin-top-05"
                  onClick={() => markRead([item.id])}
                >
                  {t('notifications.markRead')}
                  <span className="usa-sr-only">: {item.summary}</span>
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      <LoadMore
        hasMore={page.pageInfo.hasNextPage}
        loading={loading}
        onClick={() => fetchMore({ variables: { after: page.pageInfo.endCursor, unreadOnly } })}
      />
    </>
  );
}
