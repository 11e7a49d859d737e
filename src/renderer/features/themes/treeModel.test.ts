import { describe, expect, it } from 'vitest';
import type { ThemeListItem } from '../../../shared/domain/theme';
import { branchOf, dropPlacement, isWithin, keyboardMove, pathOf, visibleRows } from './treeModel';

/** A tree from an outline: two spaces of indent per level. */
function tree(outline: string[]): ThemeListItem[] {
  const out: ThemeListItem[] = [];
  const parents: ThemeListItem[] = [];
  for (const line of outline) {
    const depth = (line.length - line.trimStart().length) / 2;
    const parent = depth ? parents[depth - 1]! : null;
    const siblings = out.filter((t) => t.parentId === (parent?.id ?? null));
    const theme: ThemeListItem = {
      id: line.trim(), parentId: parent?.id ?? null, name: line.trim(), code: null, colour: '#1F77B4', definition: '', exclusions: '',
      position: siblings.length, createdAt: '', createdBy: '', depth, childCount: 0, passageCount: 0,
    };
    if (parent) parent.childCount++;
    out.push(theme);
    parents[depth] = theme;
  }
  return out;
}

const themes = tree(['Technology', '  Genomics', '  AI', '    Imaging', '    Robots', 'Ethics', 'Workforce']);

describe('the codebook tree', () => {
  it('shows rows with their place among siblings, hiding collapsed branches', () => {
    expect(visibleRows(themes, new Set()).map((r) => [r.theme.name, r.posInSet, r.setSize])).toEqual([
      ['Technology', 1, 3], ['Genomics', 1, 2], ['AI', 2, 2], ['Imaging', 1, 2], ['Robots', 2, 2], ['Ethics', 2, 3], ['Workforce', 3, 3],
    ]);
    expect(visibleRows(themes, new Set(['AI'])).map((r) => r.theme.name)).toEqual(['Technology', 'Genomics', 'AI', 'Ethics', 'Workforce']);
    expect(visibleRows(themes, new Set(['Technology', 'AI'])).map((r) => r.theme.name)).toEqual(['Technology', 'Ethics', 'Workforce']);
  });

  it('moves by keyboard among siblings, in under the previous sibling, and out a level', () => {
    expect(keyboardMove(themes, 'Ethics', 'up')).toEqual({ parentId: null, position: 0 });
    expect(keyboardMove(themes, 'Technology', 'up')).toBeNull();
    expect(keyboardMove(themes, 'Workforce', 'down')).toBeNull();
    expect(keyboardMove(themes, 'Ethics', 'in')).toEqual({ parentId: 'Technology', position: 2 });
    expect(keyboardMove(themes, 'Genomics', 'in')).toBeNull();
    expect(keyboardMove(themes, 'Imaging', 'out')).toEqual({ parentId: 'Technology', position: 2 });
    expect(keyboardMove(themes, 'Ethics', 'out')).toBeNull();
  });

  it('drops before, inside or after a theme, never into its own branch', () => {
    const ethics = themes.find((t) => t.id === 'Ethics')!;
    const ai = themes.find((t) => t.id === 'AI')!;
    expect(dropPlacement(themes, 'Workforce', ethics, 'before')).toEqual({ parentId: null, position: 1 });
    expect(dropPlacement(themes, 'Technology', ethics, 'after')).toEqual({ parentId: null, position: 1 });
    expect(dropPlacement(themes, 'Ethics', ai, 'inside')).toEqual({ parentId: 'AI', position: 2 });
    expect(dropPlacement(themes, 'Technology', ai, 'inside')).toBeNull();
    expect(isWithin(themes, 'Robots', 'Technology')).toBe(true);
    expect(pathOf(themes, 'Robots')).toEqual(['Technology', 'AI', 'Robots']);
    expect([...branchOf(themes, 'Technology')]).toEqual(['Technology', 'Genomics', 'AI', 'Imaging', 'Robots']);
    expect([...branchOf(themes, 'Ethics')]).toEqual(['Ethics']);
  });
});
