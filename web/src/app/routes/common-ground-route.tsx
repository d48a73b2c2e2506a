import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../use-page-title';

const PARAGRAPHS = ['why', 'how', 'camps', 'limits', 'audit'] as const;

/** What the "Common ground" order means, in plain words. */
export function CommonGroundRoute() {
  const { t } = useTranslation();
  usePageTitle(t('commonGround.title'));
  return (
    <article className="usa-prose">
      <h1>{t('commonGround.title')}</h1>
      <p className="usa-intro">{t('commonGround.intro')}</p>
      {PARAGRAPHS.map((key) => (
        <section key={key} aria-labelledby={`common-ground-${key}`}>
          <h2 id={`common-ground-${key}`}>{t(`commonGround.${key}.heading`)}</h2>
          <p>{t(`commonGround.${key}.body`)}</p>
        </section>
      ))}
    </article>
  );
}
