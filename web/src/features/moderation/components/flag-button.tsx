import { useMutation } from '@apollo/client/react';
import { LIMITS } from '@consulta/shared/limits';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/ui/dialog';
import { TextField } from '../../../components/ui/text-field';
import { readApiError, refusalText } from '../../../lib/api-errors';
import { FLAG_CONTENT } from '../api/flag-content';

const FLAG_REASONS = ['SPAM', 'ABUSE', 'OFF_TOPIC', 'PERSONAL_INFO', 'MISINFORMATION', 'OTHER'] as const;

/** "Report": a dialog with the reason and an optional note; says when it is done or already reported. */
export function FlagButton({ targetId, label }: { targetId: string; label: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<(typeof FLAG_REASONS)[number] | ''>('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [flag, { loading }] = useMutation(FLAG_CONTENT);
  // Once the report is sent, the button is disabled: focus goes to the thanks, not to the page's body.
  const doneRef = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  async function send(event: FormEvent) {
    event.preventDefault();
    if (!reason) return setError(t('flag.reasonRequired'));
    try {
      await flag({ variables: { input: { targetId, reason, note: note.trim() || null } } });
      setDone(t('flag.thanks'));
      setOpen(false);
    } catch (failure) {
      const api = readApiError(failure, t);
      if (api?.reason === 'ALREADY_FLAGGED') {
        setDone(t('flag.already'));
        setOpen(false);
      } else {
        setError(api?.fields.note ?? refusalText(api, t));
      }
    }
  }

  return (
    <>
      <button type="button" className="usa-button usa-button--unstyled" onClick={() => setOpen(true)} disabled={!!done}>
        {label}
      </button>
      {done ? (
        <span role="status" className="margin-left-1 font-sans-2xs" tabIndex={-1} ref={doneRef}>
          {done}
        </span>
      ) : null}
      <Dialog open={open} title={t('flag.title')} onClose={() => setOpen(false)}>
        <form className="usa-form" onSubmit={send} noValidate>
          <fieldset className="usa-fieldset">
            <legend className="usa-legend">{t('flag.reason')}</legend>
            {error ? (
              <span className="usa-error-message" role="alert">
                {error}
              </span>
            ) : null}
            {FLAG_REASONS.map((value) => (
              <div className="usa-radio" key={value}>
                <input
                  className="usa-radio__input"
                  id={`flag-${targetId}-${value}`}
                  type="radio"
                  name="reason"
                  value={value}
                  checked={reason === value}
                  onChange={() => setReason(value)}
                />
                <label className="usa-radio__label" htmlFor={`flag-${targetId}-${value}`}>
                  {t(`flag.reasons.${value}`)}
                </label>
              </div>
            ))}
          </fieldset>
          <TextField
            id={`flag-note-${targetId}`}
            label={t('flag.note')}
            value={note}
            onChange={setNote}
            maxLength={LIMITS.moderation.noteMax}
            multiline
            rows={3}
          />
          <button type="submit" className="usa-button margin-top-2" disabled={loading}>
            {t('flag.send')}
          </button>
        </form>
      </Dialog>
    </>
  );
}
