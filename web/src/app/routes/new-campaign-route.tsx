import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { CREATE_CAMPAIGN } from '../../features/campaigns/api/console';
import { CampaignForm, toInput } from '../../features/campaigns/components/campaign-form';
import { RequireSignedIn } from '../require-signed-in';
import { usePageTitle } from '../use-page-title';

export function NewCampaignRoute() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [create] = useMutation(CREATE_CAMPAIGN);
  usePageTitle(t('console.newCampaign'));
  const agencyId = params.get('agency') ?? '';
  return (
    <RequireSignedIn allow={(v) => (v.viewer?.memberships.length ?? 0) > 0}>
      <h1>{t('console.newCampaign')}</h1>
      <p>{t('console.draftNote')}</p>
      <CampaignForm
        initial={{
          title: '',
          summary: '',
          body: '',
          votingMode: 'SUPPORT',
          voteBudget: '',
          responseThreshold: '',
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
          navigate(`/console/campaigns/${result.data!.createCampaign.id}`);
        }}
      />
    </RequireSignedIn>
  );
}
