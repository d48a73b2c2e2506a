import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { DateText } from '../../components/ui/date-text';
import { LoadMore } from '../../components/ui/load-more';
import { OVERDUE_IDEAS } from '../../features/campaigns/api/campaign';
import { usePageTitle } from '../use-page-title';
import { NotFoundRoute } from './not-found-route';

/** The public list of ideas whose answer is overdue, longest overdue first. */
export function OverdueRoute() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const { data, loading, error, fetchMore } = useQuery(OVERDUE_IDEAS, {
    variables: { slug },
    fetchPolicy: 'cache-and-network',
  });
  usePageTitle(data?.campaign ? t('clock.overdueTitle', { title: data.campaign.title }) : t('common.loading'));
  if (error) return <Alert type="error">{t('errors.load')}</Alert>;
  if (!data) return <p role="status">{t('common.loading')}</p>;
  const campaign = data.campaign;
  if (!campaign) return <NotFoundRoute />;
  const overdue = campaign.ideasOverdue;
  const support = campaign.votingMode === 'SUPPORT';
  return (
    <>
      <p>
        <Link to={`/campaigns/${campaign.slug}`}>← {campaign.title}</Link>
      </p>
      <h1>{t('clock.overdueHeading')}</h1>
      <p className="usa-intro">
        {campaign.responseDays !== null && campaign.responseDays !== undefined && campaign.responseThreshold
          ? t('clock.commitment', {
              agency: campaign.agency.name,
              count: campaign.responseDays,
              threshold: campaign.responseThreshold,
            })
          : t('clock.noCommitment', { agency: campaign.agency.name })}
      </p>
      <p role="status">{t('clock.overdueCount', { count: overdue.totalCount })}</p>
      <ol className="usa-list">
        {overdue.edges.map(({ node }) => (
          <li key={node.id}>
            <Link to={`/ideas/${node.id}`}>{node.title}</Link> ·{' '}
            {support ? t('votes.supports', { count: node.score }) : t('votes.score', { count: node.score })} ·{' '}
            {node.responseDueAt ? (
              <>
                {t('clock.wasDue')} <DateText value={node.responseDueAt} />
              </>
            ) : null}
          </li>
        ))}
      </ol>
      <LoadMore
        hasMore={overdue.pageInfo.hasNextPage}
        loading={loading}
        onClick={() => fetchMore({ variables: { after: overdue.pageInfo.endCursor } })}
      />
    </>
  );
}
