import type { QdcPreviewItem } from '../../../shared/domain/theme';
import { ThemeChip } from './ThemeChip';

/**
 * The themes of a file being imported (a .qdc codebook, a .qdpx project), as their tree, each said new or already
 * here. `focusable`: the list scrolls on its own in a dialog, so the keyboard can reach it to scroll.
 */
export function ImportedThemeList({ items, focusable = false }: { items: QdcPreviewItem[]; focusable?: boolean }) {
  return (
    <ul className="theme-import-list" aria-label="Themes in the file" tabIndex={focusable ? 0 : undefined}>
      {items.map((item, index) => (
        <li key={index} style={{ paddingInlineStart: `${item.depth * 1.35}rem` }}>
          <ThemeChip name={item.name} colour={item.colour} />
          <span className={`theme-import-status ${item.status}`}>{item.status === 'new' ? 'New' : 'Already here'}</span>
        </li>
      ))}
    </ul>
  );
}
