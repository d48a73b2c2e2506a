import { useMutation, useQuery } from '@apollo/client/react';
import { LIMITS } from '@consulta/shared/limits';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import type { AgencyRole } from '../../../gql/graphql';
import { readApiError } from '../../../lib/api-errors';
import { useFormErrors } from '../../../lib/use-form-errors';
import { AgencyFields } from './agency-fields';
import { ADD_MEMBER, AGENCIES, CREATE_AGENCY } from '../api/admin';
import { AgencyCard } from './agency-card';

/** Agencies with their members, a form to add an agency and one to add a member. */
export function AgenciesAdmin() {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(AGENCIES);
  const [notice, setNotice] = useState<string | null>(null);
  if (error) return <Alert type="error">{t('errors.load')}</Alert>;
  if (!data) return <p role="status">{t('common.loading')}</p>;
  const done = (message: string) => {
    setNotice(message);
    void refetch();
  };
  return (
    <>
      {notice ? (
        <Alert type="success" focus>
          {notice}
        </Alert>
      ) : null}
      <section aria-labelledby="agencies-heading">
        <h2 id="agencies-heading">{t('admin.agencies')}</h2>
        <ul className="usa-list usa-list--unstyled">
          {data.agencies.map((agency) => (
            <AgencyCard key={agency.id} agency={agency} onDone={done} />
          ))}
        </ul>
      </section>
      <AddMemberForm agencies={data.agencies} onDone={() => done(t('admin.memberAdded'))} />
      <CreateAgencyForm onDone={(name) => done(t('admin.agencyCreated', { name }))} />
    </>
  );
}

function CreateAgencyForm({ onDone }: { onDone(name: string): void }) {
  const { t } = useTranslation();
  const ids = { name: 'agency-name', description: 'agency-description', slug: 'agency-slug' };
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const errors = useFormErrors(ids);
  const [create, { loading }] = useMutation(CREATE_AGENCY);
  async function send(event: FormEvent) {
    event.preventDefault();
    if (!errors.check({ name: [...name.trim()].length < LIMITS.agency.nameMin && t('admin.nameRequired') })) return;
    try {
      await create({ variables: { input: { name: name.trim(), description: description.trim() || null } } });
      onDone(name.trim());
      setName('');
      setDescription('');
    } catch (error) {
      errors.report(error, { CONFLICT: t('admin.agencyExists') });
    }
  }
  return (
    <form
      className="usa-form usa-form--large margin-top-4"
      onSubmit={send}
      noValidate
      aria-labelledby="create-agency-heading"
    >
      <h2 id="create-agency-heading">{t('admin.createAgency')}</h2>
      <ErrorSummary items={errors.summary} />
      <AgencyFields
        ids={ids}
        name={name}
        description={description}
        onName={setName}
        onDescription={setDescription}
        errors={errors.fields}
      />
      <button className="usa-button margin-top-2" type="submit" disabled={loading}>
        {t('admin.createAgency')}
      </button>
    </form>
  );
}

function AddMemberForm({ agencies, onDone }: { agencies: Array<{ id: string; name: string }>; onDone(): void }) {
  const { t } = useTranslation();
  const ids = { agencyId: 'member-agency', email: 'member-email', role: 'member-role' };
  const [agencyId, setAgencyId] = useState(agencies[0]?.id ?? '');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<AgencyRole>('OFFICIAL');
  const errors = useFormErrors(ids);
  const [add, { loading }] = useMutation(ADD_MEMBER);
  async function send(event: FormEvent) {
    event.preventDefault();
    if (!errors.check({ email: !email.trim() && t('session.emailRequired') })) return;
    try {
      await add({ variables: { input: { agencyId, email: email.trim(), role } } });
      setEmail('');
      onDone();
    } catch (error) {
      // The API says in English that no account has this email: say it in the reader's language.
      if (readApiError(error)?.fields.email) errors.check({ email: t('admin.noSuchPerson') });
      else errors.report(error, { CONFLICT: t('admin.alreadyMember') });
    }
  }
  return (
    <form
      className="usa-form usa-form--large margin-top-4"
      onSubmit={send}
      noValidate
      aria-labelledby="add-member-heading"
    >
      <h2 id="add-member-heading">{t('admin.addMember')}</h2>
      <ErrorSummary items={errors.summary} />
      <SelectField
        id={ids.agencyId}
        label={t('admin.agency')}
        value={agencyId}
        onChange={setAgencyId}
        options={agencies.map((a) => ({ value: a.id, label: a.name }))}
      />
      <TextField
        id={ids.email}
        label={t('session.email')}
        hint={t('admin.memberHint')}
        type="email"
        value={email}
        onChange={setEmail}
        error={errors.fields.email}
        required
      />
      <SelectField
        id={ids.role}
        label={t('admin.role')}
        value={role}
        onChange={(value) => setRole(value as AgencyRole)}
        options={(['OFFICIAL', 'AGENCY_ADMIN'] as const).map((value) => ({ value, label: t(`agencyRole.${value}`) }))}
      />
      <button className="usa-button margin-top-2" type="submit" disabled={loading}>
        {t('admin.addMember')}
      </button>
    </form>
  );
}
