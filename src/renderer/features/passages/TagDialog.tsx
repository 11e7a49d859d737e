import { useMemo, useState } from 'react';
import { useActiveOption } from '../../ui/useActiveOption';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import type { ThemeIndex, ThemeSummary } from '../themes/useThemeIndex';

interface Props {
  open: boolean;
  themes: ThemeIndex;
  /** Themes the passage already carries: shown as such, not offered again. */
  already: string[];
  error: string | null;
  onChoose: (theme: { id: string } | { create: string }) => void;
  onClose: () => void;
}

/** Type a few letters of a theme, Enter: the passage carries it. */
export function TagDialog(props: Props) {
  return (
    <Dialog title="Tag passage" open={props.open} onClose={props.onClose} className="palette" hideTitle>
      <TagPicker {...props} />
    </Dialog>
  );
}

function matchesQuery(theme: ThemeSummary, words: string[]) {
  const haystack = `${theme.name} ${theme.code ?? ''} ${theme.path}`.toLowerCase();
  return words.every((w) => haystack.includes(w));
}

function TagPicker({ themes, already, error, onChoose }: Props) {
  const [query, setQuery] = useState('');
  const options = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const found = [...themes.values()].filter((t) => !already.includes(t.id) && matchesQuery(t, words));
    // Names that start with the query first, then the rest; each group alphabetical.
    const starts = (t: ThemeSummary) => (t.name.toLowerCase().startsWith(query.toLowerCase().trim()) ? 0 : 1);
    return found.sort((a, b) => starts(a) - starts(b) || a.name.localeCompare(b.name)).slice(0, 50);
  }, [themes, already, query]);
  const canCreate = query.trim().length > 0 && ![...themes.values()].some((t) => t.name.toLowerCase() === query.trim().toLowerCase());
  const count = options.length + (canCreate ? 1 : 0);

  const choose = (index: number) => {
    const theme = options[index];
    if (theme) onChoose({ id: theme.id });
    else if (canCreate) onChoose({ create: query.trim() });
  };
  const { current, setActive, onKeyDown } = useActiveOption(count, choose);

  return (
    <div className="palette-body">
      <input
        className="palette-input"
        role="combobox"
        aria-label="Theme"
        aria-expanded="true"
        aria-controls="tag-options"
        aria-activedescendant={count ? `tag-option-${current}` : undefined}
        placeholder="Type a theme…"
        autoFocus
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ErrorMessage error={error} />
      <ul id="tag-options" role="listbox" aria-label="Themes" className="palette-list">
        {options.map((theme, i) => (
          <li
            key={theme.id}
            id={`tag-option-${i}`}
            role="option"
            aria-selected={i === current}
            className={`tag-option${i === current ? ' active' : ''}`}
            onMouseMove={() => setActive(i)}
            onClick={() => choose(i)}
          >
            <span className="swatch" aria-hidden="true" data-colour={theme.colour} ref={(el) => el?.style.setProperty('--swatch', theme.colour)} />
            <span className="tag-option-name">
              {theme.name}
              {theme.code && <span className="tag-option-code"> {theme.code}</span>}
            </span>
            <span className="tag-option-path">{theme.path}</span>
          </li>
        ))}
        {canCreate && (
          <li
            id={`tag-option-${options.length}`}
            role="option"
            aria-selected={current === options.length}
            className={`tag-option${current === options.length ? ' active' : ''}`}
            onMouseMove={() => setActive(options.length)}
            onClick={() => choose(options.length)}
          >
            <span className="swatch swatch-new" aria-hidden="true" />
            <span className="tag-option-name">Create theme “{query.trim()}”</span>
            <span className="tag-option-path">New, at the top level</span>
          </li>
        )}
        {count === 0 && <li className="palette-empty">{themes.size === 0 ? 'No themes yet: type a name to create one.' : `No theme matches “${query}”.`}</li>}
      </ul>
    </div>
  );
}
