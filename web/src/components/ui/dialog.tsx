import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface DialogProps {
  open: boolean;
  title: string;
  onClose(): void;
  children: ReactNode;
}

/**
 * A modal dialog on the native <dialog> element: the browser traps focus, Escape closes it, and focus
 * returns to what opened it.
 */
export function Dialog({ open, title, onClose, children }: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal?.();
    if (!open && dialog.open) dialog.close?.();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="usa-modal padding-3 radius-md"
      aria-labelledby={open ? titleId : undefined}
      onClose={onClose}
      onCancel={onClose}
    >
      {open ? (
        <>
          <h2 className="margin-top-0" id={titleId}>
            {title}
          </h2>
          {children}
          <button type="button" className="usa-button usa-button--unstyled margin-top-2" onClick={onClose}>
            {t('common.close')}
          </button>
        </>
      ) : null}
    </dialog>
  );
}
