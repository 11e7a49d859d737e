import { useId, useState } from 'react';
import type { DeletePreview, DeleteResult, ThemeListItem } from '../../../shared/domain/theme';
import type { RpcError } from '../../../shared/rpc/result';
import { useMutation, useQuery } from '../../api/queries';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';

interface Props {
  theme: ThemeListItem | null;
  /** Where its sub-themes would go: the parent's name, or null for the top level. */
  parentName: string | null;
  onClose: () => void;
  onDeleted: (result: DeleteResult) => void;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What happens to the passages, in words: how many carry the theme, how many go with it. */
export function passageSentence(preview: DeletePreview, name: string, withSubthemes: boolean): string {
  const what = `“${name}”${withSubthemes ? ' or its sub-themes' : ''}`;
  const { passages, passagesLeftUntagged: going } = preview;
  if (passages === 0) return `No passage is tagged with ${what}.`;
  const tagged = `${plural(passages, 'passage is', 'passages are')} tagged with ${what}.`;
  if (going === 0) return `${tagged} ${passages === 1 ? 'It keeps its' : 'They all keep their'} other themes.`;
  if (going === passages) {
    return `${tagged} ${passages === 1 ? 'It has no other theme, so it' : `None has another theme, so all ${passages}`} will be deleted with it.`;
  }
  return `${tagged} ${going} of them ${going === 1 ? 'has' : 'have'} no other theme and will be deleted with it; the rest keep their other themes.`;
}

/** What happens to findings and matrix summaries (issue 8): said before, never found out after. */
export function findingsSentence(preview: DeletePreview): string {
  const parts: string[] = [];
  if (preview.findings > 0) parts.push(`${plural(preview.findings, 'finding is', 'findings are')} filed under it; they stay, without this theme.`);
  if (preview.citedPassagesDeleted > 0) {
    parts.push(`${plural(preview.citedPassagesDeleted, 'passage')} deleted with it ${preview.citedPassagesDeleted === 1 ? 'is' : 'are'} cited by findings, which keep the quoted text, marked deleted.`);
  }
  if (preview.summaries > 0) parts.push(`${plural(preview.summaries, 'matrix summary', 'matrix summaries')} will be deleted with it.`);
  return parts.join(' ');
}

/** Say what deleting a theme does to passages and sub-themes, then do it only when asked. */
export function DeleteDialog({ theme, parentName, onClose, onDeleted }: Props) {
  return (
    <Dialog title={theme ? `Delete “${theme.name}”?` : 'Delete theme'} open={theme !== null} onClose={onClose} className="theme-delete-dialog">
      {theme && <DeleteBody theme={theme} parentName={parentName} onClose={onClose} onDeleted={onDeleted} />}
    </Dialog>
  );
}

function DeleteBody({ theme, parentName, onClose, onDeleted }: { theme: ThemeListItem } & Omit<Props, 'theme'>) {
  const id = useId();
  const [withSubthemes, setWithSubthemes] = useState(false);
  // Once deleting, the preview is not asked again: the theme it describes is going.
  const [deleting, setDeleting] = useState(false);
  const loaded = useQuery('themes.deletePreview', { id: theme.id, withSubthemes }, { errorShownHere: true, enabled: !deleting });
  const preview = loaded.data ?? null;
  const [failed, setError] = useState<RpcError | null>(null);
  const error = failed ?? loaded.error;
  const deleteTheme = useMutation('themes.delete', { errorShownHere: true }).run;

  const remove = async () => {
    setDeleting(true);
    const result = await deleteTheme({ id: theme.id, withSubthemes });
    if (result.ok) return onDeleted(result.value);
    setDeleting(false);
    setError(result.error);
  };
  const destination = parentName ? `up to “${parentName}”` : 'up to the top level';

  return (
    <div className="theme-delete">
      {!preview && !error && <p className="hint">Checking what uses this theme…</p>}
      {preview && (
        <div className="theme-delete-summary" id={`${id}-summary`}>
          <p>{passageSentence(preview, theme.name, withSubthemes)}</p>
          {findingsSentence(preview) && <p className="theme-delete-findings">{findingsSentence(preview)}</p>}
          {preview.children > 0 && (
            <fieldset className="theme-delete-choice">
              <legend>Its {plural(preview.children, 'sub-theme')}</legend>
              <label>
                <input type="radio" name={`${id}-children`} checked={!withSubthemes} onChange={() => setWithSubthemes(false)} />
                Move {preview.children === 1 ? 'it' : 'them'} {destination}
                {preview.childrenMergedByName > 0 && ` (${plural(preview.childrenMergedByName, 'has', 'have')} the same name as a theme there and will be merged into it)`}
              </label>
              <label>
                <input type="radio" name={`${id}-children`} checked={withSubthemes} onChange={() => setWithSubthemes(true)} />
                Delete {preview.descendants === 1 ? 'it' : `all ${preview.descendants}`} too
              </label>
            </fieldset>
          )}
          <p className="hint">This cannot be undone.</p>
        </div>
      )}
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="button" onClick={onClose} autoFocus>
          Cancel
        </button>
        <button type="button" className="theme-danger" disabled={!preview} onClick={() => void remove()} aria-describedby={`${id}-summary`}>
          Delete theme
        </button>
      </div>
    </div>
  );
}
