import { useTranslation } from 'react-i18next';
import { ApiStatus } from '../../features/system/components/api-status';
import { usePageTitle } from '../use-page-title';

export function HomeRoute() {
  const { t } = useTranslation();
  usePageTitle(t('home.title'));
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="usa-intro">{t('home.intro')}</p>
      <ApiStatus />
    </>
  );
}
