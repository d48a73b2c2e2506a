import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { CLOSE_CAMPAIGN, MANAGED_CAMPAIGN, OPEN_CAMPAIGN, UPDATE_CAMPAIGN } from '../../features/campaigns/api/console';
import { CampaignForm, toInput, toLocalInput } from '../../features/campaigns/components/campaign-form';
import { AwaitingList } from '../../features/responses/components/awaiting-list';
import { ResponseStats } from '../../features/responses/components/response-stats';
import { readApiError, refusalText } from '../../lib/api-errors';
import { RequireSignedIn } from '../require-signed-in';
import { usePageTitle } from '../use-page-title';
import { NotFoundRoute } from './not-found-route';

function ManageCampaign({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(MANAGED_CAMPAIGN, { variables: { id } });
  const [update] = useMutation(UPDATE_CAMPAIGN);
  const [open, opening] = useMutation(OPEN_CAMPAIGN);
  const [close, closing] = useMutation(CLOSE_CAMPAIGN);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  usePageTitle(data?.campaign?.title ?? t('console.title'));
  if (error) return <Alert type="error">{t('errors.load')}</Alert>;
  if (!data) return <p role="status">{t('common.loading')}</p>;
  const campaign = data.campaign;
  if (!campaign) return <NotFoundRoute />;
  const transition = async (run: () => Promise<unknown>, message: string) => {
    setProblem(null);
    try {
      await run();
      setNotice(message);
      await refetch();
    } catch (failure) {
      setProblem(refusalText(readApiError(failure), t));
    }
  };
  return (
    <>
      <p>
        <Link to="/console">← {t('console.title')}</Link>
      </p>
      <h1>{campaign.title}</h1>
      <p>
        {campaign.agency.name} · {t('campaign.statusLabel')}: <strong>{t(`campaignStatus.${campaign.status}`)}</strong>
        {campaign.status !== 'DRAFT' ? (
          <>
            {' '}
            · <Link to={`/campaigns/${campaign.slug}`}>{t('console.publicPage')}</Link>
          </>
        ) : null}
      </p>
      {notice ? <Alert type="success">{notice}</Alert> : null}
      {problem ? <Alert type="error">{problem}</Alert> : null}
      <div className="usa-button-group margin-y-2">
        {campaign.status === 'DRAFT' || campaign.status === 'CLOSED' ? (
          <button
            type="button"
            className="usa-button"
            disabled={opening.loading}
            onClick={() => void transition(() => open({ variables: { id } }), t('console.opened'))}
          >
            {t('console.open')}
          </button>
        ) : null}
        {campaign.status === 'OPEN' ? (
          <button
            type="button"
            className="usa-button usa-button--secondary"
            disabled={closing.loading}
            onClick={() => void transition(() => close({ variables: { id } }), t('console.closed'))}
          >
            {t('console.close')}
          </button>
        ) : null}
      </div>
      <ResponseStats stats={campaign.responseStats} />
      {campaign.status !== 'DRAFT' ? <AwaitingList campaignId={campaign.id} onAnswered={() => void refetch()} /> : null}
      <h2>{t('console.edit')}</h2>
      <CampaignForm
        key={campaign.id}
        modeFixed
        initial={{
          title: campaign.title,
          summary: campaign.summary,
          body: campaign.body,
          votingMode: campaign.votingMode,
          voteBudget: campaign.voteBudget?.toString() ?? '',
          responseThreshold: campaign.responseThreshold?.toString() ?? '',
          tags: campaign.tags.join(', '),
          opensAt: toLocalInput(campaign.opensAt),
          closesAt: toLocalInput(campaign.closesAt),
          requireVerifiedEmail: campaign.requireVerifiedEmail,
        }}
        submitLabel={t('console.save')}
        onSubmit={async (fields) => {
          await update({ variables: { input: { id, ...toInput(fields) } } });
          setNotice(t('console.saved'));
        }}
      />
    </>
  );
}

export function ManageCampaignRoute() {
  const { id = '' } = useParams();
  return (
    <RequireSignedIn allow={(v) => v.isOfficial}>
      <ManageCampaign id={id} />
    </RequireSignedIn>
  );
}
