import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useViewer } from '../../features/session/components/use-viewer';
import { CREATE_CAMPAIGN } from '../../features/campaigns/api/console';
import { CampaignForm, toInput } from '../../features/campaigns/components/campaign-form';
import { RequireSignedIn } from '../require-signed-in';
import { usePageTitle } from '../use-page-title';

export function NewCampaignRoute() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [create] = useMutation(CREATE_CAMPAIGN);
  const { viewer } = useViewer();
  usePageTitle(t('console.newCampaign'));
  const agencies = viewer?.memberships.map((m) => m.agency) ?? [];
  // The agency asked for, else the only one the person belongs to; with several, they choose first.
  const asked = agencies.find((agency) => agency.id === params.get('agency'));
  const agency = asked ?? (agencies.length === 1 ? agencies[0] : undefined);
  const agencyId = agency?.id ?? '';
  return (
    <RequireSignedIn allow={(v) => (v.viewer?.memberships.length ?? 0) > 0}>
      <h1>{t('console.newCampaign')}</h1>
      {!agency ? (
        <>
          <p>{t('console.chooseAgency')}</p>
          <ul className="usa-list">
            {agencies.map((choice) => (
              <li key={choice.id}>
                <Link to={`/console/new?agency=${encodeURIComponent(choice.id)}`}>{choice.name}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <p>{t('console.draftNoteFor', { agency: agency.name })}</p>
          <CampaignForm
            initial={{
              title: '',
              summary: '',
              body: '',
              votingMode: 'SUPPORT',
              voteBudget: '',
              responseThreshold: '',
              responseDays: '',
              tags: '',
              opensAt: '',
              closesAt: '',
              requireVerifiedEmail: false,
            }}
            submitLabel={t('console.saveDraft')}
            onSubmit={async (fields) => {
              const result = await create({
                variables: { input: { agencyId, votingMode: fields.votingMode, ...toInput(fields) } },
              });
              navigate(`/console/campaigns/${result.data!.createCampaign.id}/settings`);
            }}
          />
        </>
      )}
    </RequireSignedIn>
  );
}
