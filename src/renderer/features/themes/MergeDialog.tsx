import { useId, useMemo, useState } from 'react';
import type { MergeResult, ThemeListItem } from '../../../shared/domain/theme';
import type { RpcError } from '../../../shared/rpc/result';
import { useMutation } from '../../api/queries';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { branchOf, pathOf } from './treeModel';

interface Props {
  source: ThemeListItem | null;
  themes: readonly ThemeListItem[];
  onClose: () => void;
  onMerged: (target: ThemeListItem, result: MergeResult) => void;
}

/** Letters without accents or case, so "etica" finds "Ética". */
const plain = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/** Merge a theme into another, chosen by typing part of its name. */
export function MergeDialog({ source, themes, onClose, onMerged }: Props) {
  return (
    <Dialog title={source ? `Merge “${source.name}” into…` : 'Merge theme'} open={source !== null} onClose={onClose} className="theme-merge-dialog">
      {source && <MergeForm source={source} themes={themes} onClose={onClose} onMerged={onMerged} />}
    </Dialog>
  );
}

function MergeForm({ source, themes, onClose, onMerged }: { source: ThemeListItem } & Omit<Props, 'source'>) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [activeId, setActiveId] = useState<string | null>(null);
  const [target, setTarget] = useState<ThemeListItem | null>(null);
  const [error, setError] = useState<RpcError | null>(null);
  const [busy, setBusy] = useState(false);

  const matches = useMemo(() => {
    const q = plain(query.trim());
    const branch = branchOf(themes, source.id); // a theme cannot merge into itself or its own sub-themes
    const candidates = themes.filter((t) => !branch.has(t.id));
    const found = q ? candidates.filter((t) => plain(t.name).includes(q)) : candidates;
    // Names that start with what was typed come first.
    return [...found.filter((t) => plain(t.name).startsWith(q)), ...found.filter((t) => !plain(t.name).startsWith(q))].slice(0, 50);
  }, [query, themes, source.id]);
  const active = matches.find((t) => t.id === activeId) ?? matches[0] ?? null;
  const label = (t: ThemeListItem) => pathOf(themes, t.id).join(' › ');

  const choose = (theme: ThemeListItem) => {
    setTarget(theme);
    setQuery(label(theme));
    setActiveId(theme.id);
  };
  const mergeThemes = useMutation('themes.merge', { errorShownHere: true }).run;
  const merge = async () => {
    if (!target) return;
    setBusy(true);
    const result = await mergeThemes({ sourceId: source.id, targetId: target.id });
    setBusy(false);
    if (result.ok) onMerged(target, result.value);
    else setError(result.error);
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void merge();
      }}
    >
      <p className="dialog-lede">
        Its passages will be tagged with the theme you choose (once, if they already carry both), its sub-themes move under it,
        and “{source.name}” is deleted.
      </p>
      <div className="field">
        <label htmlFor={`${id}-input`}>Merge into</label>
        <input
          id={`${id}-input`}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={matches.length > 0}
          aria-controls={matches.length > 0 ? `${id}-list` : undefined}
          aria-activedescendant={active ? `${id}-${active.id}` : undefined}
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          autoFocus
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setTarget(null);
            setActiveId(null);
          }}
          onKeyDown={(event) => {
            const index = active ? matches.indexOf(active) : -1;
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              const next = matches[Math.max(0, Math.min(matches.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))];
              if (next) setActiveId(next.id);
            } else if (event.key === 'Enter' && active && target?.id !== active.id) {
              // The first Enter chooses; the second (with the choice shown) merges.
              event.preventDefault();
              choose(active);
            }
          }}
        />
        <p id={`${id}-hint`} className="hint">
          Type part of a name; ↑ ↓ to pick, Enter to choose, Enter again to merge.
        </p>
      </div>
      {matches.length > 0 ? (
        <ul role="listbox" id={`${id}-list`} aria-label="Matching themes" className="theme-options">
          {matches.map((t) => (
            <li
              key={t.id}
              id={`${id}-${t.id}`}
              role="option"
              aria-selected={t.id === active?.id}
              className={t.id === target?.id ? 'chosen' : undefined}
              onClick={() => choose(t)}
            >
              <span className="theme-swatch" style={{ backgroundColor: t.colour }} aria-hidden="true" />
              {label(t)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="theme-options-empty">No other theme matches “{query}”. Try fewer letters.</p>
      )}
      {target && (
        <p className="theme-merge-summary" role="status">
          “{source.name}” will be merged into “{target.name}”.
        </p>
      )}
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={!target || busy}>
          Merge
        </button>
      </div>
    </form>
  );
}
