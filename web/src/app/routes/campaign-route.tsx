import { useQuery, useSubscription } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { DateText } from '../../components/ui/date-text';
import { CAMPAIGN } from '../../features/campaigns/api/campaign';
import { CAMPAIGN_LIVE } from '../../features/ideas/api/idea';
import { CampaignHeader } from '../../features/campaigns/components/campaign-header';
import { CampaignResults } from '../../features/campaigns/components/campaign-results';
import { ShareButton } from '../../features/share/components/share-button';
import { IdeaFilters } from '../../features/ideas/components/idea-filters';
import { IdeaList } from '../../features/ideas/components/idea-list';
import { ResponseStats } from '../../features/responses/components/response-stats';
import { useViewer } from '../../features/session/components/use-viewer';
import { usePageTitle } from '../use-page-title';
import { NotFoundRoute } from './not-found-route';

export function CampaignRoute() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const { viewer } = useViewer();
  const { data, error } = useQuery(CAMPAIGN, { variables: { slug } });
  // The listed ideas' counts follow votes as they happen (merged into the cache by each idea's id).
  const campaignId = data?.campaign?.id ?? '';
  useSubscription(CAMPAIGN_LIVE, { variables: { id: campaignId }, skip: !campaignId });
  usePageTitle(data?.campaign?.title ?? t('common.loading'));
  if (error) return <Alert type="error">{t('errors.load')}</Alert>;
  if (!data) return <p role="status">{t('common.loading')}</p>;
  const campaign = data.campaign;
  if (!campaign) return <NotFoundRoute />;
  const ended = campaign.status === 'CLOSED' || campaign.status === 'ARCHIVED';
  return (
    <>
      {ended ? (
        <Alert type="info" heading={t('results.closedTitle')}>
          {campaign.closesAt ? (
            <>
              {t('results.closedOn')} <DateText value={campaign.closesAt} />.{' '}
            </>
          ) : null}
          {t('results.closedBody')}
        </Alert>
      ) : null}
      <CampaignHeader campaign={campaign} />
      <div className="display-flex flex-wrap flex-align-end">
        {campaign.acceptingContributions ? (
          <p className="margin-right-2 margin-bottom-0">
            <Link className="usa-button usa-button--big" to={`/campaigns/${campaign.slug}/new-idea`}>
              {t('campaign.propose')}
            </Link>
          </p>
        ) : null}
        <ShareButton title={campaign.title} path={`/campaigns/${campaign.slug}`} />
      </div>
      {campaign.responseThreshold ? (
        <ResponseStats
          stats={campaign.responseStats}
          committed={campaign.responseDays !== null && campaign.responseDays !== undefined}
          overdueLink={`/campaigns/${campaign.slug}/overdue`}
        />
      ) : null}
      {ended ? (
        <CampaignResults slug={campaign.slug} support={campaign.votingMode === 'SUPPORT'} />
      ) : (
        <>
          <IdeaFilters tags={campaign.tags} votingMode={campaign.votingMode} />
          <IdeaList slug={campaign.slug} signedIn={!!viewer} />
        </>
      )}
    </>
  );
}
