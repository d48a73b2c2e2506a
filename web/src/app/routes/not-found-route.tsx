import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../use-page-title';

export function NotFoundRoute() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <Link to="/" className="usa-button">
        {t('notFound.home')}
      </Link>
    </>
  );
}
