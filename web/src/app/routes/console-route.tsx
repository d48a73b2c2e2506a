import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { MY_AGENCY_CAMPAIGNS } from '../../features/campaigns/api/console';
import { RequireSignedIn } from '../require-signed-in';
import { usePageTitle } from '../use-page-title';

function AgencyCampaigns() {
  const { t } = useTranslation();
  const { data, error } = useQuery(MY_AGENCY_CAMPAIGNS, { fetchPolicy: 'cache-and-network' });
  if (error) return <Alert type="error">{t('errors.load')}</Alert>;
  if (!data?.viewer) return <p role="status">{t('common.loading')}</p>;
  return (
    <>
      {data.viewer.memberships.map(({ agency }) => (
        <section key={agency.id} aria-labelledby={`agency-${agency.id}`} className="margin-bottom-4">
          <h2 id={`agency-${agency.id}`}>{agency.name}</h2>
          <p>
            <Link className="usa-button" to={`/console/new?agency=${encodeURIComponent(agency.id)}`}>
              {t('console.newCampaign')}
            </Link>
          </p>
          {agency.campaigns.edges.length === 0 ? <p>{t('console.noCampaigns')}</p> : null}
          <ul className="usa-list">
            {agency.campaigns.edges.map(({ node }) => (
              <li key={node.id}>
                <Link to={`/console/campaigns/${node.id}`}>{node.title}</Link> — {t(`campaignStatus.${node.status}`)} ·{' '}
                {t('campaign.ideaCount', { count: node.ideaCount })}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export function ConsoleRoute() {
  const { t } = useTranslation();
  usePageTitle(t('console.title'));
  return (
    <RequireSignedIn allow={(v) => (v.viewer?.memberships.length ?? 0) > 0}>
      <h1>{t('console.title')}</h1>
      <AgencyCampaigns />
    </RequireSignedIn>
  );
}
