import type { NoteBlock, TextRun } from '../../../shared/domain/noteBlocks';
import { parseInline } from './markdownInline';
import { trimRuns } from './runs';

/**
 * A transcript's text → blocks. Blank lines separate paragraphs and lines
 * in between join with a space (hard-wrapped text reads as one paragraph),
 * except that a speaker turn ("P014: …", "Interviewer: …", "[00:12:03] …")
 * always starts its own paragraph, so turns typed one per line stay apart.
 * Markdown adds headings (#), lists (- * + 1.), quotes (>) and emphasis.
 * Never throws; an empty result means there was no text.
 */
export function parseTranscript(text: string, format: 'txt' | 'md'): NoteBlock[] {
  return format === 'md' ? new MarkdownReader().read(text) : readPlain(text);
}

const TIMESTAMP = String.raw`[[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])]?`;
/** A label of up to four words (or a pseudonym code) and a colon, after an optional timestamp. */
const SPEAKER_TURN = new RegExp(
  String.raw`^(?:${TIMESTAMP}\s+)?(?:P\d{2,}|\p{Lu}[\p{L}\p{N}.'’()-]*(?: [\p{L}\p{N}.'’()-]+){0,3})\s?:(?:\s|$)`,
  'u',
);
const STARTS_WITH_TIMESTAMP = new RegExp(String.raw`^${TIMESTAMP}(?:\s|$)`);
/** "Speaker 1  0:03": a turn header as transcription services write it, on a line of its own. */
const TURN_HEADER = /^\S.{0,59}\s\d{1,2}:\d{2}(?::\d{2})?$/;

export const startsTurn = (line: string): boolean => SPEAKER_TURN.test(line) || STARTS_WITH_TIMESTAMP.test(line);

/** Paragraph text longer than this is kept as plain text: emphasis parsing is not worth a slow import. */
const MAX_INLINE_PARSE = 100_000;

class ParagraphBuffer {
  private lines: string[] = [];

  add(line: string): void {
    this.lines.push(line.trim());
  }

  get empty(): boolean {
    return this.lines.length === 0;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  take(): string {
    const text = this.lines.join(' ');
    this.lines = [];
    return text;
  }
}

function readPlain(text: string): NoteBlock[] {
  const blocks: NoteBlock[] = [];
  const paragraph = new ParagraphBuffer();
  const flush = () => {
    if (paragraph.empty) return;
    const runs = trimRuns([{ text: paragraph.take() }]);
    if (runs.length) blocks.push({ kind: 'paragraph', runs });
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) {
      flush();
      continue;
    }
    if (startsTurn(line) || TURN_HEADER.test(line)) flush();
    paragraph.add(line);
    if (TURN_HEADER.test(line)) flush();
  }
  flush();
  return blocks;
}

const ATX_HEADING = /^ {0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$/;
const SETEXT_1 = /^ {0,3}=+\s*$/;
const SETEXT_2_OR_RULE = /^ {0,3}(?:-[ \t]*){3,}$|^ {0,3}-+\s*$/;
const RULE = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const ORDERED = /^\s*\d{1,9}[.)]\s+(.*)$/;
const QUOTE = /^\s*>\s?(.*)$/;

type Open = { kind: 'paragraph' | 'quote' } | { kind: 'list'; ordered: boolean; items: string[][] };

class MarkdownReader {
  private blocks: NoteBlock[] = [];
  private paragraph = new ParagraphBuffer();
  private open: Open | null = null;
  private blankSinceItem = false;

  read(text: string): NoteBlock[] {
    for (const raw of text.split('\n')) this.line(raw);
    this.flush();
    return this.blocks;
  }

  private line(raw: string): void {
    const line = raw.trimEnd();
    if (!line.trim()) {
      if (this.open?.kind === 'list') this.blankSinceItem = true;
      else this.flush();
      return;
    }
    const heading = ATX_HEADING.exec(line);
    if (heading) {
      this.flush();
      const level = Math.min(heading[1]!.length, 3) as 1 | 2 | 3;
      const runs = inline(heading[2] ?? '');
      if (runs.length) this.blocks.push({ kind: 'heading', level, runs });
      return;
    }
    if (this.open?.kind === 'paragraph' && this.paragraph.lineCount === 1 && (SETEXT_1.test(line) || SETEXT_2_OR_RULE.test(line))) {
      const runs = inline(this.paragraph.take());
      this.open = null;
      if (runs.length) this.blocks.push({ kind: 'heading', level: SETEXT_1.test(line) ? 1 : 2, runs });
      return;
    }
    if (RULE.test(line) || (SETEXT_2_OR_RULE.test(line) && line.trim().length >= 3)) {
      this.flush(); // a thematic break: the blocks on either side stay apart
      return;
    }
    const item = BULLET.exec(line) ?? ORDERED.exec(line);
    if (item) {
      const ordered = !BULLET.test(line);
      if (this.open?.kind !== 'list' || this.open.ordered !== ordered) this.start({ kind: 'list', ordered, items: [] });
      (this.open as Extract<Open, { kind: 'list' }>).items.push([item[1]!.trim()]);
      this.blankSinceItem = false;
      return;
    }
    if (this.open?.kind === 'list') {
      // An indented line continues the last item; anything after a blank line ends the list.
      const items = this.open.items;
      if (!this.blankSinceItem && /^\s/.test(line) && items.length) {
        items[items.length - 1]!.push(line.trim());
        return;
      }
      this.flush();
    }
    const quote = QUOTE.exec(line);
    if (quote) {
      if (!quote[1]!.trim()) return this.flush(); // ">" alone separates quoted paragraphs
      if (this.open?.kind !== 'quote') this.start({ kind: 'quote' });
      this.paragraph.add(quote[1]!);
      return;
    }
    if (this.open?.kind !== 'paragraph' || startsTurn(line.trim())) this.start({ kind: 'paragraph' });
    this.paragraph.add(line);
  }

  private start(open: Open): void {
    this.flush();
    this.open = open;
  }

  private flush(): void {
    const open = this.open;
    this.open = null;
    this.blankSinceItem = false;
    if (!open) return;
    if (open.kind === 'list') {
      const items = open.items.map((lines) => inline(lines.join(' '))).filter((runs) => runs.length);
      if (items.length) this.blocks.push({ kind: 'list', ordered: open.ordered, items });
      return;
    }
    const runs = inline(this.paragraph.take());
    if (runs.length) this.blocks.push({ kind: open.kind, runs });
  }
}

function inline(text: string): TextRun[] {
  const trimmed = text.trim();
  if (!trimmed) return [];
  return trimRuns(trimmed.length > MAX_INLINE_PARSE ? [{ text: trimmed }] : parseInline(trimmed));
}
