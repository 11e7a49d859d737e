import type Database from 'better-sqlite3';
import type { AnalysisFilter } from '../../../shared/domain/analysis';
import { blockStartsOfLengths } from '../../../shared/note/blocks';
import { SPEAKER_PREFIX } from '../../../shared/note/SpeakerLabelNode';
import { quotedTexts } from '../store/analysisIndex';
import { linkedCodesInStaffGroups } from '../store/noteSpeakers';
import { type BlockLayout, blockTextsByRowid, plainTextsByRowid } from '../store/search';
import { analysisIndex, type AnalysisIndex, type SpeakerLines } from './analysisIndex';
import { normalise, termPatterns, type SearchTerm } from './searchQuery';
import type { MarkedText } from './searchMarks';
import { speakerOfLine, toCodePoints, toUnits, type Span } from './searchText';

/**
 * Where a note hit may be under the filters that depend on the place of the
 * match: the staff-group filter (the match is in a speaker turn — a paragraph
 * starting "P014:" — whose code that note links to someone in those groups,
 * store/noteSpeakers.ts; an unknown speaker is in no group) and key quotes
 * only (the match is inside a key-quote passage).
 *
 * Which notes qualify is decided for every candidate, so it must be cheap:
 * the turns and key quotes are tested with the terms' patterns (termPatterns)
 * rather than by asking FTS5 to mark every match of every note. Key quotes come
 * from the analysis index; each note's turns are split and normalised once and
 * kept there until its text changes, so a filtered search reads no note text
 * it has read before. The match a hit then shows is chosen exactly, among
 * FTS5's own matches, with `allowed`.
 */
export interface Places {
  /** Candidate notes (rowids) with a match in an allowed place. */
  keep: Set<number>;
  /** For one note's marked text (matches in UTF-16 units): is this match in an allowed place? */
  allowedIn(rowid: number, marked: MarkedText): (span: Span) => boolean;
  /**
   * The blocks (indexes) of a kept note that can hold an allowed match, with their near neighbours: a page
   * marks those only (store/search.ts highlightedNotes).
   */
  wantedBlocks(rowid: number, layout: BlockLayout): ReadonlySet<number>;
}

/** An attached key quote of a note: where it is, in code points, and its text normalised for matching. */
interface KeyQuote {
  start: number;
  end: number;
  normal: string;
}

/**
 * The attached key quotes of these notes (by note rowid), from the analysis index, each with its text
 * normalised — kept in the index until the note's passages change; the rest read by passage rowid (not a
 * scan of every passage for its flag) and normalised once.
 */
function keyQuotes(db: Database.Database, ix: AnalysisIndex, rowids: number[]): Map<number, KeyQuote[]> {
  const { dims, passages, keyQuoteText } = ix;
  // Each note's passages sit together in the index: look only at the candidates'.
  const found: { rowid: number; id: string; passage: number; start: number; end: number }[] = [];
  const unread: number[] = [];
  for (const rowid of rowids) {
    const note = dims.noteByRowid.get(rowid);
    if (note === undefined) continue;
    const id = dims.noteIds[note]!;
    const kept = keyQuoteText.get(id);
    for (let i = passages.noteStart[note]!; i < passages.noteStart[note + 1]!; i++) {
      if (passages.keyQuote[i] !== 1 || passages.detached[i] !== 0) continue;
      found.push({ rowid, id, passage: passages.rowid[i]!, start: passages.start[i]!, end: passages.end[i]! });
      if (!kept?.has(passages.rowid[i]!)) unread.push(passages.rowid[i]!);
    }
  }
  const read = new Map(quotedTexts(db, unread).map(([passage, text]) => [passage, normalise(text)]));
  const out = new Map<number, KeyQuote[]>();
  for (const f of found) {
    let kept = keyQuoteText.get(f.id);
    let normal = kept?.get(f.passage);
    if (normal === undefined) {
      normal = read.get(f.passage) ?? '';
      if (!kept) keyQuoteText.set(f.id, (kept = new Map()));
      kept.set(f.passage, normal);
    }
    const quote = { start: f.start, end: f.end, normal };
    const list = out.get(f.rowid);
    if (list) list.push(quote);
    else out.set(f.rowid, [quote]);
  }
  return out;
}

/** Each note's speaker turns, normalised — kept in the analysis index until the note's text changes; the rest read at once. */
function speakerLines(db: Database.Database, ix: AnalysisIndex, rowids: number[]): Map<number, SpeakerLines> {
  const out = new Map<number, SpeakerLines>();
  const unread: number[] = [];
  for (const rowid of rowids) {
    const note = ix.dims.noteByRowid.get(rowid);
    const lines = note === undefined ? undefined : ix.noteText.get(ix.dims.noteIds[note]!);
    if (lines) out.set(rowid, lines);
    else unread.push(rowid);
  }
  if (unread.length === 0) return out;
  for (const [rowid, texts] of blockTextsByRowid(db, unread)) {
    const turns = new Map<string, string[]>();
    const blocks = new Map<string, number[]>();
    texts.forEach((text, i) => {
      for (const line of text.split('\n')) {
        const code = SPEAKER_PREFIX.exec(line)?.[1];
        if (!code) continue;
        const mine = turns.get(code);
        if (mine) mine.push(line);
        else turns.set(code, [line]);
        const where = blocks.get(code);
        if (!where) blocks.set(code, [i]);
        else if (where[where.length - 1] !== i) where.push(i);
      }
    });
    const lines: SpeakerLines = { turns: new Map([...turns].map(([code, mine]) => [code, normalise(mine.join('\n'))])), blocks };
    out.set(rowid, lines);
    const note = ix.dims.noteByRowid.get(rowid);
    if (note !== undefined) ix.noteText.set(ix.dims.noteIds[note]!, lines);
  }
  return out;
}

