/**
 * Text helpers for search hits and the theme view: FTS5's marked text read
 * back into match positions, UTF-16 ⇄ code point offsets for long texts
 * without building an array of the whole text, snippets, speaker lines.
 */
import { SPEAKER_PREFIX } from '../../../shared/note/SpeakerLabelNode';
import { WORD_BREAK } from '../store/indexedText';
import { normalise } from './searchQuery';

/**
 * What FTS5's highlight() puts around each match. Unicode noncharacters,
 * reserved for a program's internal use, so they do not occur in notes.
 */
export const OPEN = '\uFDD0';
export const CLOSE = '\uFDD1';

/** A stretch of a text in UTF-16 units, [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** The text and its matches from highlight()'s output, without the index's word breaks; null if the markers do not pair up. */
export function readMarked(marked: string): { text: string; matches: Span[] } | null {
  const pieces: string[] = [];
  const matches: Span[] = [];
  const markers = /[\uFDD0\uFDD1\uFDD2]/g;
  let from = 0;
  let length = 0;
  let open = -1;
  for (let found = markers.exec(marked); found; found = markers.exec(marked)) {
    const piece = marked.slice(from, found.index);
    pieces.push(piece);
    length += piece.length;
    if (found[0] === WORD_BREAK) {
      // A break the note index put between CJK letters (store/indexedText.ts): not the note's.
    } else if (found[0] === OPEN) {
      if (open >= 0) return null;
      open = length;
    } else {
      if (open < 0) return null;
      matches.push({ start: open, end: length });
      open = -1;
    }
    from = found.index + 1;
  }
  if (open >= 0) return null;
  pieces.push(marked.slice(from));
  return { text: pieces.join(''), matches };
}

/** Blocks are a blank line apart in a note's plain text. */
const BLOCK_GAP = '\n\n';

/** What stands for a block whose text was not read: spaces, sliced from one long run. */
let spaces = ' '.repeat(4096);
const unread = (codePoints: number): string => {
  while (spaces.length < codePoints) spaces += spaces;
  return spaces.slice(0, codePoints);
};

/**
 * A note's text and its matches from its blocks as a page of hits reads them (store/search.ts): a block that
 * matched comes marked by highlight() and is read back on its own, its matches moved to where it starts;
 * a block that did not stands as spaces, one per code point of its text. Everything a hit shows from the
 * text lies in the line of a match (snippet, sentence, speaker), and lines never cross the blank line
 * between blocks, so the spaces are never shown; and since a space is one code point as it is one UTF-16
 * unit, every match's offset in code points is its offset in the whole note. (Only how near two matches in
 * different blocks are, when choosing the anchor, counts a skipped block's astral characters as one unit,
 * not two.) No copy of the whole note is read: at review scale a page's notes are 1.4 million characters in
 * 5,600 blocks, of which 1,600 match a common word. A block whose markers do not pair up shows no match.
 */
export function markedNote(blocks: readonly ({ marked: string } | { codePoints: number })[]): { text: string; matches: Span[] } {
  const matches: Span[] = [];
  const parts: string[] = [];
  let at = 0;
  for (const block of blocks) {
    let text: string;
    if ('marked' in block) {
      const read = readMarked(block.marked);
      text = read ? read.text : block.marked.replace(/[\uFDD0\uFDD1\uFDD2]/g, '');
      if (read) for (const m of read.matches) matches.push({ start: at + m.start, end: at + m.end });
    } else text = unread(block.codePoints);
    parts.push(text);
    at += text.length + BLOCK_GAP.length;
  }
  return { text: parts.join(BLOCK_GAP), matches };
}

const HIGH_SURROGATE = /[\uD800-\uDBFF]/;

/**
 * Does the text hold an astral character? Asked for every place of a search hit, each over the whole note's
 * text; the last answer is kept, so a note is scanned once, not once per place (its text is the same string).
 */
let lastText = '';
let lastAstral = false;
function hasAstral(text: string): boolean {
  if (text !== lastText) {
    lastText = text;
    lastAstral = HIGH_SURROGATE.test(text);
  }
  return lastAstral;
}

/**
 * Convert UTF-16 indices of a text to code point offsets (or back, with
 * `toUnits`), in one pass over the text for any number of positions. Texts
 * without astral characters — nearly all — need no pass at all.
 */
