import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { TextField } from '../../../components/ui/text-field';
import { useFormErrors } from '../../../lib/use-form-errors';
import { SIGN_IN } from '../api/sign-in';

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
      await client.resetStore();
      onDone();
    } catch (error) {
      errors.report(error, { UNAUTHENTICATED: t('session.wrongCredentials') });
    }
  }

  return (
    <form className="usa-form usa-form--large" onSubmit={submit} noValidate>
      <ErrorSummary items={errors.summary} />
      <TextField
        id={IDS.email}
        label={t('session.email')}
        type="email"
        autoComplete="email"
        value={email}
        onChange={setEmail}
        error={errors.fields.email}
        required
      />
      <TextField
        id={IDS.password}
        label={t('session.password')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        error={errors.fields.password}
        required
      />
      <button type="submit" className="usa-button" disabled={loading}>
        {t('session.signIn')}
      </button>
    </form>
  );
}
