/**
 * Tools count REFI-QDA text positions differently, and a coding shifted by a
 * character per line is the classic way exchanges lose work. A convention is
 * what a position counts (Unicode code points, as the standard and QualCoder
 * read it, or UTF-16 code units, as NVivo does — an emoji is then 2) and how
 * a CRLF line end counts (two characters, or one as text read with universal
 * newlines has it). Measured on the NVivo 12 sample: UTF-16 units over the
 * text with its byte-order mark removed and CRLF kept as two (see
 * ../shared/refi/README.md).
 */
export interface Convention {
  units: 'codepoint' | 'utf16';
  crlf: 'two' | 'one';
}

export const CONVENTIONS: readonly Convention[] = [
  { units: 'codepoint', crlf: 'two' },
  { units: 'utf16', crlf: 'two' },
  { units: 'codepoint', crlf: 'one' },
  { units: 'utf16', crlf: 'one' },
];

export const describeConvention = (c: Convention) =>
  `${c.units === 'utf16' ? 'UTF-16 code units' : 'Unicode code points'}, ${c.crlf === 'two' ? 'CRLF as two characters' : 'CRLF as one'}`;

/** The convention of the program that wrote the file, when we know it; null: judge from the text. */
export function conventionOf(origin: string | null): Convention | null {
  if (!origin) return null;
  if (/nvivo/i.test(origin)) return { units: 'utf16', crlf: 'two' };
  if (/fieldnotes/i.test(origin)) return { units: 'codepoint', crlf: 'two' };
  if (/qualcoder/i.test(origin)) return { units: 'codepoint', crlf: 'one' };
  return null;
}

/** A source's text as we keep it (LF line ends) and how the file's positions map onto it. */
export interface MappedText {
  /** CRLF and lone CR as LF. */
  text: string;
  /** Code points in `text`. */
  length: number;
  /** A position in the file's convention → code points in `text`; null when it lies outside the text. */
  map(position: number): number | null;
}

export function mapText(raw: string, convention: Convention): MappedText {
  // One entry per position in the file's convention: the code point offset it means in the LF text.
  const table: number[] = [0];
  let normal = 0;
  const parts: string[] = [];
  for (let i = 0; i < raw.length; ) {
    const code = raw.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    if (raw[i] === '\r') {
      const pair = raw[i + 1] === '\n';
      parts.push('\n');
      if (pair && convention.crlf === 'two') table.push(normal); // between CR and LF: at the line end
      normal++;
      table.push(normal);
      i += pair ? 2 : 1;
      continue;
    }
    parts.push(raw.slice(i, i + width));
    if (width === 2 && convention.units === 'utf16') table.push(normal); // inside a surrogate pair: at the character
    normal++;
    table.push(normal);
    i += width;
  }
  return {
    text: parts.join(''),
    length: normal,
    map: (position) => (Number.isInteger(position) && position >= 0 && position < table.length ? table[position]! : null),
  };
}

const WORD = /[\p{L}\p{N}\p{M}_]/u;

/**
 * Positions (code points) that do not cut a word in two — a letter or digit
 * on both sides — for judging alignment: a passage someone selected starts
 * and ends between words (or at punctuation), while a misread position lands
 * inside words most of the time.
 */
export function wordBoundaryJudge(text: string): (position: number) => boolean {
  const chars = [...text];
  const isWord = (i: number) => i >= 0 && i < chars.length && WORD.test(chars[i]!);
  return (p) => !(isWord(p - 1) && isWord(p));
}

/** How many selections start and end on word boundaries: the alignment measure for files that quote no text. */
export function alignment(mapped: MappedText, selections: readonly { start: number; end: number }[]): number {
  const boundary = wordBoundaryJudge(mapped.text);
  let aligned = 0;
  for (const s of selections) {
    const start = mapped.map(s.start);
    const end = mapped.map(s.end);
    if (start !== null && end !== null && boundary(start) && boundary(end)) aligned++;
  }
  return aligned;
}

/**
 * The convention to read a file by: the one its origin names, or else the
 * one under which most of its selections fall on word boundaries (a shifted
 * reading puts almost none there); ties go to the standard's code points.
 */
export function chooseConvention(origin: string | null, sources: readonly { raw: string; selections: readonly { start: number; end: number }[] }[]): { convention: Convention; known: boolean } {
  const named = conventionOf(origin);
  if (named) return { convention: named, known: true };
  let best = CONVENTIONS[0]!;
  let bestScore = -1;
  for (const convention of CONVENTIONS) {
    const score = sources.reduce((n, s) => n + alignment(mapText(s.raw, convention), s.selections), 0);
    if (score > bestScore) {
      best = convention;
      bestScore = score;
    }
  }
  return { convention: best, known: false };
}
