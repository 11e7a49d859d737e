import { useMemo, useState, type ReactNode } from 'react';
import { themeNameKey } from '../../../shared/domain/theme';
import { useActiveOption } from '../../ui/useActiveOption';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { rankThemes } from './rankThemes';
import { recentThemes } from './recentThemes';
import type { ThemeIndex } from '../themes/useThemeIndex';
import type { ThemeChoice } from './useTagWithTheme';

interface Props {
  open: boolean;
  themes: ThemeIndex;
  /** Themes the passage already carries: shown as such, not offered again. */
  already: string[];
  error: string | null;
  onChoose: (theme: ThemeChoice) => void;
  onClose: () => void;
  /** Where the text being tagged is on screen: the picker opens beside it, never over it. */
  anchor?: DOMRect | null;
  /** Above the theme box: what will be tagged, when that is not a selection the person can see (a search hit). */
  lead?: ReactNode;
}

/** Type a few letters of a theme, Enter: the passage carries it. */
export function TagDialog(props: Props) {
  return (
    <Dialog title="Tag passage" open={props.open} onClose={props.onClose} className="palette tag-picker" hideTitle anchor={props.anchor}>
      <TagPicker {...props} />
    </Dialog>
  );
}

function TagPicker({ themes, already, error, onChoose, lead }: Props) {
  const [query, setQuery] = useState('');
  // Read once per opening: the order must not shift under the person while they type.
  const [recent] = useState(recentThemes.list);
  const options = useMemo(
    () => rankThemes([...themes.values()].filter((t) => !already.includes(t.id)), query, recent).slice(0, 50),
    [themes, already, query, recent],
  );
  // Only whether to offer "Create": the core decides what the name means (themeNameKey; an existing top-level namesake is taken).
  const canCreate = query.trim().length > 0 && ![...themes.values()].some((t) => themeNameKey(t.name) === themeNameKey(query));
  const count = options.length + (canCreate ? 1 : 0);

  const choose = (index: number) => {
    const theme = options[index];
    if (theme) {
      recentThemes.used(theme.id);
      onChoose({ id: theme.id });
    }
    else if (canCreate) onChoose({ create: query.trim() });
  };
  const { current, setActive, onKeyDown } = useActiveOption(count, choose);

  return (
    <div className="palette-body">
      {lead}
      <input
        className="palette-input"
        role="combobox"
        aria-label="Theme"
        aria-expanded="true"
        aria-controls="tag-options"
        aria-activedescendant={count ? `tag-option-${current}` : undefined}
        placeholder="Type a theme…"
        autoFocus
        data-autofocus
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
