import type { NoteBlock, TextRun } from '../../../shared/domain/noteBlocks';
import { startsTurn } from './transcript';

/**
 * A PDF keeps no paragraphs, only positioned runs of text. These pure
 * functions rebuild lines from positions, then paragraphs from the gaps
 * between lines, headings from larger type, and bulleted lists from bullet
 * glyphs. Coordinates are PDF points, y growing upwards.
 */

export interface PositionedText {
  text: string;
  x: number;
  y: number;
  width: number;
  /** Font size in points. */
  size: number;
  /** The producer marked the end of a line after this run. */
  endOfLine: boolean;
}

export interface Line {
  text: string;
  x: number;
  y: number;
  right: number;
  size: number;
}

export interface Page {
  lines: Line[];
  height: number;
}

/** Runs in content order → lines: a new line where the baseline moves or the producer ends one. */
export function textToLines(items: PositionedText[]): Line[] {
  const lines: Line[] = [];
  let line: Line | null = null;
  let runs: PositionedText[] = [];
  const end = () => {
    if (line && rightToLeft(runs)) line.text = rightToLeftText(runs);
    if (line && line.text.trim()) lines.push({ ...line, text: line.text.replace(/\s+/g, ' ').trim() });
    line = null;
    runs = [];
  };
  for (const item of items) {
    const size = item.size > 0 ? item.size : 10;
    if (item.text) {
      if (line && Math.abs(item.y - line.y) > 0.5 * Math.max(size, line.size)) end();
      if (!line) {
        line = { text: item.text, x: item.x, y: item.y, right: item.x + item.width, size: item.text.trim() ? size : 0 };
      } else {
        // Producers often position words without a space character between them.
        if (spaced(line.right, item.x, size) && !/\s$/.test(line.text) && !/^\s/.test(item.text)) line.text += ' ';
        line.text += item.text;
        line.right = Math.max(line.right, item.x + item.width);
        if (item.text.trim()) line.size = Math.max(line.size, size);
      }
      runs.push(item);
    }
    if (item.endOfLine) end();
  }
  end();
  return lines;
}

const spaced = (leftEnd: number, rightStart: number, size: number) => rightStart - leftEnd > 0.2 * size;

const STRONG_RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/gu;
const STRONG = /[\p{L}]/gu;

/** Most of the line's letters are Arabic or Hebrew (pdf.js marks such runs `rtl`, already in logical order within). */
function rightToLeft(runs: PositionedText[]): boolean {
  if (runs.length < 2) return false;
  const text = runs.map((r) => r.text).join('');
  const rtl = text.match(STRONG_RTL)?.length ?? 0;
  return rtl > 0 && rtl * 2 > (text.match(STRONG)?.length ?? 0);
}

/**
 * A right-to-left line whose words the producer placed one by one, left to right on the page (visual
 * order): read them from the right, as a reader does, so the text is in logical order and searchable.
 */
function rightToLeftText(runs: PositionedText[]): string {
  const ordered = [...runs].sort((a, b) => b.x + b.width - (a.x + a.width));
  let text = '';
  let left = Infinity;
  for (const run of ordered) {
    const size = run.size > 0 ? run.size : 10;
    if (text && spaced(run.x + run.width, left, size) && !/\s$/.test(text) && !/^\s/.test(run.text)) text += ' ';
    text += run.text;
    left = Math.min(left, run.x);
  }
  return text;
}

const BULLET = /^[•◦▪▫‣∙●○■□–]\s*/;
/** "1. …", "(a) …", "P014: …": lines that start something even when tightly spaced. */
const NUMBERED = /^(?:\d{1,3}[.)]|\(?[a-z]\))\s/;
/** "12", "Page 3", "3 of 10", "- 4 -": running page numbers, not content. */
const PAGE_NUMBER = /^(?:page\s+)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;

const round = (n: number) => Math.round(n * 2) / 2;

function mostCommon(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  let best: number | undefined;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (best === undefined || n > counts.get(best)! || (n === counts.get(best)! && v < best)) best = v;
  }
  return best;
}

