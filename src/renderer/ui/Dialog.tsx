import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { focusAdrift, focusHome } from './focusHome';

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

/** Ctrl/Cmd+Enter submits the dialog's form from any field (a textarea's Enter is a new line). */
function submitOnCtrlEnter(event: KeyboardEvent<HTMLDialogElement>): void {
  if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
  const target = event.target as HTMLElement;
  const form = target.closest('form') ?? event.currentTarget.querySelector('form');
  if (!form) return;
  event.preventDefault();
  form.requestSubmit();
}

/**
 * After a dialog closes the browser returns focus to what opened it; when that is gone (a palette command
 * replaced the screen, a row was deleted) focus would sit on <body>, where the next key does nothing. Then
 * it goes to the next thing to use (focusHome).
 */
function landFocus(): void {
  setTimeout(() => {
    if (!focusAdrift() || document.querySelector('dialog[open]')) return;
    focusHome();
  }, 0);
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
    if (!open && dialog.open) {
      dialog.close();
      landFocus();
    }
  }, [open, anchor]);
  // Unmounted while open (its screen went away): the element that opened it may be gone too.
  useEffect(() => () => landFocus(), []);
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
      onKeyDown={submitOnCtrlEnter}
    >
      <h2 id={titleId} className={hideTitle ? 'visually-hidden' : 'dialog-title'}>
        {title}
      </h2>
      {open && children}
    </dialog>
  );
}
