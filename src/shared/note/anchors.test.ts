import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointLength, documentAnchors, sliceCodePoints } from './anchors';
import { blocksToDocument } from './blocksToDocument';
import { documentText } from './text';

const run = fc.record({ text: fc.string({ unit: 'grapheme', maxLength: 30 }), bold: fc.boolean() });
const block = fc.oneof(
  fc.record({ kind: fc.constant('paragraph' as const), runs: fc.array(run, { maxLength: 4 }) }),
  fc.record({ kind: fc.constant('quote' as const), runs: fc.array(run, { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('heading' as const), level: fc.constantFrom(1 as const, 2 as const, 3 as const), runs: fc.array(run, { maxLength: 2 }) }),
  fc.record({ kind: fc.constant('list' as const), ordered: fc.boolean(), items: fc.array(fc.array(run, { maxLength: 2 }), { minLength: 1, maxLength: 3 }) }),
);

describe('documentAnchors', () => {
  it('reads the same canonical text as documentText, for any document', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 8 }), (blocks) => {
        const document = blocksToDocument(blocks);
        expect(documentAnchors(document).plainText).toBe(documentText(document).plainText);
      }),
      { numRuns: 200 },
    );
  });

  it('slices by code points, not UTF-16 units', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.nat(), fc.nat(), (text, a, b) => {
        const points = Array.from(text);
        const [start, end] = [a % (points.length + 1), b % (points.length + 1)].sort((x, y) => x - y) as [number, number];
        expect(sliceCodePoints(text, start, end)).toBe(points.slice(start, end).join(''));
        expect(codePointLength(text)).toBe(points.length);
      }),
    );
  });

  it('finds speaker turns and the blocks they open', () => {
    const document = blocksToDocument([
      { kind: 'paragraph', runs: [{ text: 'P014: 🙂 We need training.' }] },
      { kind: 'paragraph', runs: [{ text: 'No speaker here.' }] },
    ]);
    const { blocks } = documentAnchors(document);
    expect(blocks).toEqual([
      { start: 0, end: 25, speaker: 'P014' },
      { start: 27, end: 43, speaker: null },
    ]);
  });
});
