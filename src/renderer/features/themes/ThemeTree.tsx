import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { ThemeListItem } from '../../../shared/domain/theme';
import { ContextMenu, menuAnchor } from '../../ui/ContextMenu';
import type { MenuAnchor } from '../../ui/menuPlacement';
import { dropPlacement, keyboardMove, type DropZone, type Placement, type TreeRow } from './treeModel';

interface Props {
  themes: readonly ThemeListItem[];
  rows: readonly TreeRow[];
  selectedId: string | null;
  collapsed: ReadonlySet<string>;
  renamingId: string | null;
  /** Bumped by the view when focus should return to the selected row (after a dialog or a move). */
  focusRequest: number;
  onSelect: (id: string) => void;
  onToggle: (id: string, expanded: boolean) => void;
  onEdit: () => void;
  onRename: (id: string | null) => void;
  onRenameCommit: (id: string, name: string) => void;
  onMove: (id: string, placement: Placement) => void;
  onDelete: () => void;
  /** Move the selected theme with the "Move to…" dialog: a way without dragging (WCAG 2.5.7). */
  onMoveTo: () => void;
  /** The keys shown beside the context menu's items. */
  shortcuts: { moveTo: string; rename: string; delete: string };
}

const moveKeys: Record<string, 'up' | 'down' | 'in' | 'out'> = { ArrowUp: 'up', ArrowDown: 'down', ArrowRight: 'in', ArrowLeft: 'out' };

/**
 * The codebook as an ARIA tree: arrows move and open, Enter edits, F2
 * renames, Alt+arrows move the theme itself (the keyboard's drag and drop),
 * and the mouse can drag a theme before, after or into another. Right-click
 * (or the Menu key, Shift+F10) on a theme offers Rename, Move to… and Delete….
 */
