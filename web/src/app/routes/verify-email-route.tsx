import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { VERIFY_EMAIL } from '../../features/session/api/account';
import { LinkConfirmation } from '../../features/session/components/link-confirmation';

/** The emailed verification link's page: confirms the address once, signed in or not. */
export function VerifyEmailRoute() {
  const { t } = useTranslation();
  const [verify] = useMutation(VERIFY_EMAIL);
  return (
    <LinkConfirmation
      title={t('account.verifyTitle')}
      working={t('account.verifying')}
      done={t('account.verified')}
      run={(token) => verify({ variables: { token } })}
    />
  );
}
