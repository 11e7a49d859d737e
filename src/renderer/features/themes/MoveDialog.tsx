import { useId, useState, type FormEvent } from 'react';
import type { ThemeListItem } from '../../../shared/domain/theme';
import { Dialog } from '../../ui/Dialog';
import { DialogActions } from '../../ui/DialogActions';
import { branchOf, type Placement } from './treeModel';

interface Props {
  /** The theme to move; null while closed. */
  theme: ThemeListItem | null;
  themes: readonly ThemeListItem[];
  onClose: () => void;
  onMove: (id: string, placement: Placement) => void;
}

const TOP = '';

/**
 * Move a theme without dragging (WCAG 2.5.7, issue 11): choose its new parent from the codebook; it goes
 * last among that parent's sub-themes. Its own branch is not offered (a theme never goes under itself).
 */
export function MoveDialog({ theme, themes, onClose, onMove }: Props) {
  return (
    <Dialog title={theme ? `Move “${theme.name}” to…` : 'Move theme'} open={theme !== null} onClose={onClose}>
      {theme && <MoveForm theme={theme} themes={themes} onClose={onClose} onMove={onMove} />}
    </Dialog>
  );
}

function MoveForm({ theme, themes, onClose, onMove }: Props & { theme: ThemeListItem }) {
  const id = useId();
  const branch = branchOf(themes, theme.id);
  const [parentId, setParentId] = useState(theme.parentId ?? TOP);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parent = parentId === TOP ? null : parentId;
    const position = themes.filter((t) => t.parentId === parent && t.id !== theme.id).length;
    onClose();
    onMove(theme.id, { parentId: parent, position });
  };
  return (
    <form className="dialog-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={id}>New place</label>
        <select id={id} autoFocus value={parentId} onChange={(e) => setParentId(e.target.value)} aria-describedby={`${id}-hint`}>
          <option value={TOP}>The top level</option>
          {themes
            .filter((t) => !branch.has(t.id))
            .map((t) => (
              <option key={t.id} value={t.id}>
                {`${'\u00a0\u00a0'.repeat(t.depth)}Under “${t.name}”`}
              </option>
            ))}
        </select>
        <p id={`${id}-hint`} className="hint">
          It goes last among the sub-themes there, with its own sub-themes; Alt+arrows in the tree fine-tune the order.
        </p>
      </div>
      <DialogActions onCancel={onClose} submit="Move" />
    </form>
  );
}
