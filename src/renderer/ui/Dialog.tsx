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
  /** Open as a popover beside this rectangle (e.g. the selected text) instead of in the middle of the screen. */
  anchor?: DOMRect | null;
}

const GAP = 8;

/** Below the rectangle if the dialog fits there, else above it (growing upwards), kept inside the window. */
function placeBeside(dialog: HTMLDialogElement, anchor: DOMRect): void {
  const { width, height } = dialog.getBoundingClientRect();
  const style = dialog.style;
  style.margin = '0';
  style.left = `${Math.max(GAP, Math.min(anchor.left, window.innerWidth - width - GAP))}px`;
  const below = window.innerHeight - anchor.bottom - GAP;
  const above = anchor.top - GAP;
  if (height <= below || below >= above) {
    style.top = `${Math.min(anchor.bottom + GAP, Math.max(GAP, window.innerHeight - height - GAP))}px`;
    style.bottom = 'auto';
  } else {
    style.top = 'auto';
    style.bottom = `${Math.max(GAP, window.innerHeight - anchor.top + GAP)}px`;
  }
}

/**
 * A modal on the native <dialog>: focus is trapped and Escape closes it
 * without any code of ours, and the page behind is inert.
 */
export function Dialog({ title, open, onClose, children, className, hideTitle, anchor }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      if (anchor) placeBeside(dialog, anchor);
      else dialog.removeAttribute('style');
      // showModal focuses the first focusable element, after React's autoFocus ran on mount; a dialog whose next
      // action is not its first control marks that control instead.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open, anchor]);
  return (
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}${anchor ? ' anchored' : ''}`}
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
