import { useMemo } from 'react';
import { Dialog } from '../ui/Dialog';
import { useAllCommands } from './registry';
import { formatShortcut } from './shortcut';

/** Help › Keyboard shortcuts: every command that has one on this screen, by group. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const all = useAllCommands();
  const groups = useMemo(() => {
    const byGroup = new Map<string, { label: string; keys: string }[]>();
    for (const command of all) {
      if (!command.shortcut) continue;
      const rows = byGroup.get(command.group) ?? [];
      rows.push({ label: command.label, keys: formatShortcut(command.shortcut) });
      byGroup.set(command.group, rows);
    }
    return [...byGroup.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [all]);
  return (
    <Dialog title="Keyboard shortcuts" open={open} onClose={onClose} className="wide">
      <p className="hint shortcuts-hint">The commands of this screen. In the tag picker and the palette: ↑ ↓ to move, Enter to choose, Escape to close. In any dialog, Ctrl+Enter saves.</p>
      <div className="shortcuts">
        {groups.map(([group, rows]) => (
          <table key={group} className="shortcut-table">
            <caption>{group}</caption>
            <tbody>
              {rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  <td>
                    <kbd>{row.keys}</kbd>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      <div className="actions">
        <button type="button" className="primary" autoFocus onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
