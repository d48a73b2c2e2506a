import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { LoadMore } from '../../../components/ui/load-more';
import type { FlagStatus } from '../../../gql/graphql';
import { FLAGGED_CONTENT } from '../api/queue';
import { FlaggedCard } from './flagged-card';

const STATUSES: FlagStatus[] = ['OPEN', 'DISMISSED', 'ACTIONED'];

/** The review queue: one card per flagged idea or comment, with all its flags and one decision for all. */
export function ModerationQueue({ canSuspend }: { canSuspend: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = (STATUSES as string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as FlagStatus)
    : 'OPEN';
  const { data, loading, error, fetchMore, refetch } = useQuery(FLAGGED_CONTENT, {
    variables: { status },
    fetchPolicy: 'cache-and-network',
  });
  // A message belongs to the decision that caused it: it goes with the next tab or decision.
  const [notice, setNotice] = useState<string | null>(null);
  if (error) return <Alert type="error">{t('errors.load')}</Alert>;
  const queue = data?.flaggedContent;
  return (
    <>
      <nav aria-label={t('moderation.statusNav')} className="margin-bottom-2">
        <ul className="usa-button-group">
          {STATUSES.map((value) => (
            <li key={value} className="usa-button-group__item">
              <button
                type="button"
                className={`usa-button ${value === status ? '' : 'usa-button--outline'}`}
                aria-pressed={value === status}
                onClick={() => {
                  setNotice(null);
                  setParams(value === 'OPEN' ? {} : { status: value });
                }}
              >
                {t(`moderation.status.${value}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {notice ? (
        <Alert type="success" focus>
          {notice}
        </Alert>
      ) : null}
      {!queue ? (
        <p role="status">{t('common.loading')}</p>
      ) : queue.edges.length === 0 ? (
        <p>{t('moderation.empty')}</p>
      ) : (
        <>
          <p>{t('moderation.cardCount', { count: queue.totalCount })}</p>
          <ol className="usa-list usa-list--unstyled">
            {queue.edges.map(({ node }) => (
              <FlaggedCard
                key={node.targetId}
                card={node}
                status={status}
                canSuspend={canSuspend}
                onStart={() => setNotice(null)}
                onDone={(message) => {
                  setNotice(message);
                  void refetch();
                }}
              />
            ))}
          </ol>
          <LoadMore
            hasMore={queue.pageInfo.hasNextPage}
            loading={loading}
            onClick={() => fetchMore({ variables: { after: queue.pageInfo.endCursor } })}
          />
        </>
      )}
    </>
  );
}
