import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { LoadMore } from '../../../components/ui/load-more';
import { SearchForm } from '../../../components/ui/search-form';
import { SelectField } from '../../../components/ui/select-field';
import { StatusTag } from '../../../components/ui/status-tag';
import type { IdeaStatus, IdeaToAnswerFragment } from '../../../gql/graphql';
import { AWAITING_IDEAS } from '../api/responses';
import { AnswerPanel } from './answer-panel';
import { ResponseDue } from './response-due';

/** Statuses an idea owed an answer can have (answered ones are no longer owed one). */
const OWED_STATUSES: IdeaStatus[] = ['SUBMITTED', 'UNDER_REVIEW', 'ACCEPTED', 'IN_PROGRESS'];

interface AwaitingListProps {
  campaignId: string;
  tags: string[];
  support: boolean;
  onAnswered(): void;
}

/** Ideas owed an answer, longest waiting first, narrowed by topic, status and words, each answerable. */
export function AwaitingList({ campaignId, tags, support, onAnswered }: AwaitingListProps) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState({ tag: '', status: '', search: '' });
  const { data, loading, error, fetchMore, refetch } = useQuery(AWAITING_IDEAS, {
    variables: {
      id: campaignId,
      first: 20,
      tag: filters.tag || null,
      status: (filters.status || null) as IdeaStatus | null,
      search: filters.search || null,
    },
    fetchPolicy: 'cache-and-network',
  });
  const [answering, setAnswering] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (error) return <Alert type="error">{t('errors.load')}</Alert>;
  const awaiting = data?.campaign?.ideasAwaitingResponse;
  const answered = (idea: IdeaToAnswerFragment) => {
    setAnswering(null);
    setNotice(t('respond.posted', { title: idea.title }));
    void refetch();
    onAnswered();
  };
  return (
    <section aria-labelledby="awaiting-heading">
      <h2 id="awaiting-heading">{t('console.awaiting', { count: awaiting?.totalCount ?? 0 })}</h2>
      {notice ? <Alert type="success">{notice}</Alert> : null}
      <div className="grid-row grid-gap-2 flex-align-end">
        <div className="grid-col-12 tablet:grid-col-3">
          <SelectField
            id="awaiting-tag"
            label={t('ideas.tag')}
            value={filters.tag}
            onChange={(tag) => setFilters((f) => ({ ...f, tag }))}
            options={[{ value: '', label: t('ideas.allTags') }, ...tags.map((tag) => ({ value: tag, label: tag }))]}
          />
        </div>
        <div className="grid-col-12 tablet:grid-col-3">
          <SelectField
            id="awaiting-status"
            label={t('ideas.status')}
            value={filters.status}
            onChange={(status) => setFilters((f) => ({ ...f, status }))}
            options={[
              { value: '', label: t('ideas.allStatuses') },
              ...OWED_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) })),
            ]}
          />
        </div>
        <SearchForm
          id="awaiting-search"
          className="grid-col-12 tablet:grid-col-6"
          label={t('console.searchOwed')}
          onSearch={(search) => setFilters((f) => ({ ...f, search }))}
        />
      </div>
      {!awaiting ? <p role="status">{t('common.loading')}</p> : null}
      {awaiting && awaiting.edges.length === 0 ? (
        <p>
          {filters.tag || filters.status || filters.search ? t('console.noneAwaitingMatch') : t('console.noneAwaiting')}
        </p>
      ) : null}
      <ol className="usa-list usa-list--unstyled">
        {awaiting?.edges.map(({ node }) => (
          <li key={node.id} className="border-bottom border-base-lighter padding-y-2">
            <p className="margin-0">
              <Link to={`/ideas/${node.id}`} className="text-bold">
                {node.title}
              </Link>
            </p>
            <p className="margin-y-05 font-sans-2xs">
              <StatusTag status={node.status} />{' '}
              {node.tag ? <span className="usa-tag bg-base-lighter text-ink">{node.tag}</span> : null}{' '}
              <ResponseDue dueAt={node.responseDueAt} overdue={node.responseOverdue} />{' '}
              {support ? t('votes.supports', { count: node.score }) : t('votes.score', { count: node.score })} ·{' '}
              {t('ideas.comments', { count: node.commentCount })}
            </p>
            <button
              type="button"
              className="usa-button usa-button--outline usa-button--small"
              aria-expanded={answering === node.id}
              onClick={() => setAnswering(answering === node.id ? null : node.id)}
            >
              {t('respond.open')}
              <span className="usa-sr-only">: {node.title}</span>
            </button>
            {answering === node.id ? (
              <AnswerPanel idea={node} campaignId={campaignId} support={support} onDone={() => answered(node)} />
            ) : null}
          </li>
        ))}
      </ol>
      {awaiting ? (
        <LoadMore
          hasMore={awaiting.pageInfo.hasNextPage}
          loading={loading}
          onClick={() => fetchMore({ variables: { after: awaiting.pageInfo.endCursor } })}
        />
      ) : null}
    </section>
  );
}
