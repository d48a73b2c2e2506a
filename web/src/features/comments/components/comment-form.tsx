import { LIMITS } from '@consulta/shared/limits';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/ui/text-field';
import { readApiError, refusalText } from '../../../lib/api-errors';

interface CommentFormProps {
  id: string;
  label: string;
  submitLabel: string;
  initial?: string;
  onSubmit(body: string): Promise<unknown>;
  onCancel?(): void;
}

/** Write or edit a comment; what was typed stays if the API refuses it. */
export function CommentForm({ id, label, submitLabel, initial = '', onSubmit, onCancel }: CommentFormProps) {
  const { t } = useTranslation();
  const [body, setBody] = useState(initial);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function send(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) return setError(t('comments.required'));
    if ([...body].length > LIMITS.comment.bodyMax)
      return setError(t('comments.tooLong', { max: LIMITS.comment.bodyMax }));
    setBusy(true);
    try {
      await onSubmit(body);
      setBody('');
      setError(undefined);
    } catch (failure) {
      const api = readApiError(failure, t);
      setError(api?.fields.body ?? refusalText(api, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="usa-form maxw-full" onSubmit={send} noValidate>
      <TextField
        id={id}
        label={label}
        value={body}
        onChange={setBody}
        maxLength={LIMITS.comment.bodyMax}
        multiline
        rows={3}
        error={error}
        required
      />
      <div className="margin-top-1">
        <button type="submit" className="usa-button" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="usa-button usa-button--unstyled" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
