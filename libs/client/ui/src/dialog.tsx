import { X } from 'lucide-react';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  /** Buttons at the bottom ("Cancel", "Delete draft"). */
  actions?: ReactNode;
}

/**
 * A modal dialog on the native <dialog> element: showModal() makes the rest of the page inert (so focus
 * stays inside), Escape closes it, and focus goes back to whatever opened it.
 */
export function Dialog({ open, onClose, title, children, actions }: DialogProps) {
  const { t } = useTranslation('ui');
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement as HTMLElement | null;
      dialog.showModal();
      const first = dialog.querySelector<HTMLElement>(
        '[autofocus], input, select, textarea, button:not(.an-dialog__close), a[href]',
      );
      (first ?? dialog.querySelector<HTMLElement>('.an-dialog__close'))?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
    if (!open && opener.current) {
      opener.current.focus();
      opener.current = null;
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="an-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="an-dialog__header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="an-button an-button--quiet an-dialog__close" onClick={onClose}>
          <X className="an-icon" aria-hidden="true" focusable="false" />
          <span className="an-vh">{t('dialog.close')}</span>
        </button>
      </div>
      {children}
      {actions && <div className="an-dialog__actions">{actions}</div>}
    </dialog>
  );
}
