import { useTranslation } from 'react-i18next';
import { OpenCampaigns } from '../../features/campaigns/components/open-campaigns';
import { usePageTitle } from '../use-page-title';

export function HomeRoute() {
  const { t } = useTranslation();
  usePageTitle(t('home.title'));
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="usa-intro">{t('home.intro')}</p>
      <h2>{t('home.openCampaigns')}</h2>
      <OpenCampaigns />
    </>
  );
}