export function toCodePoints(text: string, units: number[]): number[] {
  if (!hasAstral(text)) return units.slice();
  const order = units.map((_, i) => i).sort((a, b) => units[a]! - units[b]!);
  const out = new Array<number>(units.length);
  let unit = 0;
  let cp = 0;
  for (const i of order) {
    const target = Math.min(units[i]!, text.length);
    while (unit < target) {
      const c = text.charCodeAt(unit);
      unit += c >= 0xd800 && c <= 0xdbff && unit + 1 < text.length ? 2 : 1;
      cp++;
    }
    out[i] = cp;
  }
  return out;
}

/** UTF-16 indices of code point offsets (clamped to the text), in one pass. */
export function toUnits(text: string, codePoints: number[]): number[] {
  if (!hasAstral(text)) return codePoints.map((cp) => Math.max(0, Math.min(cp, text.length)));
  const order = codePoints.map((_, i) => i).sort((a, b) => codePoints[a]! - codePoints[b]!);
  const out = new Array<number>(codePoints.length);
  let unit = 0;
  let cp = 0;
  for (const i of order) {
    const target = Math.max(0, codePoints[i]!);
    while (cp < target && unit < text.length) {
      const c = text.charCodeAt(unit);
      unit += c >= 0xd800 && c <= 0xdbff && unit + 1 < text.length ? 2 : 1;
      cp++;
    }
    out[i] = unit;
  }
  return out;
}


const SNIPPET_BEFORE = 70;
const SNIPPET_AFTER = 150;
/** Matches looked at when choosing which one a snippet shows. */
const ANCHORS_TRIED = 200;

/**
 * Which match a hit shows (and jumps to): the first of the allowed matches,
 * unless the query has several terms and a later match has more different
 * matched words around it — for "radiographers training", a place where both
 * occur beats one with either.
 */
export function chooseAnchor(text: string, matches: Span[], allowed: (m: Span) => boolean = () => true, severalTerms = true): Span | null {
  let best: Span | null = null;
  let bestScore = 0;
  let tried = 0;
  let from = 0;
  const words = new Map<number, string>();
  const word = (i: number) => words.get(i) ?? words.set(i, normalise(text.slice(matches[i]!.start, matches[i]!.end))).get(i)!;
  for (const m of matches) {
    if (!allowed(m)) continue;
    if (!severalTerms) return m;
    if (++tried > ANCHORS_TRIED) break;
    while (matches[from]!.end < m.start - SNIPPET_BEFORE) from++;
    const near = new Set<string>();
    for (let j = from; j < matches.length && matches[j]!.start <= m.end + SNIPPET_AFTER; j++) near.add(word(j));
    if (near.size > bestScore) {
      best = m;
      bestScore = near.size;
    }
  }
  return best;
}

export interface Segment {
  text: string;
  match: boolean;
}

const isLow = (text: string, i: number) => i > 0 && i < text.length && /[\uDC00-\uDFFF]/.test(text[i]!);

/** The line (a paragraph, list item or heading of the note's plain text) a span lies in, in UTF-16 units. */
export function lineAround(text: string, at: Span): Span {
  const start = text.lastIndexOf('\n', at.start - 1) + 1;
  const next = text.indexOf('\n', at.end);
  return { start, end: next < 0 ? text.length : next };
}

/**
 * Words around a match, the matches in it marked, cut at spaces, with … where
 * the paragraph goes on. A snippet never runs into the next paragraph: that
 * may be someone else speaking.
 */
export function snippet(text: string, matches: Span[], anchor: Span | null): Segment[] {
  const at = anchor ?? { start: 0, end: 0 };
  const line = lineAround(text, at);
  let start = Math.max(line.start, at.start - SNIPPET_BEFORE);
  let end = Math.min(line.end, at.end + SNIPPET_AFTER);
  if (start > line.start) {
    const space = text.slice(start, at.start).search(/\s/);
    if (space >= 0) start += space + 1;
    else if (isLow(text, start)) start++;
  }
  if (end < line.end) {
    const tail = text.slice(at.end, end);
    const space = tail.search(/\s\S*$/);
    if (space >= 0) end = at.end + space;
    else if (isLow(text, end)) end--;
  }
  const segments: Segment[] = [];
  pushSegment(segments, start > line.start ? '…' : '', false);
  let cursor = start;
  // Matches are in order and do not overlap: start at the first that ends after the snippet starts, not at
  // the note's first (a long note has thousands, and a hit shows up to 50 snippets).
  for (let k = firstEndingAfter(matches, start); k < matches.length && matches[k]!.start < end; k++) {
    const m = matches[k]!;
    if (m.end <= start) continue;
    const s = Math.max(m.start, cursor);
    const e = Math.min(m.end, end);
    if (e <= s) continue;
    pushSegment(segments, text.slice(cursor, s), false);
    pushSegment(segments, text.slice(s, e), true);
    cursor = e;
  }
  pushSegment(segments, text.slice(cursor, end), false);
  pushSegment(segments, end < line.end ? '…' : '', false);
  return segments;
}