interface Paragraph {
  text: string;
  size: number;
  bullet: boolean;
}

function pageParagraphs(page: Page, bodySize: number): Paragraph[] {
  const margin = page.height * 0.08;
  const lines = page.lines.filter(
    (l) => !(PAGE_NUMBER.test(l.text) && (l.y < margin || l.y > page.height - margin)),
  );
  // The line pitch is the tightest spacing between two body lines: where paragraphs are mostly one
  // line long, the most common gap is the gap between paragraphs, not between lines.
  let pitch = Infinity;
  for (let i = 1; i < lines.length; i++) {
    const [above, below] = [lines[i - 1]!, lines[i]!];
    const gap = above.y - below.y;
    const body = Math.abs(above.size - bodySize) < 0.5 && Math.abs(below.size - bodySize) < 0.5;
    if (body && gap >= bodySize * 0.8) pitch = Math.min(pitch, gap);
  }
  if (pitch === Infinity) pitch = bodySize * 1.2;
  const paragraphs: Paragraph[] = [];
  let current: (Paragraph & { left: number }) | null = null;
  let previous: Line | null = null;
  for (const line of lines) {
    const bullet = BULLET.test(line.text);
    const gap = previous ? previous.y - line.y : 0;
    const breaks =
      !current ||
      !previous ||
      bullet ||
      NUMBERED.test(line.text) ||
      startsTurn(line.text) ||
      gap <= 0 || // back up the page: a new column or a text box
      gap > pitch * 1.3 ||
      Math.abs(line.size - previous.size) > 0.15 * Math.max(line.size, previous.size) ||
      (!current.bullet && line.x > current.left + line.size && line.x > previous.x + line.size);
    if (breaks) {
      if (current) paragraphs.push(current);
      current = { text: line.text.replace(BULLET, ''), size: line.size, bullet, left: line.x };
    } else {
      // A word broken at a hyphen joins without a space; the hyphen stays, since it may be real.
      current!.text += /[-‐]$/.test(current!.text) && /^\p{Ll}/u.test(line.text) ? line.text : ` ${line.text}`;
    }
    previous = line;
  }
  if (current) paragraphs.push(current);
  return paragraphs.filter((p) => p.text.trim());
}

/**
 * Pages of lines → blocks. Larger-than-body short paragraphs become
 * headings (the largest size level 1, the others level 2); a document of
 * several pages gets a level-3 "Page N" heading per page, so a quotation can
 * be traced back to its page.
 */
export function pagesToBlocks(pages: Page[]): NoteBlock[] {
  const sizes: number[] = [];
  for (const page of pages) for (const line of page.lines) for (let i = 0; i < line.text.length; i += 8) sizes.push(round(line.size));
  const bodySize = mostCommon(sizes) ?? 10;
  const paragraphsByPage = pages.map((page) => pageParagraphs(page, bodySize));
  const isHeading = (p: Paragraph) => !p.bullet && p.size >= bodySize * 1.2 && p.text.length <= 200;
  const headingSizes = [...new Set(paragraphsByPage.flat().filter(isHeading).map((p) => round(p.size)))].sort((a, b) => b - a);

  const blocks: NoteBlock[] = [];
  paragraphsByPage.forEach((paragraphs, index) => {
    if (!paragraphs.length) return;
    if (pages.length > 1) blocks.push({ kind: 'heading', level: 3, runs: [{ text: `Page ${index + 1}` }] });
    let list: Extract<NoteBlock, { kind: 'list' }> | null = null;
    for (const p of paragraphs) {
      const runs: TextRun[] = [{ text: p.text.trim() }];
      if (p.bullet) {
        if (!list) blocks.push((list = { kind: 'list', ordered: false, items: [] }));
        list.items.push(runs);
        continue;
      }
      list = null;
      if (isHeading(p)) blocks.push({ kind: 'heading', level: round(p.size) === headingSizes[0] ? 1 : 2, runs });
      else blocks.push({ kind: 'paragraph', runs });
    }
  });
  return blocks;
}
