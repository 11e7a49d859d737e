import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointLength, documentAnchors, sliceCodePoints } from '../../../shared/note/anchors';
import { textToDocument } from './textDocument';

const piece = fc.constantFrom('word', ' ', '\n', '\n\n', 'é', '😀', '\t', 'P014: ', 'Ünïcödé', '𝔘', ',', '\n\n\n');
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

describe('a source text as a note document', () => {
  it('keeps the text exactly and puts each range on exactly its text, whitespace at block gaps aside', () => {
    fc.assert(
      fc.property(
        text,
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }),
        (source, pairs) => {
          const length = codePointLength(source);
          const ranges = pairs
            .map(([a, b], i) => ({ id: `p${i}`, start: Math.min(a % (length + 1), b % (length + 1)), end: Math.max(a % (length + 1), b % (length + 1)) }))
            .filter((r) => r.end > r.start);
          const anchors = documentAnchors(textToDocument(source, ranges));
          expect(anchors.plainText).toBe(source);
          for (const range of ranges) {
            const wanted = sliceCodePoints(source, range.start, range.end);
            const got = anchors.passages.get(range.id);
            if (!wanted.replace(/\n\n/g, '').length || /^\n*$/.test(wanted)) continue;
            expect(got, JSON.stringify({ source, range })).toBeDefined();
            const text = sliceCodePoints(source, got!.start, got!.end);
            // The same text, except line ends at a block gap the mark could not hold.
            expect(wanted.includes(text.replace(/^\n+|\n+$/g, '')), JSON.stringify({ source, range, text })).toBe(true);
            if (!/^\n|\n$/.test(wanted)) expect(text).toBe(wanted);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('marks overlapping ranges with both ids where they overlap', () => {
    const anchors = documentAnchors(textToDocument('one two three four', [
      { id: 'a', start: 0, end: 13 },
      { id: 'b', start: 4, end: 18 },
    ]));
    expect(anchors.passages.get('a')).toEqual({ start: 0, end: 13 });
    expect(anchors.passages.get('b')).toEqual({ start: 4, end: 18 });
  });
});
