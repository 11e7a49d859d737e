import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
  /** Extra class for sizing (e.g. the palette). */
  className?: string;
  /** Hide the visible title (it still names the dialog for screen readers). */
  hideTitle?: boolean;
}

/**
 * A modal on the native <dialog>: focus is trapped and Escape closes it
 * without any code of ours, and the page behind is inert.
 */
export function Dialog({ title, open, onClose, children, className, hideTitle }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      // The close event is queued: if the dialog was opened again before it arrived, it is stale.
      onClose={() => {
        if (!ref.current?.open) onClose();
      }}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className={hideTitle ? 'visually-hidden' : 'dialog-title'}>
        {title}
      </h2>
      {open && children}
    </dialog>
  );
}
