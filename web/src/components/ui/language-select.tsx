import { Label, Select } from '@trussworks/react-uswds';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../i18n/i18n';

/** Switches the interface language; each option is named in its own language. */
export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  return (
    <div className="display-flex flex-align-center">
      <Label htmlFor="language-select" className="margin-top-0 margin-right-1">
        {t('app.language')}
      </Label>
      <Select
        id="language-select"
        name="language"
        className="margin-top-0 width-auto"
        value={i18n.resolvedLanguage}
        onChange={(event) => void i18n.changeLanguage(event.target.value)}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`app.languageNames.${language}`)}
          </option>
        ))}
      </Select>
    </div>
  );
}
