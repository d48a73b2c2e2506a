import { useApolloClient, useMutation } from '@apollo/client/react';
import { LIMITS } from '@consulta/shared/limits';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorSummary } from '../../components/ui/error-summary';
import { RESET_PASSWORD } from '../../features/session/api/account';
import { useFormErrors } from '../../lib/use-form-errors';
import { usePageTitle } from '../use-page-title';
import { PasswordField } from '../../features/session/components/account-fields';
import { afterSessionChange } from '../../lib/live';

const IDS = { newPassword: 'reset-new-password' };

/** The emailed link's page: a new password, then signed in everywhere anew. */
export function ResetPasswordRoute() {
  const { t } = useTranslation();
  usePageTitle(t('account.resetTitle'));
  const client = useApolloClient();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const errors = useFormErrors(IDS);
  const [reset, { loading }] = useMutation(RESET_PASSWORD);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const length = [...password].length;
    const ok = errors.check({
      newPassword:
        (length < LIMITS.user.passwordMin || length > LIMITS.user.passwordMax) &&
        t('session.passwordLength', { min: LIMITS.user.passwordMin, max: LIMITS.user.passwordMax }),
    });
    if (!ok) return;
    try {
      await reset({ variables: { input: { token, newPassword: password } } });
      await afterSessionChange(client);
      setDone(true);
    } catch (error) {
      errors.report(error);
    }
  }

  return (
    <>
      <h1>{t('account.resetTitle')}</h1>
      {done ? (
        <div className="usa-alert usa-alert--success" role="status">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{t('account.resetDone')}</p>
            <p className="usa-alert__text">
              <Link to="/">{t('account.toHome')}</Link>
            </p>
          </div>
        </div>
      ) : (
        <form className="usa-form usa-form--large" onSubmit={submit} noValidate>
          <ErrorSummary items={errors.summary} />
          <PasswordField
            id={IDS.newPassword}
            label={t('account.newPassword')}
            hint={t('account.newPasswordHint')}
            isNew
            value={password}
            onChange={setPassword}
            error={errors.fields.newPassword}
          />
          <button type="submit" className="usa-button" disabled={loading}>
            {t('account.setPassword')}
          </button>
          <p>
            <Link to="/forgot-password">{t('account.newLink')}</Link>
          </p>
        </form>
      )}
    </>
  );
}
