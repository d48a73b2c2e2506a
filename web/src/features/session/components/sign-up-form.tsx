import { useApolloClient, useMutation } from '@apollo/client/react';
import { displayNameProblem, normalizeDisplayName } from '@consulta/shared/display-name';
import { LIMITS } from '@consulta/shared/limits';
import { useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { TextField } from '../../../components/ui/text-field';
import { readApiError } from '../../../lib/api-errors';
import { nextPath } from '../../../lib/return-path';
import { useFormErrors } from '../../../lib/use-form-errors';
import { SIGN_UP } from '../api/sign-up';
import { EmailField, PasswordField } from './account-fields';
import { afterSessionChange } from '../../../lib/live';

const IDS = { displayName: 'sign-up-name', email: 'sign-up-email', password: 'sign-up-password' };

/** A new account: name shown publicly, email, password (same rules as the server). */
export function SignUpForm({ onDone }: { onDone(): void }) {
  const { t, i18n } = useTranslation();
  const client = useApolloClient();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errors = useFormErrors(IDS);
  const [signUp, { loading }] = useMutation(SIGN_UP);
  // An address with an account already: the way to that account, as links (to where sign-up would have led).
  const [taken, setTaken] = useState(false);
  const [params] = useSearchParams();
  const next = nextPath(params);
  const signInHref = next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTaken(false);
    const length = [...password].length;
    const nameProblem = displayNameProblem(displayName);
    const ok = errors.check({
      displayName: !displayName.trim()
        ? t('session.nameRequired')
        : !!nameProblem && t(`errors.field.${nameProblem.key}`, nameProblem.values ?? {}),
      email: !/^\S+@\S+\.\S+$/.test(email.trim()) && t('session.emailInvalid'),
      password:
        (length < LIMITS.user.passwordMin || length > LIMITS.user.passwordMax) &&
        t('session.passwordLength', { min: LIMITS.user.passwordMin, max: LIMITS.user.passwordMax }),
    });
    if (!ok) return;
    try {
      // Mail comes in the language the person signed up in.
      const language = i18n.language.startsWith('es') ? 'es' : 'en';
      const input = { displayName: normalizeDisplayName(displayName), email: email.trim(), password, language };
      await signUp({ variables: { input } });
      await afterSessionChange(client);
      onDone();
    } catch (error) {
      const api = readApiError(error);
      setTaken(api?.code === 'CONFLICT' && 'email' in api.fields);
      errors.report(error, { CONFLICT: t('session.emailTaken') });
    }
  }

  return (
    <form className="usa-form usa-form--large" onSubmit={submit} noValidate>
      <ErrorSummary items={errors.summary} />
      <TextField
        id={IDS.displayName}
        label={t('session.displayName')}
        hint={t('session.displayNameHint')}
        autoComplete="name"
        value={displayName}
        onChange={setDisplayName}
        maxLength={LIMITS.user.displayNameMax}
        error={errors.fields.displayName}
        required
      />
      <EmailField id={IDS.email} value={email} onChange={setEmail} error={errors.fields.email} />
      {taken ? (
        <p className="margin-top-1">
          <Link to={signInHref}>{t('session.signInInstead')}</Link>
          {' · '}
          <Link to="/forgot-password">{t('session.resetInstead')}</Link>
        </p>
      ) : null}
      <PasswordField
        id={IDS.password}
        label={t('session.password')}
        hint={t('session.passwordLength', { min: LIMITS.user.passwordMin, max: LIMITS.user.passwordMax })}
        isNew
        value={password}
        onChange={setPassword}
        error={errors.fields.password}
      />
      <p className="margin-top-3">
        <Trans i18nKey="legal.agree" components={{ terms: <Link to="/terms" />, privacy: <Link to="/privacy" /> }} />
      </p>
      <button type="submit" className="usa-button" disabled={loading}>
        {t('session.createAccount')}
      </button>
    </form>
  );
}
