import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { CLOSE_CAMPAIGN, MANAGED_CAMPAIGN, OPEN_CAMPAIGN, UPDATE_CAMPAIGN } from '../../features/campaigns/api/console';
import { CampaignForm, toInput, toLocalInput } from '../../features/campaigns/components/campaign-form';
import { CampaignCharts } from '../../features/analytics/components/campaign-charts';
import { ExportLinks } from '../../features/analytics/components/export-links';
import { AllIdeasTable } from '../../features/responses/components/all-ideas-table';
import { AwaitingList } from '../../features/responses/components/awaiting-list';
import { ResponseStats } from '../../features/responses/components/response-stats';
import { readApiError, refusalText } from '../../lib/api-errors';
import { RequireSignedIn } from '../require-signed-in';
import { usePageTitle } from '../use-page-title';
import { NotFoundRoute } from './not-found-route';

const SECTIONS = ['overview', 'answer', 'ideas', 'settings'] as const;
type Section = (typeof SECTIONS)[number];

function ManageCampaign({ id, section }: { id: string; section: Section }) {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(MANAGED_CAMPAIGN, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const [update] = useMutation(UPDATE_CAMPAIGN);
  const [open, opening] = useMutation(OPEN_CAMPAIGN);
  const [close, closing] = useMutation(CLOSE_CAMPAIGN);
  // A message belongs to the action that caused it: it is kept with its section and shown only there.
  const [message, setMessage] = useState<{ section: Section; notice?: string; problem?: string } | null>(null);
  const notice = message?.section === section ? (message.notice ?? null) : null;
  const problem = message?.section === section ? (message.problem ?? null) : null;
  const setNotice = (text: string) => setMessage({ section, notice: text });
  const setProblem = (text: string) => setMessage({ section, problem: text });
  const title = data?.campaign ? `${t(`console.sections.${section}`)}: ${data.campaign.title}` : t('console.title');
  usePageTitle(title);
  if (error) return <Alert type="error">{t('errors.load')}</Alert>;
  if (!data) return <p role="status">{t('common.loading')}</p>;
  const campaign = data.campaign;
  if (!campaign) return <NotFoundRoute />;
  const support = campaign.votingMode === 'SUPPORT';
  const committed = campaign.responseDays !== null && campaign.responseDays !== undefined;
  const transition = async (run: () => Promise<unknown>, done: string) => {
    setMessage(null);
    try {
      await run();
      setNotice(done);
      await refetch();
    } catch (failure) {
      setProblem(refusalText(readApiError(failure), t));
    }
  };
  const base = `/console/campaigns/${encodeURIComponent(id)}`;
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
      <div className="grid-row grid-gap-4">
        <nav className="grid-col-12 desktop:grid-col-3 margin-bottom-3" aria-label={t('console.sectionsLabel')}>
          <ul className="usa-sidenav">
            {SECTIONS.map((name) => (
              <li key={name} className="usa-sidenav__item">
                <NavLink
                  to={name === 'overview' ? base : `${base}/${name}`}
                  end
                  className={({ isActive }) => (isActive ? 'usa-current' : '')}
                >
                  {name === 'answer'
                    ? t('console.sections.answerCount', { count: campaign.responseStats.awaiting })
                    : t(`console.sections.${name}`)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="grid-col-12 desktop:grid-col-9">
          {section === 'overview' ? (
            <>
              <ResponseStats stats={campaign.responseStats} committed={committed} />
              {campaign.status !== 'DRAFT' ? <ExportLinks campaignId={campaign.id} /> : null}
              <CampaignCharts campaignId={campaign.id} slug={campaign.slug} committed={committed} />
            </>
          ) : null}
          {section === 'answer' ? (
            <AwaitingList
              campaignId={campaign.id}
              tags={campaign.tags}
              support={support}
              onAnswered={() => void refetch()}
            />
          ) : null}
          {section === 'ideas' ? (
            <AllIdeasTable campaignId={campaign.id} support={support} onAnswered={() => void refetch()} />
          ) : null}
          {section === 'settings' ? (
            <>
              <h2>{t('console.sections.settings')}</h2>
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
                  responseDays: campaign.responseDays?.toString() ?? '',
                  tags: campaign.tags.join(', '),
                  opensAt: toLocalInput(campaign.opensAt),
                  closesAt: toLocalInput(campaign.closesAt),
                  requireVerifiedEmail: campaign.requireVerifiedEmail,
                }}
                submitLabel={t('console.save')}
                onSubmit={async (fields) => {
                  await update({ variables: { input: { id, ...toInput(fields) } } });
                  setNotice(t('console.saved'));
                  await refetch();
                }}
              />
            </>
          ) : null}
        </div>
      </div>
    </>
  );
}

export function ManageCampaignRoute() {
  const { id = '', section = 'overview' } = useParams();
  if (!(SECTIONS as readonly string[]).includes(section)) return <NotFoundRoute />;
  return (
    <RequireSignedIn allow={(v) => v.isOfficial}>
      <ManageCampaign id={id} section={section as Section} />
    </RequireSignedIn>
  );
}
