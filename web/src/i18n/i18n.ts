import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { FIELD_MESSAGES } from '@consulta/shared/field-messages';
import en from './locales/en.json' with { type: 'json' };
import es from './locales/es.json' with { type: 'json' };

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];
// The API's field messages in English are the shared ones (the server says the same words); other
// languages translate them in their catalog under errors.field.
const english = { ...en, errors: { ...en.errors, field: FIELD_MESSAGES } };
export const resources = { en: { translation: english }, es: { translation: es } } as const;

const STORAGE_KEY = 'consulta.language';

function initialLanguage(): Language {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  if (stored && (LANGUAGES as readonly string[]).includes(stored)) return stored as Language;
  const browser = typeof navigator !== 'undefined' ? navigator.language.slice(0, 2) : 'en';
  return (LANGUAGES as readonly string[]).includes(browser) ? (browser as Language) : 'en';
}

/** One i18next instance for the app; the document's lang attribute follows the language. */
export function createI18n(language: Language = initialLanguage()): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  instance.on('languageChanged', (lng) => {
    if (typeof document !== 'undefined') document.documentElement.lang = lng;
    if (typeof localStorage !== 'undefined') localStorage.setItem(STORAGE_KEY, lng);
  });
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  return instance;
}
