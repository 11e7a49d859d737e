import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import type { Passage } from '../../../shared/domain/passage';
import type { ThemeIndex } from '../themes/useThemeIndex';
import type { MarkIndex } from './markIndex';

interface Props {
  index: MarkIndex;
  /** Null until the note's passages have loaded: nothing is painted before. */
  passages: Passage[] | null;
  themes: ThemeIndex;
}

const SHORT = 28;
const shorten = (name: string) => (name.length > SHORT ? `${name.slice(0, SHORT - 1).trimEnd()}…` : name);

/**
 * Which themes a passage carries, said without hover: a small label after the
 * passage's last mark (CSS generated content from `data-label`, so it is not
 * part of the note's text, is never copied or saved, and is hidden from screen
 * readers, which hear the themes from the passage bar). One pass over the
 * note's marks in document order, at most once a frame.
 */
export function PassageLabelsPlugin({ index, passages, themes }: Props) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (!passages) return;
    const byId = new Map(passages.map((p) => [p.id, p]));
    let frame = 0;
    const label = () => {
      frame = 0;
      const root = editor.getRootElement();
      if (!root) return;
      const lastMark = new Map<string, HTMLElement>();
      const marks = root.querySelectorAll<HTMLElement>('mark[data-passages]');
      for (const mark of marks) for (const id of mark.dataset.passages!.split(' ')) if (id) lastMark.set(id, mark);
      const labels = new Map<HTMLElement, string[]>();
      for (const [id, mark] of lastMark) {
        const passage = byId.get(id);
        if (!passage || passage.detached) continue;
        const names = passage.tags.map((t) => shorten(themes.get(t.themeId)?.name ?? 'Unknown theme'));
        labels.set(mark, [...(labels.get(mark) ?? []), ...names]);
      }
      for (const mark of marks) {
        const names = labels.get(mark);
        const text = names ? [...new Set(names)].join(' · ') : '';
        if ((mark.dataset.label ?? '') !== text) {
          if (text) mark.dataset.label = text;
          else delete mark.dataset.label;
        }
      }
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(label);
    };
    schedule();
    const stopIndex = index.onChange(schedule);
    return () => {
      stopIndex();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [editor, index, passages, themes]);
  return null;
}
