import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readApiError, refusalText } from '../../../lib/api-errors';
import { REQUEST_EMAIL_VERIFICATION } from '../api/account';

/** For signed-in people whose address is not confirmed yet: what to do, and the link sent again. */
export function VerifyEmailBanner({ email }: { email: string }) {
  const { t } = useTranslation();
  const [send, { loading }] = useMutation(REQUEST_EMAIL_VERIFICATION);
  const [note, setNote] = useState('');

  async function again() {
    try {
      await send();
      setNote(t('account.linkSentAgain', { email }));
    } catch (error) {
      setNote(refusalText(readApiError(error, t), t));
    }
  }

  return (
    <div className="usa-alert usa-alert--info usa-alert--slim margin-bottom-2">
      <div className="usa-alert__body">
        <p className="usa-alert__text">{t('account.confirmPrompt', { email })}</p>
        <button type="button" className="usa-button usa-button--unstyled" onClick={again} disabled={loading}>
          {t('account.sendAgain')}
        </button>
        <p className="usa-alert__text" role="status">
          {note}
        </p>
      </div>
    </div>
  );
}