/** Any run of white space but a single space: what a snippet's flattening (to single spaces) changes. */
const NOT_FLAT = /[^\S ]| {2}/;
const WHITE_SPACE = /\s+/g;

/**
 * A piece of a snippet, its white space flattened, added to the last segment if of the same kind (a
 * trailing "…" after plain text, say). Module functions, not closures made per snippet: a page of hits
 * makes 2,500 snippets, and closures made per call (named, under the bench's tsx) were most of their cost.
 */
function pushSegment(segments: Segment[], piece: string, match: boolean): void {
  if (!piece) return;
  const text = NOT_FLAT.test(piece) ? piece.replace(WHITE_SPACE, ' ') : piece;
  const last = segments[segments.length - 1];
  if (last && last.match === match) last.text += text;
  else segments.push({ text, match });
}

/** The first match whose end is after `at`, by binary search (matches in order, not overlapping). */
function firstEndingAfter(matches: Span[], at: number): number {
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (matches[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The speaker of the line a position is on ("P014"), or null: a speaker turn
 * is a paragraph that starts "P014:", and the note's plain text has each
 * paragraph and list item on its own line.
 */
export function speakerOfLine(text: string, position: number): string | null {
  const lineStart = text.lastIndexOf('\n', position - 1) + 1;
  return SPEAKER_PREFIX.exec(text.slice(lineStart, lineStart + 16))?.[1] ?? null;
}

/**
 * Every place of a note a search found, in order: each allowed match starts a
 * place unless it falls in the snippet of the place before (same paragraph,
 * close by), so one snippet shows neighbouring matches together. At most
 * `limit` places are returned; `total` counts them all.
 */
export function placesOf(text: string, matches: Span[], allowed: (m: Span) => boolean, limit: number): { places: Span[]; total: number } {
  const places: Span[] = [];
  let total = 0;
  let reach = -1;
  let lineEnd = -1;
  for (const m of matches) {
    if (!allowed(m)) continue;
    if (m.start < reach && m.start < lineEnd) continue;
    total++;
    if (places.length < limit) places.push(m);
    reach = m.end + SNIPPET_AFTER;
    lineEnd = lineAround(text, m).end;
  }
  return { places, total };
}

/** A sentence ends at . ! ? … before a space or the end, and at 。！？ anywhere: Japanese and Chinese put no space after them. */
const SENTENCE_END = /[.!?…]["'’”)\]]*(?=\s|$)|[。！？]["'’”)\]」』）]*/g;

/**
 * The sentence a match is in, within its paragraph, without a leading speaker
 * label ("P014: "): what "Tag…" from a search hit offers, since one word is
 * rarely the passage a reviewer wants.
 */
export function sentenceAround(text: string, at: Span): Span {
  const line = lineAround(text, at);
  const paragraph = text.slice(line.start, line.end);
  const label = SPEAKER_PREFIX.exec(paragraph);
  let start = label ? label[0].length : 0;
  let end = paragraph.length;
  const from = at.start - line.start;
  const to = at.end - line.start;
  SENTENCE_END.lastIndex = 0;
  for (let found = SENTENCE_END.exec(paragraph); found; found = SENTENCE_END.exec(paragraph)) {
    const after = found.index + found[0].length;
    if (after <= from) start = Math.max(start, after);
    else if (found.index >= to) {
      end = after;
      break;
    }
  }
  while (start < end && /\s/.test(paragraph[start]!)) start++;
  while (end > start && /\s/.test(paragraph[end - 1]!)) end--;
  if (start > from || end < to) return at; // a match across a sentence end: offer the match itself
  return { start: line.start + start, end: line.start + end };
}
