import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorSummary } from '../../components/ui/error-summary';
import { REQUEST_PASSWORD_RESET } from '../../features/session/api/account';
import { useFormErrors } from '../../lib/use-form-errors';
import { usePageTitle } from '../use-page-title';
import { EmailField } from '../../features/session/components/account-fields';

const IDS = { email: 'forgot-email' };

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordRoute() {
  const { t } = useTranslation();
  usePageTitle(t('account.forgotTitle'));
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const errors = useFormErrors(IDS);
  const [request, { loading }] = useMutation(REQUEST_PASSWORD_RESET);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const address = email.trim();
    if (!errors.check({ email: !/^\S+@\S+\.\S+$/.test(address) && t('session.emailInvalid') })) return;
    try {
      await request({ variables: { email: address } });
      setSentTo(address);
    } catch (error) {
      errors.report(error);
    }
  }

  return (
    <>
      <h1>{t('account.forgotTitle')}</h1>
      {sentTo ? (
        <div className="usa-alert usa-alert--success" role="status">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{t('account.resetSent', { email: sentTo })}</p>
          </div>
        </div>
      ) : (
        <form className="usa-form usa-form--large" onSubmit={submit} noValidate>
          <p>{t('account.forgotIntro')}</p>
          <ErrorSummary items={errors.summary} />
          <EmailField id={IDS.email} value={email} onChange={setEmail} error={errors.fields.email} />
          <button type="submit" className="usa-button" disabled={loading}>
            {t('account.sendResetLink')}
          </button>
        </form>
      )}
      <p>
        <Link to="/sign-in">{t('account.backToSignIn')}</Link>
      </p>
    </>
  );
}
