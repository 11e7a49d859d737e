import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ThemeViewPassage } from '../../../shared/domain/analysis';
import { rowAfterKey } from '../../ui/rowKeys';
import type { ThemeIndex } from '../themes/useThemeIndex';
import { PassageRow } from './PassageRow';
import type { ThemeViewData } from './useThemeView';

interface Props {
  data: ThemeViewData;
  themes: ThemeIndex;
  typeLabel: (id: string) => string;
  onOpen: (passage: ThemeViewPassage) => void;
}

/** Page Up/Down move this many passages (a few fit on a screen; their heights vary). */
const PAGE = 8;

/**
 * The theme view's passages, virtualised: only the rows in view (and a few
 * around) are in the page, so thousands scroll as smoothly as ten. One row at
 * a time is in the Tab order; ↑ ↓ Page Up/Down Home End move between rows and
 * Enter opens the passage in its note.
 */
export function PassageList({ data, themes, typeLabel, onOpen }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const [focusWanted, setFocusWanted] = useState(0);
  const count = data.passages.length;
  // The virtualizer is mutable by design (it measures rows as they render); nothing here memoizes what it returns.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 150,
    overscan: 6,
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { ensure } = data;
  useEffect(() => {
    if (count) ensure(first, last);
  }, [ensure, first, last, count]);

  useEffect(() => {
    if (!focusWanted) return;
    const frame = requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.focus());
    return () => cancelAnimationFrame(frame);
  }, [active, focusWanted, first, last]);

  const current = Math.min(active, Math.max(count - 1, 0));
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const next = rowAfterKey(event.key, current, count, PAGE);
    if (next !== undefined) {
      setActive(next);
      setFocusWanted((n) => n + 1);
      virtualizer.scrollToIndex(next, { align: 'auto' });
    } else if (event.key === 'Enter' && (event.target as HTMLElement).dataset.index !== undefined) {
      const passage = data.passages[current];
      if (passage) onOpen(passage);
    } else return;
    event.preventDefault();
  };

  return (
    <div ref={scrollRef} className="result-scroll">
      <ul className="result-list" aria-label="Passages" style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown}>
        {items.map((item) => {
          const passage = data.passages[item.index];
          return (
            <li
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              className={`result${passage?.detached ? ' detached-result' : ''}`}
              style={{ transform: `translateY(${item.start}px)` }}
              aria-setsize={count}
              aria-posinset={item.index + 1}
              tabIndex={item.index === current ? 0 : -1}
              onFocus={(e) => e.target === e.currentTarget && setActive(item.index)}
            >
              {passage ? (
                <PassageRow passage={passage} themes={themes} typeLabel={typeLabel} active={item.index === current} onOpen={() => onOpen(passage)} />
              ) : (
                <p className="result-loading">Loading passage {item.index + 1}…</p>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
