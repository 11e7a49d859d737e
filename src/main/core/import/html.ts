import { Parser } from 'htmlparser2';
import type { NoteBlock, TextRun } from '../../../shared/domain/noteBlocks';
import { pushRun, trimRuns } from './runs';

type ListBlock = Extract<NoteBlock, { kind: 'list' }>;

const HEADING = /^h([1-6])$/;
/** Elements that end whatever block is open; text after them starts a new one. */
const BOUNDARIES = new Set(['div', 'table', 'section', 'article', 'body', 'hr']);
/** Between the cells of a table row, which is kept as one paragraph. */
export const CELL_SEPARATOR = ' | ';
/** A row whose first cell is a speaker's code ("P014" or "P014:") is that speaker's turn. */
const SPEAKER_CELL = /^(P\d{3,}):?\s*\|\s*/;

/** "P014 | I think…" → "P014: I think…", the first cell in bold or not. */
function speakerRow(runs: TextRun[]): void {
  const [first, second] = runs;
  if (!first) return;
  if (SPEAKER_CELL.test(first.text)) first.text = first.text.replace(SPEAKER_CELL, '$1: ');
  else if (second && /^P\d{3,}:?$/.test(first.text) && second.text.startsWith(CELL_SEPARATOR)) {
    first.text = `${first.text.replace(/:$/, '')}:`;
    second.text = ` ${second.text.slice(CELL_SEPARATOR.length)}`;
  }
}

/**
 * The HTML mammoth makes of a .docx → blocks: headings (h4–h6 become level
 * 3), paragraphs, quotes, bulleted and numbered lists (nested lists are
 * flattened into their outer list, which NoteBlock cannot nest), bold and
 * italic runs. A table row becomes one paragraph, its cells separated by
 * " | " (a transcript laid out as a table stays one turn per line, and a
 * first cell "P014" makes the row P014's turn); images are dropped (attach
 * them instead). A streaming parse: no DOM is built.
 */
export function htmlToBlocks(html: string): NoteBlock[] {
  const blocks: NoteBlock[] = [];
  let current: { kind: 'paragraph' | 'quote' | 'heading' | 'item'; level: 1 | 2 | 3; runs: TextRun[] } | null = null;
  const lists: ListBlock[] = [];
  let quoteDepth = 0;
  let bold = 0;
  let italic = 0;
  let skip = 0;
  const skipping: boolean[] = [];
  // The open table row (only the outermost one when tables nest): its cells so far, and paragraphs in the cell.
  let row: { filled: number; cellHasText: boolean; paragraphs: number; depth: number } | null = null;
  let rowDepth = 0;

  const finish = () => {
    if (!current) return;
    const runs = trimRuns(current.runs);
    if (row) speakerRow(runs);
    const { kind, level } = current;
    current = null;
    if (!runs.length) return;
    if (kind === 'item') lists[0]?.items.push(runs);
    else if (kind === 'heading') blocks.push({ kind, level, runs });
    else blocks.push({ kind, runs });
  };
  const begin = (kind: 'paragraph' | 'quote' | 'heading' | 'item', level: 1 | 2 | 3 = 1) => {
    finish();
    current = { kind, level, runs: [] };
    return current;
  };
  const text = (value: string) => {
    if (skip || !value) return;
    if (!current && !value.trim()) return; // whitespace between blocks
    const block = current ?? begin(lists.length ? 'item' : quoteDepth ? 'quote' : 'paragraph');
    if (row && !row.cellHasText && value.trim()) {
      // Empty cells (a continued turn with no time or speaker) leave no separator behind.
      if (row.filled++ > 0) pushRun(block.runs, { text: CELL_SEPARATOR });
      row.cellHasText = true;
    }
    pushRun(block.runs, { text: value, bold: bold > 0, italic: italic > 0 });
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const heading = HEADING.exec(name);
        // Mammoth's "back to the text" arrows after footnotes are links, not words.
        const skipThis = (name === 'a' && /^#(foot|end)note-ref/.test(attributes.href ?? '')) || name === 'script' || name === 'style';
        skipping.push(skipThis);
        if (skipThis) skip++;
        if (name === 'tr') {
          rowDepth++;
          if (!row) {
            begin('paragraph');
            row = { filled: 0, cellHasText: false, paragraphs: 0, depth: rowDepth };
          }
        } else if (row && (name === 'td' || name === 'th')) {
          row.cellHasText = false;
          row.paragraphs = 0;
        } else if (row) {
          // Inside a row, paragraphs, headings and list items of a cell run on with a space.
          if ((name === 'p' || heading || name === 'li') && row.paragraphs++ > 0 && row.cellHasText && current) {
            pushRun(current.runs, { text: ' ' });
          }
          else if (name === 'strong' || name === 'b') bold++;
          else if (name === 'em' || name === 'i') italic++;
          else if (name === 'br') text(' ');
        } else if (heading) begin('heading', Math.min(Number(heading[1]), 3) as 1 | 2 | 3);
        else if (name === 'p') {
          // A paragraph inside a list item continues that item.
          if (!(lists.length && current?.kind === 'item' && current.runs.length === 0)) {
            if (lists.length && current?.kind === 'item') pushRun(current.runs, { text: ' ' });
            else begin(lists.length ? 'item' : quoteDepth ? 'quote' : 'paragraph');
          }
        } else if (name === 'li') begin('item');
        else if (name === 'ul' || name === 'ol') {
          finish();
          let outer = lists[0];
          if (!outer) {
            outer = { kind: 'list', ordered: name === 'ol', items: [] };
            blocks.push(outer);
          }
          lists.push(outer);
        } else if (name === 'blockquote') {
          finish();
          quoteDepth++;
        } else if (name === 'strong' || name === 'b') bold++;
        else if (name === 'em' || name === 'i') italic++;
        else if (name === 'br') text('\n');
        else if (BOUNDARIES.has(name)) finish();
      },
      ontext: text,
      onclosetag(name) {
        if (skipping.pop()) skip--;
        if (name === 'tr') {
          if (row?.depth === rowDepth) {
            finish();
            row = null;
          }
          rowDepth = Math.max(0, rowDepth - 1);
        } else if (row) {
          if (name === 'strong' || name === 'b') bold = Math.max(0, bold - 1);
          else if (name === 'em' || name === 'i') italic = Math.max(0, italic - 1);
        } else if (HEADING.test(name) || name === 'p' || name === 'li') {
          // Inside a list item, a closing </p> keeps the item open for what follows.
          if (!(name === 'p' && current?.kind === 'item')) finish();
        } else if (name === 'ul' || name === 'ol') {
          finish();
          lists.pop();
        } else if (name === 'blockquote') {
          finish();
          quoteDepth = Math.max(0, quoteDepth - 1);
        } else if (name === 'strong' || name === 'b') bold = Math.max(0, bold - 1);
        else if (name === 'em' || name === 'i') italic = Math.max(0, italic - 1);
        else if (BOUNDARIES.has(name)) finish();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  finish();
  // A list whose items were all empty leaves nothing behind.
  return blocks.filter((b) => b.kind !== 'list' || b.items.length > 0);
}
