import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointLength, documentAnchors, sliceCodePoints } from './anchors';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createTextNode, $getRoot } from 'lexical';
import { blocksToDocument } from './blocksToDocument';
import { createNoteEditor, serialize, tagRange } from './editing';
import { documentText } from './text';

const run = fc.record({ text: fc.string({ unit: 'grapheme', maxLength: 30 }), bold: fc.boolean() });
const block = fc.oneof(
  fc.record({ kind: fc.constant('paragraph' as const), runs: fc.array(run, { maxLength: 4 }) }),
  fc.record({ kind: fc.constant('quote' as const), runs: fc.array(run, { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('heading' as const), level: fc.constantFrom(1 as const, 2 as const, 3 as const), runs: fc.array(run, { maxLength: 2 }) }),
  fc.record({ kind: fc.constant('list' as const), ordered: fc.boolean(), items: fc.array(fc.array(run, { maxLength: 2 }), { minLength: 1, maxLength: 3 }) }),
);

/** Code-point positions where a passage may start and end: not on the line break between blocks. */
function taggableBounds(text: string): { starts: number[]; ends: number[] } {
  const points = [...text];
  const starts: number[] = [];
  const ends: number[] = [];
  points.forEach((ch, i) => {
    if (ch === '\n') return;
    starts.push(i);
    ends.push(i + 1);
  });
  return { starts, ends };
}

describe('documentAnchors', () => {
  // Every run tags: the document always holds text (a first run of at least one letter), and the range is drawn
  // from the taggable positions of that text, so no run returns early and the comparison is exact, untrimmed.
  const noteWithText = fc.tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), fc.array(block, { minLength: 1, maxLength: 6 }))
    .map(([first, blocks]) => [{ kind: 'paragraph' as const, runs: [{ text: `a${first}`, bold: false }] }, ...blocks]);
  it('agrees with the editor: a range tagged by plain-text position anchors to exactly that text', () => {
    fc.assert(
      fc.property(noteWithText, fc.nat(), fc.nat(), (blocks, a, b) => {
        const editor = createNoteEditor(blocksToDocument(blocks));
        const text = documentAnchors(serialize(editor)).plainText;
        const { starts, ends } = taggableBounds(text);
        const start = starts[a % starts.length]!;
        const later = ends.filter((e) => e > start);
        const end = later[b % later.length]!;
        const wanted = sliceCodePoints(text, start, end);
        expect(tagRange(editor, start, end, 'p'), `tag [${start}, ${end}) of ${JSON.stringify(text)}`).toBe(true);
        const after = documentAnchors(serialize(editor));
        expect(after.plainText).toBe(text);
        const range = after.passages.get('p')!;
        expect(sliceCodePoints(after.plainText, range.start, range.end)).toBe(wanted);
      }),
      { numRuns: 150 },
    );
  });

  it('reads nested lists as lines, like any list', () => {
    const editor = createNoteEditor();
    editor.update(
      () => {
        const outer = $createListNode('bullet');
        const nested = $createListNode('bullet');
        nested.append($createListItemNode().append($createTextNode('beta')), $createListItemNode().append($createTextNode('gamma')));
        outer.append(
          $createListItemNode().append($createTextNode('alpha')),
          $createListItemNode().append(nested),
          $createListItemNode().append($createTextNode('delta')),
        );
        $getRoot().clear().append(outer);
      },
      { discrete: true },
    );
    const document = serialize(editor);
    expect(documentAnchors(document).plainText).toBe('alpha\nbeta\ngamma\ndelta');
    expect(documentText(document).wordCount).toBe(4);
    expect(tagRange(editor, 11, 16, 'g')).toBe(true);
    const anchors = documentAnchors(serialize(editor));
    expect(sliceCodePoints(anchors.plainText, anchors.passages.get('g')!.start, anchors.passages.get('g')!.end)).toBe('gamma');
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

  it('counts a lone surrogate as one code point, as the editor does', () => {
    const text = 'a\uD83D training 🙂 b\uDE00c';
    expect(codePointLength(text)).toBe(Array.from(text).length);
    expect(sliceCodePoints(text, 2, 10)).toBe(Array.from(text).slice(2, 10).join(''));
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
