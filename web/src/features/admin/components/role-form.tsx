import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import type { Role } from '../../../gql/graphql';
import { useFormErrors } from '../../../lib/use-form-errors';
import { SET_ROLE, USER_BY_EMAIL } from '../api/admin';

const IDS = { email: 'role-email', role: 'role-role' };

/** Change a person's site role (citizen, moderator, admin), found by email. */
export function RoleForm() {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('MODERATOR');
  const [notice, setNotice] = useState<string | null>(null);
  const errors = useFormErrors(IDS);
  const [setUserRole, { loading }] = useMutation(SET_ROLE);

  async function send(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    if (!errors.check({ email: !email.trim() && t('session.emailRequired') })) return;
    try {
      const found = await client.query({
        query: USER_BY_EMAIL,
        variables: { email: email.trim() },
        fetchPolicy: 'network-only',
      });
      const user = found.data?.userByEmail;
      if (!user) return void errors.check({ email: t('admin.noSuchPerson') });
      await setUserRole({ variables: { userId: user.id, role } });
      setNotice(t('admin.roleChanged', { name: user.displayName, role: t(`role.${role}`) }));
    } catch (error) {
      errors.report(error);
    }
  }

  return (
    <form className="usa-form usa-form--large margin-top-4" onSubmit={send} noValidate aria-labelledby="role-heading">
      <h2 id="role-heading">{t('admin.roles')}</h2>
      <ErrorSummary items={errors.summary} />
      {notice ? <Alert type="success">{notice}</Alert> : null}
      <TextField
        id={IDS.email}
        label={t('session.email')}
        type="email"
        value={email}
        onChange={setEmail}
        error={errors.fields.email}
        required
      />
      <SelectField
        id={IDS.role}
        label={t('admin.siteRole')}
        hint={t('admin.siteRoleHint')}
        value={role}
        onChange={(value) => setRole(value as Role)}
        options={(['CITIZEN', 'MODERATOR', 'ADMIN'] as const).map((value) => ({ value, label: t(`role.${value}`) }))}
      />
      <button className="usa-button margin-top-2" type="submit" disabled={loading}>
        {t('admin.changeRole')}
      </button>
    </form>
  );
}
