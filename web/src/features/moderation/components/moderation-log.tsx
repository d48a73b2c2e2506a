import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { DateText } from '../../../components/ui/date-text';
import { LoadMore } from '../../../components/ui/load-more';
import { MODERATION_LOG } from '../api/queue';

/** An entry's action (`idea.hidden`) in the reader's words; an action the catalogs do not know yet, as it is. */
const actionKey = (action: string) => `log.actions.${action.replace('.', '_')}`;

/** The audit log: who did what, to what, why and when, newest first; on a phone each entry stacks. */
export function ModerationLog() {
  const { t } = useTranslation();
  const { data, loading, error, fetchMore } = useQuery(MODERATION_LOG, {
    variables: { first: 30 },
    fetchPolicy: 'cache-and-network',
  });
  if (error) return <Alert type="error">{t('errors.load')}</Alert>;
  const log = data?.moderationLog;
  if (!log) return <p role="status">{t('common.loading')}</p>;
  if (!log.edges.length) return <p>{t('log.empty')}</p>;
  return (
    <>
      <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-label={t('log.title')}>
        <table className="usa-table usa-table--striped usa-table--compact usa-table--stacked">
          <caption className="usa-sr-only">{t('log.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('log.when')}</th>
              <th scope="col">{t('log.who')}</th>
              <th scope="col">{t('log.action')}</th>
              <th scope="col">{t('log.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {log.edges.map(({ node }) => (
              <tr key={node.id}>
                <td data-label={t('log.when')}>
                  <DateText value={node.createdAt} withTime />
                </td>
                <td data-label={t('log.who')}>{node.actor.displayName}</td>
                <td data-label={t('log.action')}>{t(actionKey(node.action), { defaultValue: node.action })}</td>
                <td data-label={t('log.reason')}>{node.reason ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <LoadMore
        hasMore={log.pageInfo.hasNextPage}
        loading={loading}
        onClick={() => void fetchMore({ variables: { after: log.pageInfo.endCursor } })}
      />
    </>
  );
}
