import { useTranslation } from 'react-i18next';
import { DateText } from '../../../components/ui/date-text';

/**
 * When the agency's answer is due, or that it is overdue (the server's clock decides), for an idea owed one
 * under a campaign's answer commitment. Nothing when nothing is due.
 */
export function ResponseDue({ dueAt, overdue }: { dueAt?: string | null; overdue?: boolean }) {
  const { t } = useTranslation();
  if (!dueAt) return null;
  return overdue ? (
    <span className="usa-tag bg-secondary-dark text-white" data-testid="response-due">
      {t('clock.overdueSince')} <DateText value={dueAt} />
    </span>
  ) : (
    <span className="usa-tag bg-accent-warm-lighter text-ink" data-testid="response-due">
      {t('clock.dueBy')} <DateText value={dueAt} />
    </span>
  );
}
