import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { CONFIRM_EMAIL_CHANGE } from '../../features/session/api/account';
import { LinkConfirmation } from '../../features/session/components/link-confirmation';

/** The link mailed to a new address: moves the account to it once, signed in or not. */
export function ConfirmEmailRoute() {
  const { t } = useTranslation();
  const [confirm] = useMutation(CONFIRM_EMAIL_CHANGE);
  return (
    <LinkConfirmation
      title={t('account.confirmChangeTitle')}
      working={t('account.verifying')}
      done={t('account.changeConfirmed')}
      run={(token) => confirm({ variables: { token } })}
    />
  );
}
