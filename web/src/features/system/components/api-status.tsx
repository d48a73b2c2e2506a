import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { API_STATUS } from '../api/api-status';

/** Asks the API a real question and says, in words, whether the service answers. */
export function ApiStatus() {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(API_STATUS, { fetchPolicy: 'network-only' });
  if (loading) return <p role="status">{t('home.apiLoading')}</p>;
  if (error || !data) {
    return (
      <Alert type="error" heading={t('home.apiStatus')}>
        {t('home.apiError')}
      </Alert>
    );
  }
  return (
    <Alert type="success" heading={t('home.apiStatus')} data-testid="api-status">
      {t('home.apiReady')}
    </Alert>
  );
}