/**
 * How far (in code points) from an allowed block a page still marks its neighbours: choosing which match a hit
 * shows counts the matches near it (searchText.ts chooseAnchor: 70 units before, 150 after), across blocks.
 */
const NEIGHBOURS_WITHIN = 160;

/** The blocks (indexes) of a layout overlapping any of the ranges (code points). */
function overlapping(codePoints: readonly number[], ranges: readonly { start: number; end: number }[]): Set<number> {
  const starts = blockStartsOfLengths(codePoints);
  const out = new Set<number>();
  codePoints.forEach((length, i) => {
    if (ranges.some((r) => r.start <= starts[i]! + length && r.end >= starts[i]!)) out.add(i);
  });
  return out;
}

/** The blocks with their neighbours within NEIGHBOURS_WITHIN. */
function withNeighbours(codePoints: readonly number[], blocks: Iterable<number>): Set<number> {
  const starts = blockStartsOfLengths(codePoints);
  const out = new Set<number>(blocks);
  for (const i of [...out]) {
    for (let j = i - 1; j >= 0 && starts[i]! - (starts[j]! + codePoints[j]!) <= NEIGHBOURS_WITHIN; j--) out.add(j);
    for (let j = i + 1; j < codePoints.length && starts[j]! - (starts[i]! + codePoints[i]!) <= NEIGHBOURS_WITHIN; j++) out.add(j);
  }
  return out;
}

export function notePlaces(db: Database.Database, filter: AnalysisFilter, terms: SearchTerm[], rowids: number[]): Places {
  const patterns = termPatterns(terms);
  const holds = (normal: string) => patterns.some((p) => p.test(normal));
  const linked = filter.staffGroups?.length ? linkedCodesInStaffGroups(db, filter.staffGroups) : null;
  const NONE = new Set<string>();
  const codesOf = (rowid: number) => linked?.get(rowid) ?? NONE;
  const ix = analysisIndex(db);
  const quotes = filter.keyQuotesOnly ? keyQuotes(db, ix, rowids) : new Map<number, KeyQuote[]>();

  const keep = new Set<number>();
  if (linked && filter.keyQuotesOnly) {
    // Only the notes with a matching key quote are read, to find whose turn each quote begins in.
    const readable = rowids.filter((r) => linked.has(r) && quotes.get(r)?.some((q) => holds(q.normal)));
    for (const { rowid, plain_text: text } of plainTextsByRowid(db, readable)) {
      const mine = (quotes.get(rowid) ?? []).filter((q) => holds(q.normal));
      const starts = toUnits(text, mine.map((q) => q.start));
      if (starts.some((unit) => codesOf(rowid).has(speakerOfLine(text, unit) ?? ''))) keep.add(rowid);
    }
  } else if (linked) {
    // A note none of whose speakers is linked to someone in the groups is passed over without a look at its text.
    for (const [rowid, lines] of speakerLines(db, ix, rowids.filter((r) => linked.has(r)))) {
      const codes = codesOf(rowid);
      for (const [code, turns] of lines.turns) {
        if (codes.has(code) && holds(turns)) {
          keep.add(rowid);
          break;
        }
      }
    }
  } else {
    for (const rowid of rowids) if (quotes.get(rowid)?.some((q) => holds(q.normal))) keep.add(rowid);
  }

  return {
    keep,
    wantedBlocks(rowid, { codePoints }) {
      const quoted = filter.keyQuotesOnly ? overlapping(codePoints, quotes.get(rowid) ?? []) : null;
      if (!linked) return withNeighbours(codePoints, quoted!);
      const codes = codesOf(rowid);
      const spoken = new Set<number>();
      for (const [code, where] of speakerLines(db, ix, [rowid]).get(rowid)?.blocks ?? []) if (codes.has(code)) for (const i of where) spoken.add(i);
      return withNeighbours(codePoints, quoted ? [...spoken].filter((i) => quoted.has(i)) : spoken);
    },
    allowedIn(rowid, marked) {
      const { text } = marked;
      const mine = quotes.get(rowid) ?? [];
      // Key quotes are in code points: the matches' are counted only when asked, all in one pass.
      let all: number[] | null = null;
      const indexOf = new Map<Span, number>();
      return (span) => {
        if (linked && !codesOf(rowid).has(speakerOfLine(text, span.start) ?? '')) return false;
        if (filter.keyQuotesOnly) {
          if (!all) {
            all = toCodePoints(text, marked.matches.flatMap((m) => [m.start, m.end]));
            marked.matches.forEach((m, i) => indexOf.set(m, i));
          }
          const i = indexOf.get(span);
          const [start, end] = i === undefined ? toCodePoints(text, [span.start, span.end]) : [all[2 * i]!, all[2 * i + 1]!];
          if (!mine.some((q) => q.start <= start! && end! <= q.end)) return false;
        }
        return true;
      };
    },
  };
}
