import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';

/** A date (and time) in the reader's language, machine-readable too. */
export function DateText({ value, withTime = false }: { value: string; withTime?: boolean }) {
  const { i18n } = useTranslation();
  return <time dateTime={value}>{formatDate(value, i18n.resolvedLanguage ?? 'en', withTime)}</time>;
}
