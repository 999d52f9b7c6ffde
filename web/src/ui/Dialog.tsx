import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from './Button';

/**
 * A modal dialog on the native <dialog> element: focus moves into it (to its first field, so a
 * form can be typed into at once) and is kept there, Escape closes it, and focus returns to
 * where it was.
 */
export function Dialog({ title, open, onClose, children }: { title: string; open: boolean; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // A field's autoFocus ran while the dialog was still closed, and showModal() focuses the
      // first focusable element, the close button: the first field is where typing belongs.
      dialog.querySelector<HTMLElement>('.dialog-body :is(input:not([type="hidden"]), select, textarea):not(:disabled)')?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {open ? (
        <>
          <div className="dialog-header">
            <h2 id={titleId}>{title}</h2>
            <Button variant="ghost" small onClick={onClose} aria-label="Close">
              ✕
            </Button>
          </div>
          <div className="dialog-body">{children}</div>
        </>
      ) : null}
    </dialog>
  );
}
