import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { ThemeIndex, ThemeSummary } from '../themes/useThemeIndex';
import { ThemeChip } from '../themes/ThemeChip';

interface Props {
  themes: ThemeIndex;
  chosen: string[];
  onChange: (themeIds: string[]) => void;
  mode: 'any' | 'all';
  onMode: (mode: 'any' | 'all') => void;
  includeSubthemes: boolean;
  onIncludeSubthemes: (include: boolean) => void;
}

const MAX_OPTIONS = 40;

/** Choose one or several themes by typing part of a name (like the tag picker), with any/all and sub-themes. */
export function ThemeChooser({ themes, chosen, onChange, mode, onMode, includeSubthemes, onIncludeSubthemes }: Props) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const options = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const matches = (t: ThemeSummary) => words.every((w) => `${t.name} ${t.code ?? ''} ${t.path}`.toLowerCase().includes(w));
    const starts = (t: ThemeSummary) => (t.name.toLowerCase().startsWith(query.trim().toLowerCase()) ? 0 : 1);
    return [...themes.values()]
      .filter((t) => !chosen.includes(t.id) && matches(t))
      .sort((a, b) => starts(a) - starts(b) || a.path.localeCompare(b.path) || a.name.localeCompare(b.name))
      .slice(0, MAX_OPTIONS);
  }, [themes, chosen, query]);
  const current = Math.min(active, Math.max(options.length - 1, 0));
  const listId = `${id}-options`;

  const add = (theme: ThemeSummary | undefined) => {
    if (!theme) return;
    onChange([...chosen, theme.id]);
    setQuery('');
    setActive(0);
    setOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      setOpen(true);
      setActive(open ? (current + 1) % Math.max(options.length, 1) : 0);
    } else if (event.key === 'ArrowUp') setActive((current - 1 + options.length) % Math.max(options.length, 1));
    else if (event.key === 'Enter' && open) add(options[current]);
    else if (event.key === 'Escape' && open) setOpen(false);
    else if (event.key === 'Backspace' && query === '' && chosen.length) onChange(chosen.slice(0, -1));
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div className="theme-chooser">
      <div className="theme-chooser-field">
        <label htmlFor={`${id}-input`}>Themes</label>
        <div className="theme-chooser-box">
          {chosen.length > 0 && (
            <ul className="chosen-themes" aria-label="Chosen themes">
              {chosen.map((themeId) => {
                const theme = themes.get(themeId);
                const name = theme?.name ?? 'A theme no longer in the codebook';
                return (
                  <li key={themeId}>
                    <ThemeChip name={name} colour={theme?.colour ?? '#7F7F7F'} />
                    <button type="button" className="chip-remove" aria-label={`Remove ${name}`} onClick={() => onChange(chosen.filter((t) => t !== themeId))}>
                      ×
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          <input
            id={`${id}-input`}
            role="combobox"
            aria-expanded={open && options.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={open && options.length ? `${id}-option-${current}` : undefined}
            aria-describedby={`${id}-hint`}
            placeholder={chosen.length ? 'Add another theme…' : 'Type a theme…'}
            autoComplete="off"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setOpen(true);
              setActive(0);
            }}
            onFocus={() => setOpen(query.length > 0)}
            onBlur={() => setOpen(false)}
            onKeyDown={onKeyDown}
          />
        </div>
        <p id={`${id}-hint`} className="hint">
          Type part of a name, ↓ to choose, Enter to add; Backspace removes the last.
        </p>
        <ul id={listId} role="listbox" aria-label="Themes to choose from" className="theme-chooser-options" hidden={!open || options.length === 0}>
          {options.map((theme, i) => (
            <li
              key={theme.id}
              id={`${id}-option-${i}`}
              role="option"
              aria-selected={i === current}
              className={i === current ? 'active' : undefined}
              onMouseMove={() => setActive(i)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => add(theme)}
            >
              <span className="swatch" aria-hidden="true" ref={(el) => el?.style.setProperty('--swatch', theme.colour)} />
              <span className="tag-option-name">{theme.name}</span>
              <span className="tag-option-path">{theme.path}</span>
            </li>
          ))}
        </ul>
      </div>
      <div className="theme-chooser-switches">
      <fieldset className="theme-mode" disabled={chosen.length < 2}>
        <legend>Passages with</legend>
        <label>
          <input type="radio" name={`${id}-mode`} checked={mode === 'any'} onChange={() => onMode('any')} />
          any of them
        </label>
        <label>
          <input type="radio" name={`${id}-mode`} checked={mode === 'all'} onChange={() => onMode('all')} />
          all of them
        </label>
      </fieldset>
      <label className="check theme-subthemes">
        <input type="checkbox" checked={includeSubthemes} onChange={(e) => onIncludeSubthemes(e.target.checked)} />
        Include sub-themes
      </label>
      </div>
    </div>
  );
}
