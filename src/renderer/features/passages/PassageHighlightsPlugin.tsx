import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $isMarkNode } from '@lexical/mark';
import { $getNodeByKey, $isElementNode, type LexicalEditor, type LexicalNode, type NodeKey } from 'lexical';
import { useEffect, useRef } from 'react';
import type { Passage } from '../../../shared/domain/passage';
import { paintUnderlines } from './markColours';
import type { MarkIndex } from './markIndex';
import type { ThemeIndex } from '../themes/useThemeIndex';

interface Props {
  reviewerId: string;
  index: MarkIndex;
  /** Null until the note's passages have loaded: nothing is painted before. */
  passages: Passage[] | null;
  themes: ThemeIndex;
}

/**
 * Paint each passage's marks with a tint of its first theme's colour and one
 * underline per theme colour (stacked where passages overlap), and name the
 * themes in the mark's tooltip; PassageLabelsPlugin names them after the
 * passage without hover: colour is never the only cue.
 */
export function PassageHighlightsPlugin({ reviewerId, index, passages, themes }: Props) {
  const [editor] = useLexicalComposerContext();
  // What was painted last, to repaint only the marks of passages a save changed.
  const painted = useRef<{ byId: Map<string, Passage>; themes: ThemeIndex; reviewerId: string; index: MarkIndex } | null>(null);
  useEffect(() => {
    if (!passages) return;
    const byId = new Map(passages.map((p) => [p.id, p]));
    // One read of the editor state for a whole batch: opening a note paints its 4,000 marks at once.
    const paint = (keys: NodeKey[]) => editor.getEditorState().read(() => $paint(keys));
    const $paint = (keys: NodeKey[]) => {
      for (const key of keys) {
        const element = editor.getElementByKey(key);
        const ids = index.idsOf(key);
        if (!element) continue;
        const known = ids.map((id) => byId.get(id)).filter((p): p is Passage => Boolean(p));
        const colours = $underlineColoursOf(key, ids, byId, themes);
        const names = [...new Set(known.flatMap((p) => p.tags.map((t) => themes.get(t.themeId)?.name ?? 'Unknown theme')))];
        // A mark whose passages no longer exist (its theme was deleted) reads as plain text.
        element.classList.toggle('passage-mark', known.length > 0);
        element.classList.toggle('overlap', ids.length > 1);
        element.classList.toggle('key-quote', known.some((p) => p.keyQuote));
        element.style.setProperty('--mark', colours[0] ?? 'var(--text-soft)');
        paintUnderlines(element, colours);
        element.dataset.passages = ids.join(' ');
        element.title = names.length ? describe(names, known, reviewerId) : '';
      }
    };
    const before = painted.current;
    if (before && before.themes === themes && before.reviewerId === reviewerId && before.index === index) {
      const changed = new Set<string>();
      for (const [id, p] of byId) if (before.byId.get(id) !== p) changed.add(id);
      for (const id of before.byId.keys()) if (!byId.has(id)) changed.add(id);
      paint(withNestedMarks(editor, [...changed].flatMap((id) => index.keysOf(id))));
    } else {
      paint(index.keys());
    }
    painted.current = { byId, themes, reviewerId, index };
    return index.onChange(paint);
  }, [editor, index, passages, themes, reviewerId]);
  return null;
}

/** What hovering a passage tells: its themes, its memo, and who tagged it. */
function describe(names: string[], passages: Passage[], reviewerId: string): string {
  const memo = passages.map((p) => p.memo.trim()).find(Boolean);
  const taggers = new Set(passages.flatMap((p) => p.tags.map((t) => (t.taggedBy === reviewerId ? 'you' : 'another reviewer'))));
  return [
    `Themes: ${names.join(', ')}`,
    memo ? `Memo: ${memo.length > 120 ? `${memo.slice(0, 120)}…` : memo}` : '',
    `Tagged by ${[...taggers].join(' and ')}`,
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * The theme colours under one mark, outermost passage first: a mark nested in another passage's mark
 * (overlapping passages) draws its underlines over its parent's, so it repeats them, the parent's at the
 * bottom, and the parent's line runs on unbroken beneath the overlap.
 */
function $underlineColoursOf(key: NodeKey, ids: string[], byId: Map<string, Passage>, themes: ThemeIndex): string[] {
  const node = $getNodeByKey(key);
  const outer = node ? node.getParents().filter($isMarkNode).reverse().flatMap((m) => m.getIDs()) : [];
  return [...new Set([...outer, ...ids])]
    .flatMap((id) => byId.get(id)?.tags.map((t) => themes.get(t.themeId)?.colour) ?? [])
    .filter((c): c is string => Boolean(c));
}

/** Marks and the marks nested in them: an inner mark repeats its outer passages' underlines, so it repaints with them. */
function withNestedMarks(editor: LexicalEditor, keys: NodeKey[]): NodeKey[] {
  const all = new Set(keys);
  editor.getEditorState().read(() => {
    const visit = (node: LexicalNode) => {
      if (!$isElementNode(node)) return;
      for (const child of node.getChildren()) {
        if ($isMarkNode(child)) all.add(child.getKey());
        visit(child);
      }
    };
    for (const key of keys) {
      const node = $getNodeByKey(key);
      if (node) visit(node);
    }
  });
  return [...all];
}
