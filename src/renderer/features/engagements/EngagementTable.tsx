import { defaultRangeExtractor, useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Engagement } from '../../../shared/domain/engagement';
import { Clipped } from '../../ui/Clipped';
import { rowAfterKey } from '../../ui/rowKeys';
import { formatDate } from './format';

interface Props {
  engagements: Engagement[];
  labelOf: (type: string) => string;
  onOpen: (id: string) => void;
}

/** A row's height before it is measured (one line of text and its padding). */
const ROW_HEIGHT = 42;

/**
 * The engagement list, virtualised (issue 11: 1,600 engagements at four times review scale): only the rows in
 * view and a few around them are in the page, with empty rows standing in for the rest so the table keeps its
 * height and its columns. It stays a real table — the screen reader hears "row 1,600 of 1,601" from
 * aria-rowcount and aria-rowindex, since most rows are not there to count.
 *
 * One row at a time is in the Tab order (its title's button). ↑ ↓ Page Up/Down Home End move to another row,
 * Enter opens it. The row with focus is always rendered, even when scrolled far out of view, so focus is never
 * dropped on the page when its row would have left the DOM.
 */
export function EngagementTable({ engagements, labelOf, onOpen }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const [headHeight, setHeadHeight] = useState(0);
  useLayoutEffect(() => setHeadHeight(headRef.current?.offsetHeight ?? 0), []);

  const count = engagements.length;
  const keyOf = useCallback((index: number) => engagements[index]?.id ?? index, [engagements]);
  // A filter may take the active row away: the first row is then the one in the Tab order.
  const active = Math.max(
    0,
    engagements.findIndex((e) => e.id === activeId),
  );
  // The virtualizer is mutable by design (it measures rows as they render); nothing here memoizes what it returns.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: keyOf,
    overscan: 8,
    // The rows start below the sticky header: scrolling to a row leaves it in view under the header.
    scrollMargin: headHeight,
    scrollPaddingStart: headHeight,
    rangeExtractor: (range) => withIndex(defaultRangeExtractor(range), active, count),
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();

  useEffect(() => {
    if (!focusRequest) return;
    scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${active}"] .row-link`)?.focus({ preventScroll: true });
  }, [focusRequest, active]);

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    if (!(event.target as HTMLElement).classList.contains('row-link')) return;
    const rowsInView = Math.floor(((scrollRef.current?.clientHeight ?? 0) - headHeight) / ROW_HEIGHT);
    const next = rowAfterKey(event.key, active, count, Math.max(1, rowsInView - 1));
    if (next === undefined) return;
    event.preventDefault();
    setActiveId(engagements[next]!.id);
    setFocusRequest((n) => n + 1);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  return (
    <div ref={scrollRef} className="engagement-rows">
      <table className="list-table engagement-table" aria-rowcount={count + 1}>
        <caption className="visually-hidden">Engagements</caption>
        <colgroup>
          <col className="engagement-title-col" />
          <col className="engagement-type-col" />
          <col className="engagement-date-col" />
          <col />
        </colgroup>
        <thead ref={headRef}>
          <tr aria-rowindex={1}>
            <th scope="col">Title</th>
            <th scope="col">Type</th>
            <th scope="col">Date</th>
            <th scope="col">Organisation</th>
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {rowsWithGaps(items, headHeight, virtualizer.getTotalSize()).map((row) => {
            if ('gap' in row) {
              return (
                <tr key={row.key} className="virtual-gap" aria-hidden="true">
                  <td colSpan={4} style={{ height: row.gap }} />
                </tr>
              );
            }
            const e = engagements[row.index]!;
            return (
              <tr key={row.key} data-index={row.index} ref={virtualizer.measureElement} aria-rowindex={row.index + 2}>
                <td>
                  <button
                    type="button"
                    className="row-link clip"
                    title={e.title}
                    tabIndex={row.index === active ? 0 : -1}
                    onFocus={() => setActiveId(e.id)}
                    onClick={() => onOpen(e.id)}
                  >
                    {e.title}
                  </button>
                </td>
                <td>{labelOf(e.type)}</td>
                <td>
                  <time dateTime={e.date}>{formatDate(e.date)}</time>
                </td>
                <td>
                  <Clipped text={e.organisation} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The indexes to render, with `index` among them (in order) when the list has it. */
export function withIndex(indexes: number[], index: number, count: number): number[] {
  if (index >= count || indexes.includes(index)) return indexes;
  return [...indexes, index].sort((a, b) => a - b);
}

type Row = VirtualItem | { key: string; gap: number };

/** The rendered rows in order, each run of rows not rendered replaced by one empty row of their height. */
function rowsWithGaps(items: VirtualItem[], margin: number, total: number): Row[] {
  const rows: Row[] = [];
  let end = margin;
  for (const item of items) {
    if (item.start > end) rows.push({ key: `gap-before-${item.index}`, gap: item.start - end });
    rows.push(item);
    end = item.end;
  }
  if (margin + total > end) rows.push({ key: 'gap-after', gap: margin + total - end });
  return rows;
}
