import type { NoteBlock, TextRun } from '../../../shared/domain/noteBlocks';
import { blocksToDocument } from '../../../shared/note/blocksToDocument';

export interface MarkedRange {
  id: string;
  /** Code points over the text. */
  start: number;
  end: number;
}

/** UTF-16 index of every code point boundary (length + 1 entries), or null when the two agree (no surrogate pairs). */
function unitIndex(text: string): Int32Array | null {
  if (!/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text)) return null;
  const units = new Int32Array(text.length + 1);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    units[n++] = i;
    const c = text.charCodeAt(i);
    const d = text.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) i++;
  }
  units[n] = text.length;
  return units.subarray(0, n + 1);
}

/**
 * A note's document whose plain text is exactly `text` (LF line ends), with
 * each range as a mark carrying its id — the shape tagging in the editor
 * gives a passage — so an imported passage behaves like our own: it is
 * re-anchored on every save and survives edits around it. Paragraphs are
 * the text's blank-line-separated blocks (our canonical text puts "\n\n"
 * between blocks), single line ends become line breaks. A range that starts
 * or ends inside the blank between two blocks covers the text on either side
 * only (a mark cannot hold the gap), which shifts it past white space alone.
 */
export function textToDocument(text: string, ranges: readonly MarkedRange[]): string {
  const units = unitIndex(text);
  const toUnit = (cp: number) => (units ? units[Math.min(cp, units.length - 1)]! : Math.min(cp, text.length));
  const events = ranges
    .filter((r) => r.end > r.start)
    .flatMap((r) => [
      { at: toUnit(r.start), id: r.id, open: true },
      { at: toUnit(r.end), id: r.id, open: false },
    ])
    .sort((a, b) => a.at - b.at || Number(a.open) - Number(b.open));

  const blocks: NoteBlock[] = [];
  const active = new Set<string>();
  let next = 0;
  let runs: TextRun[] = [];
  const emit = (from: number, to: number) => {
    if (to <= from) return;
    const marks = [...active].sort();
    runs.push(marks.length ? { text: text.slice(from, to), marks } : { text: text.slice(from, to) });
  };
  /** Emit text [from, to) split at every range boundary in it, keeping `active` in step. */
  const walk = (from: number, to: number) => {
    let at = from;
    while (next < events.length && events[next]!.at <= to) {
      const event = events[next++]!;
      emit(at, Math.max(at, event.at));
      at = Math.max(at, event.at);
      if (event.open) active.add(event.id);
      else active.delete(event.id);
    }
    emit(at, to);
  };
  let start = 0;
  for (;;) {
    const gap = text.indexOf('\n\n', start);
    const end = gap === -1 ? text.length : gap;
    walk(start, end);
    blocks.push({ kind: 'paragraph', runs });
    runs = [];
    if (gap === -1) break;
    // Boundaries inside the gap take effect at the next block's start.
    start = gap + 2;
  }
  return blocksToDocument(blocks);
}
