import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert';
import { HtmlBody } from '../../components/ui/html-body';
import type { LegalPageName } from '../../gql/graphql';
import { LEGAL_PAGE } from '../../features/legal/api/legal';
import { usePageTitle } from '../use-page-title';

/** A legal page the deployment provides (privacy, terms of use, accessibility), in the reader's language. */
export function LegalRoute({ page }: { page: LegalPageName }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const { data, error } = useQuery(LEGAL_PAGE, { variables: { page, language } });
  const legal = data?.legalPage;
  usePageTitle(legal?.title ?? t(`legal.${page}`));
  if (error) return <Alert type="error">{t('errors.load')}</Alert>;
  if (!legal) return <p role="status">{t('common.loading')}</p>;
  return (
    <article lang={legal.language} className="maxw-tablet">
      <h1>{legal.title}</h1>
      {legal.language !== language ? <p className="usa-hint">{t('legal.onlyEnglish')}</p> : null}
      <HtmlBody html={legal.bodyHtml} />
    </article>
  );
}
