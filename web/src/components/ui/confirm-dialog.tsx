import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readApiError, refusalText } from '../../lib/api-errors';
import { Dialog } from './dialog';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  /** Does the thing; a refusal is said in the dialog, in the reader's words. */
  onConfirm(): Promise<unknown>;
  onClose(): void;
  onDone(): void;
}

/** "Are you sure?" for what cannot be undone: what will happen, one button to do it, Escape to keep things. */
export function ConfirmDialog({ open, title, body, confirmLabel, onConfirm, onClose, onDone }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function confirm() {
    setError(null);
    setBusy(true);
    try {
      await onConfirm();
      onDone();
    } catch (failure) {
      setError(refusalText(readApiError(failure, t), t));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Dialog
      open={open}
      title={title}
      onClose={() => {
        setError(null);
        onClose();
      }}
    >
      <p>{body}</p>
      {error ? (
        <p className="usa-error-message" role="alert">
          {error}
        </p>
      ) : null}
      <button type="button" className="usa-button usa-button--secondary" disabled={busy} onClick={() => void confirm()}>
        {confirmLabel}
      </button>
    </Dialog>
  );
}
