import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SearchForm } from '../../components/ui/search-form';
import { useArrivalNotice } from '../use-arrival-notice';
import { Alert } from '../../components/ui/alert';
import { CampaignCards } from '../../features/campaigns/components/campaign-cards';
import { usePageTitle } from '../use-page-title';

export function HomeRoute() {
  const { t } = useTranslation();
  usePageTitle(t('home.title'));
  const navigate = useNavigate();
  const [notice] = useArrivalNotice();
  return (
    <>
      {notice === 'accountDeleted' ? <Alert type="success">{t('account.deleted')}</Alert> : null}
      <h1>{t('home.title')}</h1>
      <p className="usa-intro">{t('home.intro')}</p>
      <SearchForm
        id="home-search"
        label={t('home.search')}
        className="maxw-tablet margin-bottom-4"
        onSearch={(words) => void navigate(words ? `/search?q=${encodeURIComponent(words)}` : '/search')}
      />
      <h2>{t('home.openCampaigns')}</h2>
      <CampaignCards statuses={['OPEN']} label={t('home.openCampaigns')} empty={t('home.noCampaigns')} />
      <h2>{t('home.pastCampaigns')}</h2>
      <CampaignCards
        statuses={['CLOSED', 'ARCHIVED']}
        label={t('home.pastCampaigns')}
        empty={t('home.noPastCampaigns')}
      />
    </>
  );
}
