// @vitest-environment happy-dom
// A theme's right-click menu (issue 11, WCAG 2.5.7): Move to… without dragging, beside Rename and Delete…, from
// the pointer or the keyboard's Menu key; Escape gives focus back to the theme.
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { ThemeListItem } from '../../../shared/domain/theme';
import { themeListItem } from './testThemes';
import { ThemeTree } from './ThemeTree';
import { visibleRows } from './treeModel';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const themes: ThemeListItem[] = [
  themeListItem('ai', 'AI'),
  themeListItem('genomics', 'Genomics', null, { position: 1 }),
];

function Codebook({ did }: { did: string[] }) {
  const [selectedId, setSelectedId] = useState<string | null>('ai');
  const record = (what: string) => () => did.push(`${what} ${selectedId}`);
  return (
    <ThemeTree
      themes={themes}
      rows={visibleRows(themes, new Set())}
      selectedId={selectedId}
      collapsed={new Set()}
      renamingId={null}
      focusRequest={0}
      onSelect={setSelectedId}
      onToggle={() => {}}
      onEdit={() => {}}
      onRename={(id) => did.push(`rename ${id}`)}
      onRenameCommit={() => {}}
      onMove={() => {}}
      onDelete={record('delete')}
      onMoveTo={record('move')}
      shortcuts={{ moveTo: 'Ctrl+Shift+M', rename: 'F2', delete: 'Delete' }}
    />
  );
}

let root: Root | null = null;
const container = document.createElement('div');
afterEach(() => {
  act(() => root?.unmount());
  container.remove();
});
async function render(did: string[]) {
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root!.render(<Codebook did={did} />));
}

const item = (name: string) => [...container.querySelectorAll<HTMLElement>('[role="treeitem"]')].find((e) => e.getAttribute('aria-label') === name)!;
const menu = () => container.querySelector<HTMLElement>('[role="menu"]');
const menuItems = () => [...(menu()?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])].map((b) => b.textContent);
/** Right-click at a point, or (x and y 0) the Menu key / Shift+F10 on the focused theme. */
const contextMenu = (el: HTMLElement, x = 0, y = 0) =>
  act(async () => {
    el.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: x, clientY: y }));
  });
const press = (key: string) =>
  act(async () => {
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });

describe('a theme’s context menu', () => {
  it('offers Rename, Move to… and Delete… for the theme right-clicked, which it selects first', async () => {
    const did: string[] = [];
    await render(did);
    await contextMenu(item('Genomics'), 120, 80);
    expect(menu()?.getAttribute('aria-label')).toBe('Theme “Genomics”');
    expect(menuItems()).toEqual(['Rename F2', 'Move to… Ctrl+Shift+M', 'Delete… Delete']);
    expect(menu()!.style.left).toBe('120px');
    expect(document.activeElement?.textContent).toBe('Rename F2');
    await press('ArrowDown');
    expect(document.activeElement?.textContent).toBe('Move to… Ctrl+Shift+M');
    await act(async () => (document.activeElement as HTMLElement).click());
    expect(did).toEqual(['move genomics']);
    expect(menu()).toBeNull();
  });

  it('opens from the keyboard on the focused theme, and Escape closes it with focus back on the theme', async () => {
    const did: string[] = [];
    await render(did);
    item('AI').focus();
    await contextMenu(item('AI'));
    expect(menuItems()).toHaveLength(3);
    await press('ArrowUp'); // wraps to the last item
    expect(document.activeElement?.textContent).toBe('Delete… Delete');
    await press('Escape');
    expect(menu()).toBeNull();
    expect(document.activeElement).toBe(item('AI'));
    expect(did).toEqual([]);
  });
});
