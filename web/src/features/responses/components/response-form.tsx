import { useMutation } from '@apollo/client/react';
import { LIMITS } from '@consulta/shared/limits';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import type { IdeaStatus } from '../../../gql/graphql';
import { useFormErrors } from '../../../lib/use-form-errors';
import { POST_RESPONSE } from '../api/responses';

const RESPONSE_STATUSES: IdeaStatus[] = [
  'UNDER_REVIEW',
  'ACCEPTED',
  'IN_PROGRESS',
  'IMPLEMENTED',
  'REJECTED',
  'DUPLICATE',
];

interface ResponseFormProps {
  idea: { id: string; title: string };
  /** Other ideas of the campaign, for "duplicate of". */
  others: Array<{ id: string; title: string }>;
  onDone(): void;
}

/** The agency's official answer: a text and the status it sets (and the original, for a duplicate). */
export function ResponseForm({ idea, others, onDone }: ResponseFormProps) {
  const { t } = useTranslation();
  const ids = {
    body: `response-body-${idea.id}`,
    status: `response-status-${idea.id}`,
    duplicateOfId: `response-dup-${idea.id}`,
  };
  const [body, setBody] = useState('');
  const [status, setStatus] = useState<IdeaStatus>('UNDER_REVIEW');
  const [duplicateOfId, setDuplicateOfId] = useState('');
  const errors = useFormErrors(ids);
  const [post, { loading }] = useMutation(POST_RESPONSE);

  async function send(event: FormEvent) {
    event.preventDefault();
    const ok = errors.check({
      body: !body.trim() && t('respond.bodyRequired'),
      duplicateOfId: status === 'DUPLICATE' && !duplicateOfId && t('respond.duplicateRequired'),
    });
    if (!ok) return;
    try {
      await post({
        variables: {
          input: { ideaId: idea.id, body, status, duplicateOfId: status === 'DUPLICATE' ? duplicateOfId : null },
        },
      });
      setBody('');
      onDone();
    } catch (error) {
      errors.report(error);
    }
  }

  return (
    <form
      className="usa-form maxw-full"
      onSubmit={send}
      noValidate
      aria-label={t('respond.formLabel', { title: idea.title })}
    >
      <ErrorSummary items={errors.summary} />
      <SelectField
        id={ids.status}
        label={t('respond.status')}
        hint={t('respond.statusHint')}
        value={status}
        onChange={(value) => setStatus(value as IdeaStatus)}
        options={RESPONSE_STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))}
      />
      {status === 'DUPLICATE' ? (
        <SelectField
          id={ids.duplicateOfId}
          label={t('respond.duplicateOf')}
          value={duplicateOfId}
          onChange={setDuplicateOfId}
          error={errors.fields.duplicateOfId}
          options={[
            { value: '', label: t('respond.chooseIdea') },
            ...others.filter((other) => other.id !== idea.id).map((other) => ({ value: other.id, label: other.title })),
          ]}
        />
      ) : null}
      <TextField
        id={ids.body}
        label={t('respond.body')}
        hint={t('respond.bodyHint')}
        value={body}
        onChange={setBody}
        maxLength={LIMITS.response.bodyMax}
        multiline
        rows={5}
        error={errors.fields.body}
        required
      />
      <button type="submit" className="usa-button margin-top-2" disabled={loading}>
        {t('respond.send')}
      </button>
    </form>
  );
}
