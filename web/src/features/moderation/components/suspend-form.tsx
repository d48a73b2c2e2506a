import { useMutation } from '@apollo/client/react';
import { LIMITS } from '@consulta/shared/limits';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { TextField } from '../../../components/ui/text-field';
import { useFormErrors } from '../../../lib/use-form-errors';
import { SUSPEND_USER } from '../api/queue';

/** Suspend a person until a date, with a reason; their sessions end at once. */
export function SuspendForm({ user, onDone }: { user: { id: string; displayName: string }; onDone(): void }) {
  const { t } = useTranslation();
  const ids = { until: `suspend-until-${user.id}`, reason: `suspend-reason-${user.id}` };
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const errors = useFormErrors(ids);
  // The list of current suspensions on the same page shows the new one.
  const [suspend, { loading }] = useMutation(SUSPEND_USER, { refetchQueries: ['Suspensions'] });

  async function send(event: FormEvent) {
    event.preventDefault();
    const date = until ? new Date(until) : null;
    const ok = errors.check({
      until: (!date || Number.isNaN(date.getTime()) || date <= new Date()) && t('suspend.untilFuture'),
      reason: !reason.trim() && t('suspend.reasonRequired'),
    });
    if (!ok) return;
    try {
      await suspend({ variables: { input: { userId: user.id, until: date!.toISOString(), reason: reason.trim() } } });
      onDone();
    } catch (error) {
      errors.report(error);
    }
  }

  return (
    <form
      className="usa-form margin-top-2"
      onSubmit={send}
      noValidate
      aria-label={t('suspend.title', { name: user.displayName })}
    >
      <h3>{t('suspend.title', { name: user.displayName })}</h3>
      <ErrorSummary items={errors.summary} />
      <TextField
        id={ids.until}
        label={t('suspend.until')}
        type="datetime-local"
        value={until}
        onChange={setUntil}
        error={errors.fields.until}
        required
      />
      <TextField
        id={ids.reason}
        label={t('suspend.reason')}
        hint={t('suspend.reasonHint')}
        value={reason}
        onChange={setReason}
        maxLength={LIMITS.moderation.reasonMax}
        error={errors.fields.reason}
        required
      />
      <button type="submit" className="usa-button usa-button--secondary margin-top-2" disabled={loading}>
        {t('suspend.send')}
      </button>
    </form>
  );
}
