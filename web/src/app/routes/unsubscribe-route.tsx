import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { UNSUBSCRIBE } from '../../features/notifications/api/notifications';
import { usePageTitle } from '../use-page-title';

/**
 * Where an unsubscribe link opens: a button, so that a mail scanner following the link stops nothing by
 * itself. Needs no session (the link's token says whose mail to stop).
 */
export function UnsubscribeRoute() {
  const { t } = useTranslation();
  usePageTitle(t('unsubscribe.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [unsubscribe, { data, error, loading }] = useMutation(UNSUBSCRIBE);
  return (
    <>
      <h1>{t('unsubscribe.title')}</h1>
      {data?.unsubscribe ? (
        <Alert type="success">
          {t('unsubscribe.done')} <Link to="/settings">{t('unsubscribe.toSettings')}</Link>
        </Alert>
      ) : (
        <>
          <p>{t('unsubscribe.intro')}</p>
          {error || !token ? <Alert type="error">{t('unsubscribe.invalid')}</Alert> : null}
          <button
            type="button"
            className="usa-button"
            disabled={loading || !token}
            onClick={() => void unsubscribe({ variables: { token } }).catch(() => undefined)}
          >
            {t('unsubscribe.button')}
          </button>
        </>
      )}
    </>
  );
}
