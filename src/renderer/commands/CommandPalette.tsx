import { useMemo, useState } from 'react';
import { useActiveOption } from '../ui/useActiveOption';
import { Dialog } from '../ui/Dialog';
import { commandRegistry, useAllCommands } from './registry';
import { matchCommands } from './matchCommands';
import { formatShortcut } from './shortcut';

/** Ctrl/Cmd+K: every command by name, with its shortcut, reachable from the keyboard. */
export function CommandPalette({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog title="Command palette" open={open} onClose={onClose} className="palette" hideTitle>
      <PaletteBody onClose={onClose} />
    </Dialog>
  );
}

function PaletteBody({ onClose }: { onClose: () => void }) {
  const all = useAllCommands();
  const [query, setQuery] = useState('');
  const visible = useMemo(() => matchCommands(all, query), [all, query]);

  const run = (id: string) => {
    onClose();
    // Let the palette close (and focus return) before the command opens its own dialog.
    setTimeout(() => commandRegistry.run(id), 0);
  };
  const { current, setActive, onKeyDown } = useActiveOption(visible.length, (index) => run(visible[index]!.id));

  return (
    <div className="palette-body">
      <input
        className="palette-input"
        role="combobox"
        aria-label="Type a command"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={visible[current] ? `cmd-${visible[current].id}` : undefined}
        placeholder="Type a command…"
        autoFocus
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id="palette-list" role="listbox" aria-label="Commands" className="palette-list">
        {visible.map((command, index) => (
          <li
            key={command.id}
            id={`cmd-${command.id}`}
            role="option"
            aria-selected={index === current}
            className={index === current ? 'active' : undefined}
            onMouseMove={() => setActive(index)}
            onClick={() => run(command.id)}
          >
            <span className="palette-group">{command.group}</span>
            <span className="palette-label">{command.label}</span>
            {command.shortcut && <kbd>{formatShortcut(command.shortcut)}</kbd>}
          </li>
        ))}
      </ul>
      {/* Outside the listbox (it holds only options) and the list's grid, so it reads as one line. */}
      <p className="palette-empty" role="status" hidden={visible.length > 0}>
        {visible.length === 0 && `No command matches “${query}”. Try fewer letters, or “help” for the shortcuts.`}
      </p>
    </div>
  );
}
