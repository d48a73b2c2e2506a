import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { useFormErrors } from '../../../lib/use-form-errors';
import { CHANGE_PASSWORD, DELETE_ACCOUNT, REQUEST_EMAIL_CHANGE } from '../api/account';
import { EmailField, PasswordField } from './account-fields';

const EMAIL_IDS = { newEmail: 'change-email', password: 'change-email-password' };
const PASSWORD_IDS = { currentPassword: 'current-password', newPassword: 'new-password' };
const DELETE_IDS = { password: 'delete-password' };

/** A new address: a link goes to it, and the account moves once it is followed. */
function ChangeEmailForm({ current }: { current: string }) {
  const { t } = useTranslation();
  const [newEmail, setNewEmail] = useState('');
  const [password, setPassword] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const errors = useFormErrors(EMAIL_IDS);
  const [request, { loading }] = useMutation(REQUEST_EMAIL_CHANGE);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSentTo(null);
    const address = newEmail.trim();
    if (!errors.check({ newEmail: !/^\S+@\S+\.\S+$/.test(address) && t('session.emailInvalid') })) return;
    try {
      await request({ variables: { input: { newEmail: address, password } } });
      errors.clear();
      setSentTo(address);
      setPassword('');
    } catch (error) {
      errors.report(error);
    }
  }
  return (
    <form className="usa-form usa-form--large" onSubmit={submit} noValidate aria-labelledby="change-email-heading">
      <h2 id="change-email-heading">{t('settings.changeEmail')}</h2>
      <p>{t('settings.currentEmail', { email: current })}</p>
      <ErrorSummary items={errors.summary} />
      <EmailField
        id={EMAIL_IDS.newEmail}
        label={t('settings.newEmail')}
        value={newEmail}
        onChange={setNewEmail}
        error={errors.fields.newEmail}
      />
      <PasswordField
        id={EMAIL_IDS.password}
        label={t('settings.currentPassword')}
        value={password}
        onChange={setPassword}
        error={errors.fields.password}
        isNew={false}
      />
      <button type="submit" className="usa-button" disabled={loading}>
        {t('settings.sendEmailLink')}
      </button>
      {sentTo ? <Alert type="success">{t('settings.emailLinkSent', { email: sentTo })}</Alert> : null}
    </form>
  );
}

function ChangePasswordForm() {
  const { t } = useTranslation();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [done, setDone] = useState(false);
  const errors = useFormErrors(PASSWORD_IDS);
  const [change, { loading }] = useMutation(CHANGE_PASSWORD);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    try {
      await change({ variables: { input: { currentPassword, newPassword } } });
      errors.clear();
      setCurrent('');
      setNew('');
      setDone(true);
    } catch (error) {
      errors.report(error);
    }
  }
  return (
    <form className="usa-form usa-form--large" onSubmit={submit} noValidate aria-labelledby="change-password-heading">
      <h2 id="change-password-heading">{t('settings.changePassword')}</h2>
      <ErrorSummary items={errors.summary} />
      <PasswordField
        id={PASSWORD_IDS.currentPassword}
        label={t('settings.currentPassword')}
        value={currentPassword}
        onChange={setCurrent}
        error={errors.fields.currentPassword}
        isNew={false}
      />
      <PasswordField
        id={PASSWORD_IDS.newPassword}
        label={t('account.newPassword')}
        hint={t('account.newPasswordHint')}
        value={newPassword}
        onChange={setNew}
        error={errors.fields.newPassword}
        isNew
      />
      <button type="submit" className="usa-button" disabled={loading}>
        {t('settings.savePassword')}
      </button>
      {done ? <Alert type="success">{t('settings.passwordChanged')}</Alert> : null}
    </form>
  );
}

/** Deletion, confirmed twice: the password, then a dialog that says what goes and what stays. */
function DeleteAccountForm() {
  const { t } = useTranslation();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [confirming, setConfirming] = useState(false);
  const errors = useFormErrors(DELETE_IDS);
  const [remove, { loading }] = useMutation(DELETE_ACCOUNT);
  function ask(event: FormEvent) {
    event.preventDefault();
    if (!errors.check({ password: !password && t('settings.passwordNeeded') })) return;
    setConfirming(true);
  }
  async function confirm() {
    try {
      await remove({ variables: { password } });
      await client.clearStore();
      navigate('/', { state: { notice: 'accountDeleted' } });
      await client.refetchQueries({ include: 'active' });
    } catch (error) {
      setConfirming(false);
      errors.report(error);
    }
  }
  return (
    <form className="usa-form usa-form--large" onSubmit={ask} noValidate aria-labelledby="delete-heading">
      <h2 id="delete-heading">{t('settings.deleteAccount')}</h2>
      <p>{t('settings.deleteExplained')}</p>
      <ErrorSummary items={errors.summary} />
      <PasswordField
        id={DELETE_IDS.password}
        label={t('settings.currentPassword')}
        value={password}
        onChange={setPassword}
        error={errors.fields.password}
        isNew={false}
      />
      <button type="submit" className="usa-button usa-button--secondary">
        {t('settings.deleteAccount')}
      </button>
      <Dialog open={confirming} title={t('settings.deleteConfirmTitle')} onClose={() => setConfirming(false)}>
        <p>{t('settings.deleteConfirmBody')}</p>
        <button type="button" className="usa-button usa-button--secondary" disabled={loading} onClick={confirm}>
          {t('settings.deleteForGood')}
        </button>
      </Dialog>
    </form>
  );
}

/** The account's address, password and existence: each change needs the current password. */
export function AccountSecurity({ email }: { email: string }) {
  return (
    <>
      <ChangeEmailForm current={email} />
      <ChangePasswordForm />
      <DeleteAccountForm />
    </>
  );
}
