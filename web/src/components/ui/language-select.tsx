import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../i18n/i18n';

/** Switches the interface language; each option is named in its own language. */
export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  return (
    <div className="display-flex flex-align-center">
      <label htmlFor="language-select" className="usa-label margin-top-0 margin-right-1 font-sans-2xs">
        {t('app.language')}
      </label>
      <select
        id="language-select"
        name="language"
        className="usa-select margin-top-0 width-auto height-4 padding-y-0 font-sans-2xs"
        value={i18n.resolvedLanguage}
        onChange={(event) => void i18n.changeLanguage(event.target.value)}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`app.languageNames.${language}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
