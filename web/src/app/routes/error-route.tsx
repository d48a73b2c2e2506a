import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../use-page-title';

export function ErrorRoute() {
  const { t } = useTranslation();
  usePageTitle(t('errors.title'));
  return (
    <div role="alert">
      <h1>{t('errors.title')}</h1>
      <p>{t('errors.body')}</p>
    </div>
  );
}
