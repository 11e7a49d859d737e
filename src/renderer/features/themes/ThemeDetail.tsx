import { useId, useState, type Ref } from 'react';
import type { ThemeListItem } from '../../../shared/domain/theme';
import type { RpcError } from '../../../shared/rpc/result';
import { useMutation } from '../../api/queries';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { ColourField } from './ColourField';
import { RecordHistorySection } from '../team/HistoryPanel';

interface Props {
  theme: ThemeListItem;
  /** Where it sits: "Technology › Artificial intelligence and robotics". */
  path: string[];
  nameRef: Ref<HTMLInputElement>;
  onSaved: () => void;
  onMerge: () => void;
  /** Move it without dragging (WCAG 2.5.7). */
  onMoveTo: () => void;
  /** Its passages in the Analysis area's theme view, sub-themes included. */
  onShowPassages: () => void;
  moveShortcut: string;
  onDelete: () => void;
  deleteShortcut: string;
}

const draftOf = (theme: ThemeListItem) => ({
  name: theme.name,
  code: theme.code ?? '',
  colour: theme.colour,
  definition: theme.definition,
  exclusions: theme.exclusions,
});
type Draft = ReturnType<typeof draftOf>;
type Field = keyof Draft;
const fields = (draft: Draft) => Object.keys(draft) as Field[];

const plural = (n: number) => `${n} passage${n === 1 ? '' : 's'}`;

/** "Tagged on 3 passages; 12 with its sub-themes." — a parent's roll-up counts each passage of its branch once. */
function passages(theme: ThemeListItem): string {
  const own = theme.passageCount === 0 ? 'Not yet used on any passage' : `Tagged on ${plural(theme.passageCount)}`;
  const branch = theme.childCount > 0 ? theme.branchPassageCount : undefined;
  return branch !== undefined && branch !== theme.passageCount ? `${own}; ${plural(branch)} with its sub-themes.` : `${own}.`;
}

/** The selected theme's details, edited in place and saved together. */
export function ThemeDetail({ theme, path, nameRef, onSaved, onMerge, onMoveTo, onShowPassages, moveShortcut, onDelete, deleteShortcut }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(() => draftOf(theme));
  // The fields typed in since the last save was sent (or never saved): the person's, which nothing may overwrite.
  // Comparing the draft with the values it started from cannot tell: a field set back to its old value right after
  // Save looked untouched, and the codebook's re-read then put the saved value back over it (issue 11).
  const [edited, setEdited] = useState<ReadonlySet<Field>>(() => new Set());
  const [error, setError] = useState<RpcError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const original = draftOf(theme);
  const [base, setBase] = useState(original);
  if (fields(original).some((key) => original[key] !== base[key])) {
    // Saved here (the re-read), renamed in the tree or put back from its history: take the stored values, except
    // in the fields the person has typed in since.
    setBase(original);
    setDraft((d) => {
      const next = { ...d };
      for (const key of fields(original)) if (!edited.has(key)) next[key] = original[key];
      return next;
    });
  }
  const dirty = fields(draft).some((key) => draft[key] !== original[key]);
  const typedIn = (key: Field) => setEdited((e) => (e.has(key) ? e : new Set(e).add(key)));
  const set = <K extends Field>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    typedIn(key);
    setSaved(false);
  };

  const updateTheme = useMutation('themes.update', { errorShownHere: true }).run;
  const save = async () => {
    setSaving(true);
    const sent = edited;
    setEdited(new Set());
    const result = await updateTheme({ id: theme.id, ...draft, code: draft.code.trim() || null });
    setSaving(false);
    if (result.ok) {
      setError(null);
      setSaved(true);
      onSaved();
    } else {
      // Not stored: what was sent is still only the person's.
      setEdited((e) => new Set([...sent, ...e]));
      setError(result.error);
    }
  };

  return (
    <section className="theme-detail" aria-labelledby={`${id}-title`}>
      <header className="theme-detail-header">
        <h2 id={`${id}-title`}>
          <span className="theme-swatch" style={{ backgroundColor: theme.colour }} aria-hidden="true" />
          {theme.name}
        </h2>
        <div className="theme-detail-sub">
          <p className="theme-detail-meta">
            {path.length > 1 ? `Under ${path.slice(0, -1).join(' › ')}. ` : 'Top-level theme. '}
            {passages(theme)}
          </p>
          <div className="theme-detail-actions">
            <button type="button" onClick={onShowPassages}>
              Show in the theme view
            </button>
            <button type="button" onClick={onMoveTo}>
              Move to… <kbd>{moveShortcut}</kbd>
            </button>
            <button type="button" onClick={onMerge}>
              Merge into…
            </button>
            <button type="button" className="theme-danger-quiet" onClick={onDelete}>
              Delete… <kbd>{deleteShortcut}</kbd>
            </button>
          </div>
        </div>
      </header>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div className="form-row">
          <div className="field theme-name-field">
            <label htmlFor={`${id}-name`}>Name</label>
            <input id={`${id}-name`} ref={nameRef} value={draft.name} maxLength={200} required onChange={(e) => set('name', e.target.value)} />
          </div>
          <div className="field theme-code-field">
            <label htmlFor={`${id}-code`}>Short code</label>
            <input
              id={`${id}-code`}
              value={draft.code}
              maxLength={40}
              aria-describedby={`${id}-code-hint`}
              onChange={(e) => set('code', e.target.value)}
            />
            <p id={`${id}-code-hint`} className="hint">
              Optional, e.g. AI-IMG.
            </p>
          </div>
        </div>
        <ColourField value={draft.colour} onChange={(colour) => set('colour', colour)} onTyping={() => typedIn('colour')} />
        <div className="field">
          <label htmlFor={`${id}-definition`}>Definition</label>
          <textarea
            id={`${id}-definition`}
            rows={4}
            value={draft.definition}
            aria-describedby={`${id}-definition-hint`}
            onChange={(e) => set('definition', e.target.value)}
          />
          <p id={`${id}-definition-hint`} className="hint">
            What belongs under this theme, so everyone tags alike.
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-exclusions`}>Exclusions</label>
          <textarea
            id={`${id}-exclusions`}
            rows={3}
            value={draft.exclusions}
            aria-describedby={`${id}-exclusions-hint`}
            onChange={(e) => set('exclusions', e.target.value)}
          />
          <p id={`${id}-exclusions-hint`} className="hint">
            What does not belong here, and where it goes instead.
          </p>
        </div>
        <ErrorMessage error={error} />
        <div className="actions">
          <span className="theme-saved" role="status">
            {saved && !dirty ? 'Saved.' : ''}
          </span>
          <button
            type="button"
            className="quiet"
            disabled={!dirty || saving}
            onClick={() => {
              setDraft(original);
              setEdited(new Set());
            }}
          >
            Undo changes
          </button>
          <button type="submit" className="primary" disabled={!dirty || saving}>
            Save theme
          </button>
        </div>
      </form>
      <RecordHistorySection record={{ table: 'themes', recordId: theme.id }} />
    </section>
  );
}
