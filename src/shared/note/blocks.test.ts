import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointLength, documentAnchors, speakerCodesOf, wholeAnchorSource } from './anchors';
import { blockAnchors, blocksAnchorSource, splitDocument } from './blocks';
import { blocksToDocument } from './blocksToDocument';
import { createNoteEditor, serialize, tagRange } from './editing';

describe('a note read from its blocks (issue 11)', () => {
  it('property: blocksAnchorSource answers as the whole document’s anchors do — ranges, text, speakers', () => {
    const word = fc.constantFrom('training', 'AI', '🙂', 'é', 'staff', 'triage');
    const paragraph = fc.tuple(fc.option(fc.constantFrom('P014:', 'P015:'), { nil: undefined }), fc.array(word, { minLength: 1, maxLength: 6 }));
    fc.assert(
      fc.property(
        fc.array(paragraph, { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 5 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 8 }),
        (paragraphs, tags, slices) => {
          const texts = paragraphs.map(([speaker, words]) => [speaker, ...words].filter(Boolean).join(' '));
          const editor = createNoteEditor(blocksToDocument(texts.map((t) => ({ kind: 'paragraph' as const, runs: [{ text: t }] }))));
          const length = codePointLength(documentAnchors(serialize(editor)).plainText);
          tags.forEach(([a, b], i) => {
            const [start, end] = [a % (length + 1), b % (length + 1)].sort((x, y) => x - y) as [number, number];
            if (start < end) tagRange(editor, start, end, `00000000-0000-4000-8000-00000000000${i}`);
          });
          const document = serialize(editor);
          const whole = documentAnchors(document);
          const expected = wholeAnchorSource(whole);
          const blocks = splitDocument(document).blocks.map(blockAnchors);
          const fromBlocks = blocksAnchorSource(blocks, blocks);
          for (const id of [...whole.passages.keys(), 'not-there']) expect(fromBlocks.range(id)).toEqual(expected.range(id));
          for (const [a, b] of slices) {
            const [start, end] = [a % (length + 1), b % (length + 1)].sort((x, y) => x - y) as [number, number];
            expect(fromBlocks.slice(start, end)).toBe(expected.slice(start, end));
          }
          for (let at = 0; at <= length; at++) expect(fromBlocks.speakerAt(at)).toBe(expected.speakerAt(at));
          expect(fromBlocks.speakerCodes().sort()).toEqual(speakerCodesOf(whole.blocks).sort());
          // Only the blocks a save added are asked for new codes.
          expect(blocksAnchorSource(blocks, blocks.slice(0, 1)).speakerCodes()).toEqual(speakerCodesOf(blocks[0]!.blocks));
        },
      ),
      { numRuns: 60 },
    );
  });
});
