import { useMutation } from '@apollo/client/react';
import { LIMITS } from '@consulta/shared/limits';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { ErrorSummary } from '../../../components/ui/error-summary';
import type { AgenciesQuery } from '../../../gql/graphql';
import { useFormErrors } from '../../../lib/use-form-errors';
import { AgencyFields } from './agency-fields';
import { REMOVE_MEMBER, UPDATE_AGENCY } from '../api/admin';

type Agency = AgenciesQuery['agencies'][number];
type Member = Agency['members'][number];

/** One agency: its name and description (editable) and its members, each of whom can be removed. */
export function AgencyCard({ agency, onDone }: { agency: Agency; onDone(message: string): void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState<Member | null>(null);
  const headingId = `agency-${agency.id}`;
  return (
    <li className="border-1px border-base-lighter radius-md padding-2 margin-bottom-2" aria-labelledby={headingId}>
      <h3 className="margin-top-0 margin-bottom-05" id={headingId}>
        {agency.name}
      </h3>
      {agency.description ? <p className="margin-y-05">{agency.description}</p> : null}
      {editing ? (
        <EditAgencyForm
          agency={agency}
          onDone={(name) => {
            setEditing(false);
            onDone(t('admin.agencyUpdated', { name }));
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <button type="button" className="usa-button usa-button--unstyled" onClick={() => setEditing(true)}>
          {t('admin.editAgency', { name: agency.name })}
        </button>
      )}
      <h4 className="margin-bottom-05">{t('admin.members')}</h4>
      {agency.members.length ? (
        <ul className="usa-list usa-list--unstyled">
          {agency.members.map((member) => (
            <li key={member.user.id} className="margin-bottom-1" data-testid="agency-member">
              <Link to={`/people/${member.user.id}`}>{member.user.displayName}</Link> — {t(`agencyRole.${member.role}`)}{' '}
              <button
                type="button"
                className="usa-button usa-button--unstyled margin-left-1"
                onClick={() => setRemoving(member)}
              >
                {t('admin.removeMember', { name: member.user.displayName })}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('admin.noMembers')}</p>
      )}
      <RemoveMemberDialog
        agency={agency}
        member={removing}
        onClose={() => setRemoving(null)}
        onDone={(name) => {
          setRemoving(null);
          onDone(t('admin.memberRemoved', { name, agency: agency.name }));
        }}
      />
    </li>
  );
}

function RemoveMemberDialog({
  agency,
  member,
  onClose,
  onDone,
}: {
  agency: Agency;
  member: Member | null;
  onClose(): void;
  onDone(name: string): void;
}) {
  const { t } = useTranslation();
  const [remove] = useMutation(REMOVE_MEMBER);
  return (
    <ConfirmDialog
      open={member !== null}
      title={t('admin.removeTitle', { name: member?.user.displayName ?? '', agency: agency.name })}
      body={t('admin.removeBody')}
      confirmLabel={t('admin.removeConfirm')}
      onConfirm={() => remove({ variables: { agencyId: agency.id, userId: member!.user.id } })}
      onClose={onClose}
      onDone={() => onDone(member!.user.displayName)}
    />
  );
}

function EditAgencyForm({
  agency,
  onDone,
  onCancel,
}: {
  agency: Agency;
  onDone(name: string): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const ids = { name: `edit-name-${agency.id}`, description: `edit-description-${agency.id}` };
  const [name, setName] = useState(agency.name);
  const [description, setDescription] = useState(agency.description ?? '');
  const errors = useFormErrors(ids);
  const [update, { loading }] = useMutation(UPDATE_AGENCY);
  async function send(event: FormEvent) {
    event.preventDefault();
    if (!errors.check({ name: [...name.trim()].length < LIMITS.agency.nameMin && t('admin.nameRequired') })) return;
    try {
      await update({ variables: { input: { id: agency.id, name: name.trim(), description: description.trim() } } });
      onDone(name.trim());
    } catch (error) {
      errors.report(error);
    }
  }
  return (
    <form
      className="usa-form usa-form--large"
      onSubmit={send}
      noValidate
      aria-label={t('admin.editAgency', { name: agency.name })}
    >
      <ErrorSummary items={errors.summary} />
      <AgencyFields
        ids={ids}
        name={name}
        description={description}
        onName={setName}
        onDescription={setDescription}
        errors={errors.fields}
      />
      <div className="usa-button-group margin-top-2">
        <button className="usa-button" type="submit" disabled={loading}>
          {t('admin.saveAgency')}
        </button>
        <button className="usa-button usa-button--outline" type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
