import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { PersonLink } from '../../people/components/person-link';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { LoadMore } from '../../../components/ui/load-more';
import { StatusTag } from '../../../components/ui/status-tag';
import type { IdeaSort, IdeaStatus } from '../../../gql/graphql';
import { ResponseDue } from '../../responses/components/response-due';
import { CAMPAIGN_IDEAS } from '../api/campaign-ideas';
import { useIdeaFilters } from './idea-filters';
import { VoteControl } from './vote-control';

const PAGE = 10;

/** A campaign's ideas as the URL's filters ask, ten at a time, each with its vote control. */
export function IdeaList({ slug, signedIn }: { slug: string; signedIn: boolean }) {
  const { t } = useTranslation();
  const { filters } = useIdeaFilters();
  const variables = {
    slug,
    sort: filters.sort as IdeaSort,
    tag: filters.tag || null,
    status: (filters.status || null) as IdeaStatus | null,
    search: filters.q || null,
    first: PAGE,
  };
  const { data, loading, error, fetchMore } = useQuery(CAMPAIGN_IDEAS, { variables });
  if (error) return <Alert type="error">{t('errors.load')}</Alert>;
  const campaign = data?.campaign;
  if (!campaign) return <p role="status">{t('common.loading')}</p>;
  const { edges, pageInfo, totalCount } = campaign.ideas;
  return (
    <section aria-labelledby="ideas-heading">
      <h2 id="ideas-heading">{t('ideas.heading')}</h2>
      <p role="status">{t('ideas.count', { count: totalCount })}</p>
      {edges.length === 0 ? (
        <p>{filters.q || filters.tag || filters.status ? t('ideas.noMatch') : t('ideas.none')}</p>
      ) : null}
      <ol className="usa-list usa-list--unstyled">
        {edges.map(({ node }) => (
          <li key={node.id} className="border-bottom border-base-lighter padding-y-2 grid-row grid-gap-2">
            <div className="grid-col-12 tablet:grid-col-8">
              <h3 className="margin-0 font-sans-lg">
                <Link to={`/ideas/${node.id}`}>{node.title}</Link>
              </h3>
              <p className="margin-y-1 font-sans-2xs">
                <StatusTag status={node.status} />{' '}
                {node.tag ? <span className="usa-tag bg-base-lighter text-ink">{node.tag}</span> : null}{' '}
                <ResponseDue dueAt={node.responseDueAt} overdue={node.responseOverdue} />{' '}
                <PersonLink person={node.author} /> · {t('ideas.comments', { count: node.commentCount })}
              </p>
            </div>
            <div className="grid-col-12 tablet:grid-col-4">
              <VoteControl idea={node} campaign={campaign} signedIn={signedIn} />
            </div>
          </li>
        ))}
      </ol>
      <LoadMore
        hasMore={pageInfo.hasNextPage}
        loading={loading}
        onClick={() => fetchMore({ variables: { after: pageInfo.endCursor } })}
      />
    </section>
  );
}
