import type { Passage } from '../../../shared/domain/passage';
import { formatShortcut } from '../../commands/shortcut';
import type { ThemeIndex } from '../themes/useThemeIndex';

interface Props {
  passages: Passage[];
  themes: ThemeIndex;
  onRemove: (passage: Passage) => void;
}

/** Tagged text that was deleted: said plainly, restorable by undo, removable on purpose — never dropped silently. */
export function DetachedNotice({ passages, themes, onRemove }: Props) {
  if (passages.length === 0) return null;
  return (
    <section className="detached" aria-label="Detached passages">
      <p>
        <strong>{passages.length === 1 ? 'A tagged passage lost its text.' : `${passages.length} tagged passages lost their text.`}</strong> Undo (
        <kbd>{formatShortcut({ key: 'z', mod: true })}</kbd>) brings the text back with its tags; or remove the passage if the deletion was meant.
      </p>
      <ul>
        {passages.map((p) => (
          <li key={p.id}>
            <span className="detached-quote">“{p.quotedText.length > 80 ? `${p.quotedText.slice(0, 80)}…` : p.quotedText}”</span>
            <span className="detached-themes">{p.tags.map((t) => themes.get(t.themeId)?.name ?? 'Unknown theme').join(', ')}</span>
            <button type="button" className="quiet" onClick={() => onRemove(p)}>
              Remove passage
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
