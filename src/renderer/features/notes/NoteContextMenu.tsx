import { useState, type ReactNode } from 'react';
import { formatShortcut } from '../../commands/shortcut';
import { ContextMenu, menuAnchor } from '../../ui/ContextMenu';
import type { MenuAnchor } from '../../ui/menuPlacement';
import { TAG_SHORTCUT } from '../passages/shortcuts';

/**
 * Right-click (or the Menu key, or Shift+F10) on selected text offers
 * tagging. Without a selection the system's own menu stays (spelling, copy).
 */
export function NoteContextMenu({ onTag, children }: { onTag: () => void; children: ReactNode }) {
  const [at, setAt] = useState<MenuAnchor | null>(null);
  return (
    <div
      className="note-context"
      onContextMenu={(event) => {
        const selection = window.getSelection();
        if (!selection || selection.isCollapsed) return;
        event.preventDefault();
        setAt(menuAnchor(event, selection.getRangeAt(0).getBoundingClientRect()));
      }}
    >
      {children}
      {at && (
        <ContextMenu
          label="Passage"
          at={at}
          items={[{ label: 'Tag with theme…', shortcut: formatShortcut(TAG_SHORTCUT), run: onTag }]}
          onClose={() => setAt(null)}
        />
      )}
    </div>
  );
}
