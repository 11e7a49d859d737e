import type { NoteBlock, TextRun } from '../../../shared/domain/noteBlocks';

const sameFormat = (a: TextRun, b: TextRun) => Boolean(a.bold) === Boolean(b.bold) && Boolean(a.italic) === Boolean(b.italic);

/** Append text to runs, joining it to the last run when the formatting matches. */
export function pushRun(runs: TextRun[], run: TextRun): void {
  if (!run.text) return;
  const last = runs[runs.length - 1];
  if (last && sameFormat(last, run)) last.text += run.text;
  else runs.push({ text: run.text, ...(run.bold ? { bold: true } : {}), ...(run.italic ? { italic: true } : {}) });
}

/** Drop leading and trailing whitespace of a block (and runs left empty by it). */
export function trimRuns(runs: TextRun[]): TextRun[] {
  const out = runs.map((r) => ({ ...r }));
  while (out.length && !(out[0]!.text = out[0]!.text.trimStart())) out.shift();
  while (out.length && !(out[out.length - 1]!.text = out[out.length - 1]!.text.trimEnd())) out.pop();
  return out;
}

export const runsText = (runs: TextRun[]): string => runs.map((r) => r.text).join('');

/** The text of blocks in order, for tests and checks. */
export function blocksText(blocks: NoteBlock[]): string {
  return blocks
    .map((b) => (b.kind === 'list' ? b.items.map(runsText).join('\n') : runsText(b.runs)))
    .join('\n\n');
}
