import { useTranslation } from 'react-i18next';

const STYLE: Record<string, string> = {
  SUBMITTED: 'bg-base-lighter text-ink',
  UNDER_REVIEW: 'bg-accent-warm-lighter text-ink',
  ACCEPTED: 'bg-success-lighter text-ink',
  IN_PROGRESS: 'bg-accent-cool-lighter text-ink',
  IMPLEMENTED: 'bg-success-dark text-white',
  REJECTED: 'bg-secondary-lighter text-ink',
  DUPLICATE: 'bg-base-lighter text-ink',
  WITHDRAWN: 'bg-base-lighter text-ink',
};

/** An idea's status in words (colour only adds to the text, never replaces it). */
export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`usa-tag ${STYLE[status] ?? ''}`} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
