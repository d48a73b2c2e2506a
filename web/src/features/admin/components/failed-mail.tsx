import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { DateText } from '../../../components/ui/date-text';
import { FAILED_MAIL } from '../api/admin';

/** Mail the mail server refused for good (a 5xx answer, or every retry used): who did not get what, and why. */
export function FailedMail() {
  const { t } = useTranslation();
  const { data, error } = useQuery(FAILED_MAIL, { fetchPolicy: 'cache-and-network' });
  return (
    <section aria-labelledby="failed-mail-heading" className="margin-top-4">
      <h2 id="failed-mail-heading">{t('admin.failedMail')}</h2>
      <p>{t('admin.failedMailIntro')}</p>
      {error ? <Alert type="error">{t('errors.load')}</Alert> : null}
      {!data && !error ? <p role="status">{t('common.loading')}</p> : null}
      {data && data.failedMail.length === 0 ? <p>{t('admin.noFailedMail')}</p> : null}
      {data && data.failedMail.length > 0 ? (
        <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-label={t('admin.failedMail')}>
          <table className="usa-table usa-table--striped usa-table--compact usa-table--stacked">
            <caption className="usa-sr-only">{t('admin.failedMail')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.mailWhen')}</th>
                <th scope="col">{t('admin.mailTo')}</th>
                <th scope="col">{t('admin.mailSubject')}</th>
                <th scope="col">{t('admin.mailError')}</th>
              </tr>
            </thead>
            <tbody>
              {data.failedMail.map((mail) => (
                <tr key={mail.id}>
                  <td data-label={t('admin.mailWhen')}>
                    <DateText value={mail.createdAt} withTime />
                  </td>
                  <td data-label={t('admin.mailTo')}>{mail.to}</td>
                  <td data-label={t('admin.mailSubject')}>{mail.subject}</td>
                  <td data-label={t('admin.mailError')}>
                    {mail.lastError ?? '—'} ({t('admin.mailAttempts', { count: mail.attempts })})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
