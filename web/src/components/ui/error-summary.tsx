import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface SummaryItem {
  /** The id of the field to jump to; none for an error about the whole form. */
  fieldId?: string;
  message: string;
}

/**
 * GOV.UK's error summary: "There is a problem" at the top of a failed form, focused when it appears,
 * with a link to each field in error.
 */
export function ErrorSummary({ items }: { items: SummaryItem[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (items.length) ref.current?.focus();
  }, [items]);
  if (!items.length) return null;
  return (
    <div
      ref={ref}
      className="usa-alert usa-alert--error margin-bottom-3"
      role="alert"
      tabIndex={-1}
      aria-labelledby="error-summary-heading"
      data-testid="error-summary"
    >
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading" id="error-summary-heading">
          {t('form.problem')}
        </h2>
        <ul className="usa-list usa-list--unstyled">
          {items.map((item) => (
            <li key={`${item.fieldId ?? ''}${item.message}`}>
              {item.fieldId ? <a href={`#${item.fieldId}`}>{item.message}</a> : item.message}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
