import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { DateText } from '../../../components/ui/date-text';
import { LoadMore } from '../../../components/ui/load-more';
import { StatusTag } from '../../../components/ui/status-tag';
import type { IdeaSort } from '../../../gql/graphql';
import { IDEAS_TO_ANSWER } from '../api/responses';
import { AnswerPanel } from './answer-panel';
import { ResponseDue } from './response-due';

/** The columns a click sorts by, and the order each stands for (newest first, most votes first). */
const SORTABLE: Record<'votes' | 'submitted', IdeaSort> = { votes: 'TOP', submitted: 'NEW' };

/** Every listed idea of the campaign in a table sorted by votes or date, each answerable. */
export function AllIdeasTable({
  campaignId,
  support,
  onAnswered,
}: {
  campaignId: string;
  support: boolean;
  onAnswered(): void;
}) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<IdeaSort>('TOP');
  const [answering, setAnswering] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { data, loading, error, fetchMore, refetch } = useQuery(IDEAS_TO_ANSWER, {
    variables: { id: campaignId, sort },
    fetchPolicy: 'cache-and-network',
  });
  if (error) return <Alert type="error">{t('errors.load')}</Alert>;
  const ideas = data?.campaign?.ideas;
  const header = (column: keyof typeof SORTABLE, label: string) => (
    <th scope="col" aria-sort={sort === SORTABLE[column] ? 'descending' : undefined}>
      <button type="button" className="usa-button usa-button--unstyled" onClick={() => setSort(SORTABLE[column])}>
        {label}
        <span className="usa-sr-only">
          {sort === SORTABLE[column] ? t('table.sortedDescending') : t('table.sortBy')}
        </span>
      </button>
    </th>
  );
  return (
    <section aria-labelledby="all-ideas-heading">
      <h2 id="all-ideas-heading">{t('console.allIdeasCount', { count: ideas?.totalCount ?? 0 })}</h2>
      {notice ? <Alert type="success">{notice}</Alert> : null}
      {!ideas ? <p role="status">{t('common.loading')}</p> : null}
      <div className="usa-table-container--scrollable" tabIndex={0} aria-labelledby="all-ideas-heading">
        <table className="usa-table usa-table--striped width-full">
          <thead>
            <tr>
              <th scope="col">{t('table.idea')}</th>
              <th scope="col">{t('table.status')}</th>
              <th scope="col">{t('table.topic')}</th>
              {header('votes', support ? t('table.supports') : t('table.votes'))}
              <th scope="col">{t('table.comments')}</th>
              {header('submitted', t('table.submitted'))}
              <th scope="col">{t('table.answerDue')}</th>
              <th scope="col">
                <span className="usa-sr-only">{t('table.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {ideas?.edges.map(({ node }) => (
              <tr key={node.id}>
                <th scope="row">
                  <Link to={`/ideas/${node.id}`}>{node.title}</Link>
                </th>
                <td>
                  <StatusTag status={node.status} />
                </td>
                <td>{node.tag ?? ''}</td>
                <td>{node.score}</td>
                <td>{node.commentCount}</td>
                <td>
                  <DateText value={node.createdAt} />
                </td>
                <td>
                  <ResponseDue dueAt={node.responseDueAt} overdue={node.responseOverdue} />
                </td>
                <td>
                  <button
                    type="button"
                    className="usa-button usa-button--unstyled"
                    aria-expanded={answering === node.id}
                    onClick={() => setAnswering(answering === node.id ? null : node.id)}
                  >
                    {t('respond.open')}
                    <span className="usa-sr-only">: {node.title}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {ideas?.edges
        .filter(({ node }) => node.id === answering)
        .map(({ node }) => (
          <AnswerPanel
            key={node.id}
            idea={node}
            campaignId={campaignId}
            support={support}
            onDone={() => {
              setAnswering(null);
              setNotice(t('respond.posted', { title: node.title }));
              void refetch();
              onAnswered();
            }}
          />
        ))}
      {ideas ? (
        <LoadMore
          hasMore={ideas.pageInfo.hasNextPage}
          loading={loading}
          onClick={() => fetchMore({ variables: { after: ideas.pageInfo.endCursor } })}
        />
      ) : null}
    </section>
  );
}
