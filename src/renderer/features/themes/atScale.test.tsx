// @vitest-environment happy-dom
// The codebook's tree and the tag picker with 10,000 themes (issue 12): each opens, and the keyboard reaches any
// theme. Timings are printed, never asserted.
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { ThemeListItem } from '../../../shared/domain/theme';
import { TagDialog } from '../passages/TagDialog';
import { themeListItem } from './testThemes';
import { ThemeTree } from './ThemeTree';
import { initiallyCollapsed, visibleRows } from './treeModel';
import { indexThemes } from './useThemeIndex';

// React's act() outside a test renderer needs this flag.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** 100 top-level themes of 99 sub-themes each, in tree order, as themes.list gives them. */
function codebook(): ThemeListItem[] {
  const themes: ThemeListItem[] = [];
  for (let t = 0; t < 100; t++) {
    themes.push(themeListItem(`t${t}`, `Theme ${t}`, null, { position: t, childCount: 99 }));
    for (let c = 0; c < 99; c++) themes.push(themeListItem(`t${t}.${c}`, `Theme ${t}.${c}`, `t${t}`, { position: c }));
  }
  return themes;
}

/** The tree as the themes area holds it: selection and folding in state, the large codebook folded at first. */
function Codebook({ themes }: { themes: ThemeListItem[] }) {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [collapsed, setCollapsed] = useState(() => initiallyCollapsed(themes));
  const nothing = () => {};
  return (
    <ThemeTree
      themes={themes}
      rows={visibleRows(themes, collapsed)}
      selectedId={selectedId}
      collapsed={collapsed}
      renamingId={null}
      focusRequest={0}
      onSelect={setSelectedId}
      onToggle={(id, expand) => setCollapsed((c) => (expand ? new Set([...c].filter((x) => x !== id)) : new Set([...c, id])))}
      onEdit={nothing}
      onRename={nothing}
      onRenameCommit={nothing}
      onMove={nothing}
      onDelete={nothing}
      onMoveTo={nothing}
      shortcuts={{ moveTo: 'Ctrl+Shift+M', rename: 'F2', delete: 'Delete' }}
    />
  );
}

let root: Root | null = null;
const container = document.createElement('div');
async function render(node: React.ReactNode): Promise<number> {
  document.body.append(container);
  root = createRoot(container);
  const started = performance.now();
  await act(async () => root!.render(node));
  return performance.now() - started;
}
afterEach(() => {
  act(() => root?.unmount());
  container.remove();
});

const press = async (key: string) =>
  act(async () => {
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
const focused = () => document.activeElement?.getAttribute('aria-label');

describe('10,000 themes in the renderer', () => {
  it('the codebook opens folded to its 100 top-level themes, and the keyboard opens a branch and reaches its last theme', async () => {
    const themes = codebook();
    const ms = await render(<Codebook themes={themes} />);
    const items = () => container.querySelectorAll('[role="treeitem"]');
    expect(items()).toHaveLength(100);
    (items()[0] as HTMLElement).focus();
    await press('End');
    expect(focused()).toBe('Theme 99');
    await press('ArrowRight'); // open the branch
    expect(items()).toHaveLength(199);
    await press('ArrowRight'); // into it
    expect(focused()).toBe('Theme 99.0');
    await press('End');
    expect(focused()).toBe('Theme 99.98');
    await press('Home');
    await press('T'); // type-ahead: the next theme starting with T
    expect(focused()).toBe('Theme 1');
    console.log(`codebook tree, 10,000 themes: first render ${ms.toFixed(0)} ms (happy-dom), ${items().length} rows shown`);
  });

  it('the tag picker lists at most 50, and typing a few letters then Enter picks the theme from 10,000', async () => {
    const themes = indexThemes(codebook());
    let chosen: unknown = null;
    const ms = await render(<TagDialog open themes={themes} already={[]} error={null} onChoose={(c) => (chosen = c)} onClose={() => {}} />);
    const options = () => document.querySelectorAll('[role="option"]');
    expect(options().length).toBe(50);
    const box = document.querySelector<HTMLInputElement>('[role="combobox"]')!;
    const started = performance.now();
    await act(async () => {
      // React's onChange listens for input events; set the value as the browser would.
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(box, '99.98');
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const typed = performance.now() - started;
    expect(options()[0]?.textContent).toContain('Theme 99.98');
    box.focus();
    await press('Enter');
    expect(chosen).toEqual({ id: 't99.98' });
    console.log(`tag picker, 10,000 themes: opened in ${ms.toFixed(0)} ms, "99.98" ranked in ${typed.toFixed(0)} ms (happy-dom)`);
  });
});
