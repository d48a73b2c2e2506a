import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SummaryItem } from '../components/ui/error-summary';
import { hasKnownReason, readApiError, refusalText } from './api-errors';

/**
 * Errors of one form, from local checks or from the API: each field's message (shown beside it) and the
 * summary at the top. `fieldIds` maps the API's field names to the form's element ids.
 */
export function useFormErrors(fieldIds: Record<string, string>) {
  const { t } = useTranslation();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);

  const show = useCallback(
    (byField: Record<string, string>, general: string[] = []) => {
      setFields(byField);
      setSummary([
        ...Object.entries(byField).map(([field, message]) => ({ fieldId: fieldIds[field], message })),
        ...general.map((message) => ({ message })),
      ]);
      // GOV.UK: the page title says "Error:" while the form has errors, and stops saying it once they are gone.
      if (typeof document !== 'undefined') {
        const prefix = `${t('form.errorPrefix')} `;
        const plain = document.title.startsWith(prefix) ? document.title.slice(prefix.length) : document.title;
        document.title = Object.keys(byField).length || general.length ? `${prefix}${plain}` : plain;
      }
    },
    [fieldIds, t],
  );

  /** Local checks: returns true when there is nothing to report. */
  const check = useCallback(
    (byField: Record<string, string | false | undefined>) => {
      const found = Object.fromEntries(Object.entries(byField).filter(([, m]) => m)) as Record<string, string>;
      show(found);
      return Object.keys(found).length === 0;
    },
    [show],
  );

  /** An API error: field messages beside fields, anything else in words at the top. */
  const report = useCallback(
    (error: unknown, byCode: Partial<Record<string, string>> = {}) => {
      const api = readApiError(error, t);
      if (!api) return;
      const known = Object.fromEntries(Object.entries(api.fields).filter(([field]) => field in fieldIds));
      const unknown = Object.entries(api.fields)
        .filter(([field]) => !(field in fieldIds))
        .map(([, message]) => message);
      // A refusal says its real reason when the API names one; a code's own words only otherwise.
      const general =
        api.code === 'BAD_USER_INPUT' || Object.keys(known).length
          ? unknown
          : [hasKnownReason(api, t) ? refusalText(api, t) : (byCode[api.code] ?? refusalText(api, t))];
      show(known, general);
    },
    [fieldIds, show, t],
  );

  const clear = useCallback(() => show({}), [show]);
  return { fields, summary, check, report, clear };
}
