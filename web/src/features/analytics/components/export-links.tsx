import { useTranslation } from 'react-i18next';

/** The agency's downloads of a campaign (the session cookie authorises them), in the reader's language. */
export function ExportLinks({ campaignId }: { campaignId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage === 'es' ? 'es' : 'en';
  const href = (file: string) => `/exports/campaigns/${encodeURIComponent(campaignId)}/${file}?lang=${lang}`;
  return (
    <section aria-labelledby="exports-heading" className="margin-y-3">
      <h2 id="exports-heading">{t('exports.heading')}</h2>
      <p>{t('exports.intro')}</p>
      <ul className="usa-list">
        <li>
          <a href={href('ideas.xlsx')} download>
            {t('exports.xlsx')}
          </a>
        </li>
        <li>
          <a href={href('ideas.csv')} download>
            {t('exports.ideasCsv')}
          </a>
        </li>
        <li>
          <a href={href('answers.csv')} download>
            {t('exports.answersCsv')}
          </a>
        </li>
      </ul>
    </section>
  );
}
