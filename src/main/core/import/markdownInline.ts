import type { TextRun } from '../../../shared/domain/noteBlocks';
import { pushRun } from './runs';

// **strong**, __strong__, *em*, _em_ (underscores only at word edges, so snake_case stays text).
const EMPHASIS = /(\*\*\*|\*\*|__|\*|_)(?=\S)([\s\S]*?\S)\1/;

/**
 * Markdown emphasis → runs. Deliberately small: emphasis only, markers kept
 * as text when they do not pair up, and a backslash keeps the next marker
 * literal. Links and code stay as typed.
 */
export function parseInline(text: string, bold = false, italic = false): TextRun[] {
  const runs: TextRun[] = [];
  let rest = text;
  while (rest) {
    const match = findEmphasis(rest);
    if (!match) {
      pushRun(runs, { text: unescape(rest), bold, italic });
      break;
    }
    const { index, marker, inner, length } = match;
    pushRun(runs, { text: unescape(rest.slice(0, index)), bold, italic });
    const strong = marker.length >= 2;
    const em = marker.length !== 2;
    for (const run of parseInline(inner, bold || strong, italic || em)) pushRun(runs, run);
    rest = rest.slice(index + length);
  }
  return runs;
}

function findEmphasis(text: string): { index: number; marker: string; inner: string; length: number } | null {
  let from = 0;
  while (from < text.length) {
    const match = EMPHASIS.exec(text.slice(from));
    if (!match) return null;
    const index = from + match.index;
    const marker = match[1]!;
    const escaped = index > 0 && text[index - 1] === '\\';
    const before = text[index - 1] ?? ' ';
    const after = text[index + match[0].length] ?? ' ';
    const wordEdge = marker[0] !== '_' || (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after));
    if (!escaped && wordEdge) return { index, marker, inner: match[2]!, length: match[0].length };
    from = index + 1;
  }
  return null;
}

const unescape = (text: string) => text.replace(/\\([*_\\#>`[\]-])/g, '$1');
