import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { useFormErrors } from '../../../lib/use-form-errors';
import { SIGN_IN } from '../api/sign-in';
import { EmailField, PasswordField } from './account-fields';
import { afterSessionChange } from '../../../lib/live';

const IDS = { email: 'sign-in-email', password: 'sign-in-password' };

/** Email and password; on success the whole cache is refetched as the signed-in person. */
export function SignInForm({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errors = useFormErrors(IDS);
  const [signIn, { loading }] = useMutation(SIGN_IN);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = errors.check({
      email: !email.trim() && t('session.emailRequired'),
      password: !password && t('session.passwordRequired'),
    });
    if (!ok) return;
    try {
      await signIn({ variables: { input: { email: email.trim(), password } } });
      await afterSessionChange(client);
      onDone();
    } catch (error) {
      errors.report(error, { UNAUTHENTICATED: t('session.wrongCredentials') });
    }
  }

  return (
    <form className="usa-form usa-form--large" onSubmit={submit} noValidate>
      <ErrorSummary items={errors.summary} />
      <EmailField id={IDS.email} value={email} onChange={setEmail} error={errors.fields.email} />
      <PasswordField
        id={IDS.password}
        label={t('session.password')}
        isNew={false}
        value={password}
        onChange={setPassword}
        error={errors.fields.password}
      />
      <button type="submit" className="usa-button" disabled={loading}>
        {t('session.signIn')}
      </button>
    </form>
  );
}
