import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { CAMPAIGN_FOR_IDEA } from '../../features/ideas/api/submit-idea';
import { SubmitIdeaForm } from '../../features/ideas/components/submit-idea-form';
import { RequireSignedIn } from '../require-signed-in';
import { usePageTitle } from '../use-page-title';
import { NotFoundRoute } from './not-found-route';

export function SubmitIdeaRoute() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const navigate = useNavigate();
  const { data, error } = useQuery(CAMPAIGN_FOR_IDEA, { variables: { slug } });
  usePageTitle(t('submit.pageTitle'));
  if (error) return <Alert type="error">{t('errors.load')}</Alert>;
  if (!data) return <p role="status">{t('common.loading')}</p>;
  const campaign = data.campaign;
  if (!campaign) return <NotFoundRoute />;
  return (
    <RequireSignedIn>
      <p>
        <Link to={`/campaigns/${campaign.slug}`}>← {campaign.title}</Link>
      </p>
      <h1>{t('submit.pageTitle')}</h1>
      {campaign.acceptingContributions ? (
        <SubmitIdeaForm
          campaign={campaign}
          onDone={(id) => navigate(`/ideas/${id}`, { state: { notice: 'submitted' } })}
        />
      ) : (
        <Alert type="info">{t('campaign.notAccepting')}</Alert>
      )}
    </RequireSignedIn>
  );
}