export function ThemeTree(props: Props) {
  const { themes, rows, selectedId, collapsed, renamingId, focusRequest, onSelect, onToggle } = props;
  const items = useRef(new Map<string, HTMLLIElement>());
  const [drop, setDrop] = useState<{ id: string; zone: DropZone } | null>(null);
  const [menu, setMenu] = useState<MenuAnchor | null>(null);
  const dragged = useRef<string | null>(null);
  const tabStop = rows.some((r) => r.theme.id === selectedId) ? selectedId : (rows[0]?.theme.id ?? null);

  useEffect(() => {
    if (focusRequest > 0 && selectedId) items.current.get(selectedId)?.focus();
  }, [focusRequest, selectedId]);

  const focus = (id: string | undefined) => {
    if (!id) return;
    onSelect(id);
    items.current.get(id)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>, row: TreeRow) => {
    if (event.target !== event.currentTarget) return; // typing in the rename box
    const { theme } = row;
    const index = rows.indexOf(row);
    const expanded = theme.childCount > 0 && !collapsed.has(theme.id);
    if (event.altKey && !event.ctrlKey && !event.metaKey && moveKeys[event.key]) {
      event.preventDefault();
      const placement = keyboardMove(themes, theme.id, moveKeys[event.key]!);
      if (placement) props.onMove(theme.id, placement);
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const handled = () => event.preventDefault();
    switch (event.key) {
      case 'ArrowDown':
        handled();
        return focus(rows[index + 1]?.theme.id);
      case 'ArrowUp':
        handled();
        return focus(rows[index - 1]?.theme.id);
      case 'Home':
        handled();
        return focus(rows[0]?.theme.id);
      case 'End':
        handled();
        return focus(rows[rows.length - 1]?.theme.id);
      case 'ArrowRight':
        handled();
        if (theme.childCount > 0 && !expanded) return onToggle(theme.id, true);
        if (expanded) return focus(rows[index + 1]?.theme.id);
        return;
      case 'ArrowLeft':
        handled();
        if (expanded) return onToggle(theme.id, false);
        return focus(theme.parentId ?? undefined);
      case 'Enter':
        handled();
        return props.onEdit();
      case 'F2':
        handled();
        return props.onRename(theme.id);
      case 'Delete':
        handled();
        return props.onDelete();
      default:
        if (event.key.length === 1 && event.key.trim()) {
          // Type-ahead: the next theme whose name starts with the letter.
          const letter = event.key.toLocaleLowerCase();
          const after = [...rows.slice(index + 1), ...rows.slice(0, index + 1)];
          const next = after.find((r) => r.theme.name.toLocaleLowerCase().startsWith(letter));
          if (next) {
            handled();
            focus(next.theme.id);
          }
        }
    }
  };

  const zoneAt = (event: DragEvent<HTMLElement>): DropZone => {
    const box = event.currentTarget.getBoundingClientRect();
    const y = (event.clientY - box.top) / box.height;
    return y < 0.28 ? 'before' : y > 0.72 ? 'after' : 'inside';
  };

  return (
    <>
      <ul role="tree" aria-label="Codebook" className="theme-tree" onDragEnd={() => setDrop(null)}>
        {rows.map((row) => {
          const { theme } = row;
          const expanded = theme.childCount > 0 ? !collapsed.has(theme.id) : undefined;
          const renaming = renamingId === theme.id;
          const dropHere = drop?.id === theme.id ? drop.zone : null;
          return (
            <li
              key={theme.id}
              ref={(el) => {
                if (el) items.current.set(theme.id, el);
                else items.current.delete(theme.id);
              }}
              role="treeitem"
              aria-level={theme.depth + 1}
              aria-setsize={row.setSize}
              aria-posinset={row.posInSet}
              aria-expanded={expanded}
              aria-selected={theme.id === selectedId}
              aria-label={theme.name}
              aria-describedby={`theme-count-${theme.id}`}
              tabIndex={theme.id === tabStop ? 0 : -1}
              className={`theme-item${dropHere ? ` drop-${dropHere}` : ''}`}
              draggable={!renaming}
              onClick={() => focus(theme.id)}
              // Selection follows focus, so a key pressed on a row always acts on the theme the details show.
              onFocus={(event) => {
                if (event.target === event.currentTarget && theme.id !== selectedId) onSelect(theme.id);
              }}
              onKeyDown={(event) => onKeyDown(event, row)}
              onContextMenu={(event) => {
                if (renaming) return; // the rename box keeps the system's own menu (cut, copy, paste)
                event.preventDefault();
                focus(theme.id);
                setMenu(menuAnchor(event, event.currentTarget.querySelector('.theme-row')!.getBoundingClientRect()));
              }}
              onDragStart={(event) => {
                dragged.current = theme.id;
                event.dataTransfer.effectAllowed = 'move';
                event.dataTransfer.setData('text/plain', theme.name);
              }}
              onDragOver={(event) => {
                if (!dragged.current || dragged.current === theme.id) return;
                const zone = zoneAt(event);
                if (!dropPlacement(themes, dragged.current, theme, zone)) return;
                event.preventDefault();
                event.dataTransfer.dropEffect = 'move';
                if (drop?.id !== theme.id || drop.zone !== zone) setDrop({ id: theme.id, zone });
              }}
              onDragLeave={() => setDrop((d) => (d?.id === theme.id ? null : d))}
              onDrop={(event) => {
                event.preventDefault();
                const id = dragged.current;
                dragged.current = null;
                setDrop(null);
                const placement = id ? dropPlacement(themes, id, theme, zoneAt(event)) : null;
                if (id && placement) props.onMove(id, placement);
              }}
            >
              <span className="theme-row" style={{ paddingInlineStart: `${0.5 + theme.depth * 1.35}rem` }}>
                <span
                  className="theme-twisty"
                  aria-hidden="true"
                  onClick={(event) => {
                    if (theme.childCount === 0) return;
                    event.stopPropagation();
                    onToggle(theme.id, Boolean(!expanded));
                  }}
                >
                  {theme.childCount > 0 ? (expanded ? '▾' : '▸') : ''}
                </span>
                <span className="theme-swatch" style={{ backgroundColor: theme.colour }} aria-hidden="true" />
                {renaming ? (
                  <RenameBox name={theme.name} onDone={(name) => (name === null ? props.onRename(null) : props.onRenameCommit(theme.id, name))} />
                ) : (
                  <span className="theme-name" title={theme.name}>
                    {theme.name}
                  </span>
                )}
                {theme.code && <span className="theme-code">{theme.code}</span>}
                <ThemeCount theme={theme} />
              </span>
            </li>
          );
        })}
      </ul>
      {menu && selectedId && (
        <ContextMenu
          label={`Theme “${themes.find((t) => t.id === selectedId)?.name ?? ''}”`}
          at={menu}
          items={[
            { label: 'Rename', shortcut: props.shortcuts.rename, run: () => props.onRename(selectedId) },
            { label: 'Move to…', shortcut: props.shortcuts.moveTo, run: props.onMoveTo },
            { label: 'Delete…', shortcut: props.shortcuts.delete, run: props.onDelete },
          ]}
          onClose={() => setMenu(null)}
        />
      )}
    </>
  );
}

/** F2's box: Enter keeps the new name, Escape keeps the old; leaving it keeps what was typed. */
function RenameBox({ name, onDone }: { name: string; onDone: (name: string | null) => void }) {
  const [value, setValue] = useState(name);
  const done = useRef(false);
  const finish = (result: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(result === null || result.trim() === '' || result.trim() === name ? null : result.trim());
  };
  return (
    <input
      className="theme-rename"
      aria-label={`Rename ${name}`}
      value={value}
      maxLength={200}
      autoFocus
      onFocus={(event) => event.currentTarget.select()}
      onChange={(event) => setValue(event.target.value)}
      onClick={(event) => event.stopPropagation()}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Enter') {
          event.preventDefault();
          finish(value);
        } else if (event.key === 'Escape') {
          event.preventDefault();
          finish(null);
        }
      }}
      onBlur={() => finish(value)}
    />
  );
}

/**
 * A theme's passages: its own, and for a parent the distinct passages of its whole branch as well — "12 (34 with
 * sub-themes)" — so a parent with no tags of its own does not look empty (issue 11).
 */
function ThemeCount({ theme }: { theme: ThemeListItem }) {
  const own = theme.passageCount;
  const branch = theme.childCount > 0 ? theme.branchPassageCount : undefined;
  return (
    <span className="theme-count" id={`theme-count-${theme.id}`}>
      {own}
      <span className="visually-hidden"> passage{own === 1 ? '' : 's'}</span>
      {branch !== undefined && branch !== own && <span className="theme-branch-count"> ({branch} with sub-themes)</span>}
    </span>
  );
}
