import { useEffect, useRef, useState, type ReactNode } from 'react';
import { formatShortcut } from '../../commands/shortcut';
import { TAG_SHORTCUT } from '../passages/shortcuts';

/**
 * Right-click (or the Menu key, or Shift+F10) on selected text offers
 * tagging. Without a selection the system's own menu stays (spelling, copy).
 */
export function NoteContextMenu({ onTag, children }: { onTag: () => void; children: ReactNode }) {
  const [at, setAt] = useState<{ x: number; y: number } | null>(null);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!at) return;
    first.current?.focus();
    const close = () => setAt(null);
    window.addEventListener('click', close);
    window.addEventListener('blur', close);
    return () => {
      window.removeEventListener('click', close);
      window.removeEventListener('blur', close);
    };
  }, [at]);
  return (
    <div
      className="note-context"
      onContextMenu={(event) => {
        const selection = window.getSelection();
        if (!selection || selection.isCollapsed) return;
        event.preventDefault();
        const rect = selection.getRangeAt(0).getBoundingClientRect();
        setAt(event.clientX || event.clientY ? { x: event.clientX, y: event.clientY } : { x: rect.left, y: rect.bottom });
      }}
    >
      {children}
      {at && (
        <div
          className="context-menu"
          role="menu"
          aria-label="Passage"
          ref={(el) => {
            el?.style.setProperty('left', `${at.x}px`);
            el?.style.setProperty('top', `${at.y}px`);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setAt(null);
          }}
        >
          <button
            ref={first}
            type="button"
            role="menuitem"
            onClick={() => {
              setAt(null);
              onTag();
            }}
          >
            Tag with theme… <kbd>{formatShortcut(TAG_SHORTCUT)}</kbd>
          </button>
        </div>
      )}
    </div>
  );
}
