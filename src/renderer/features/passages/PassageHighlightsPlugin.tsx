import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { NodeKey } from 'lexical';
import { useEffect, useRef } from 'react';
import type { Passage } from '../../../shared/domain/passage';
import type { MarkIndex } from './markIndex';
import type { ThemeIndex } from '../themes/useThemeIndex';

interface Props {
  reviewerId: string;
  index: MarkIndex;
  passages: Passage[];
  themes: ThemeIndex;
}

/**
 * Paint each passage's marks in its first theme's colour, with a second
 * colour where passages overlap, and name the themes in the mark's tooltip
 * and accessible description: colour is never the only cue.
 */
export function PassageHighlightsPlugin({ reviewerId, index, passages, themes }: Props) {
  const [editor] = useLexicalComposerContext();
  // What was painted last, to repaint only the marks of passages a save changed.
  const painted = useRef<{ byId: Map<string, Passage>; themes: ThemeIndex; reviewerId: string; index: MarkIndex } | null>(null);
  useEffect(() => {
    const byId = new Map(passages.map((p) => [p.id, p]));
    const paint = (keys: NodeKey[]) => {
      for (const key of keys) {
        const element = editor.getElementByKey(key);
        const ids = index.idsOf(key);
        if (!element) continue;
        const known = ids.map((id) => byId.get(id)).filter((p): p is Passage => Boolean(p));
        const colours = known.flatMap((p) => p.tags.map((t) => themes.get(t.themeId)?.colour)).filter(Boolean) as string[];
        const names = [...new Set(known.flatMap((p) => p.tags.map((t) => themes.get(t.themeId)?.name ?? 'Unknown theme')))];
        // A mark whose passages no longer exist (its theme was deleted) reads as plain text.
        element.classList.toggle('passage-mark', known.length > 0);
        element.classList.toggle('overlap', ids.length > 1);
        element.classList.toggle('key-quote', known.some((p) => p.keyQuote));
        element.style.setProperty('--mark', colours[0] ?? 'var(--text-soft)');
        element.style.setProperty('--mark2', colours[1] ?? colours[0] ?? 'var(--text-soft)');
        element.dataset.passages = ids.join(' ');
        element.title = names.length ? describe(names, known, reviewerId) : '';
      }
    };
    const before = painted.current;
    if (before && before.themes === themes && before.reviewerId === reviewerId && before.index === index) {
      const changed = new Set<string>();
      for (const [id, p] of byId) if (before.byId.get(id) !== p) changed.add(id);
      for (const id of before.byId.keys()) if (!byId.has(id)) changed.add(id);
      paint([...new Set([...changed].flatMap((id) => index.keysOf(id)))]);
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
