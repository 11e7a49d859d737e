import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NoteBlock, TextRun } from '../domain/noteBlocks';
import { codePointLength, documentAnchors, sliceCodePoints, type Range } from './anchors';
import { blocksToDocument, reserialize } from './blocksToDocument';
import { createNoteEditor, serialize, tagRange } from './editing';

/** Where each passage id's runs fall in the canonical text (blocks "\n\n" apart, list items "\n"). */
function expectedRanges(blocks: NoteBlock[]): Map<string, Range> {
  const ranges = new Map<string, Range>();
  let offset = 0;
  const runs = (list: TextRun[]) => {
    for (const run of list) {
      const end = offset + codePointLength(run.text);
      if (run.text) {
        for (const id of run.marks ?? []) {
          const known = ranges.get(id);
          ranges.set(id, known ? { start: Math.min(known.start, offset), end: Math.max(known.end, end) } : { start: offset, end });
        }
      }
      offset = end;
    }
  };
  blocks.forEach((block, i) => {
    if (i > 0) offset += 2;
    if (block.kind === 'list') {
      block.items.forEach((item, j) => {
        if (j > 0) offset += 1;
        runs(item);
      });
    } else {
      runs(block.runs);
    }
  });
  return ranges;
}

const withoutMarks = (blocks: NoteBlock[]): NoteBlock[] => {
  const strip = (runs: TextRun[]) => runs.map(({ marks: _marks, ...run }) => run);
  return blocks.map((b) => (b.kind === 'list' ? { ...b, items: b.items.map(strip) } : { ...b, runs: strip(b.runs) }));
};

const tagged: NoteBlock[] = [
  { kind: 'heading', level: 2, runs: [{ text: 'Session 1 (10:00)' }] },
  {
    kind: 'paragraph',
    runs: [
      { text: 'P014: We need ' },
      { text: 'structured training', marks: ['a'] },
      { text: ' before ', marks: ['a', 'b'] }, // a and b overlap here
      { text: 'AI triage 🙂', marks: ['b'] },
      { text: ' arrives.' },
    ],
  },
  { kind: 'paragraph', runs: [{ text: 'Bold', bold: true, marks: ['c'] }, { text: ' and plain.', marks: ['c'] }, { text: ' The end of a turn', marks: ['d'] }] },
  { kind: 'paragraph', runs: [{ text: 'runs on here', marks: ['d'] }, { text: ' and stops.' }] }, // d spans two paragraphs
  { kind: 'quote', runs: [{ text: '“Give us the time to learn.”', marks: ['e'] }] },
  { kind: 'list', ordered: false, items: [[{ text: 'item one, ' }, { text: 'tagged', italic: true, marks: ['f'] }], [{ text: 'item two' }]] },
];

describe('blocksToDocument with marks', () => {
  it('puts each passage in mark nodes that survive a round trip through the editor unchanged', () => {
    const document = blocksToDocument(tagged);
    expect(reserialize(document)).toBe(document);
    const anchors = documentAnchors(document);
    expect(anchors.passages).toEqual(expectedRanges(tagged));
    const text = (id: string) => sliceCodePoints(anchors.plainText, anchors.passages.get(id)!.start, anchors.passages.get(id)!.end);
    expect(text('a')).toBe('structured training before ');
    expect(text('b')).toBe(' before AI triage 🙂');
    expect(text('d')).toBe(' The end of a turn\n\nruns on here');
    expect(text('f')).toBe('tagged');
    // The speaker label is still found when the paragraph carries marks.
    expect(anchors.blocks[1]!.speaker).toBe('P014');
  });

  it('gives the same passages and text as tagging the same ranges in the editor', () => {
    const marked = documentAnchors(blocksToDocument(tagged));
    const editor = createNoteEditor(blocksToDocument(withoutMarks(tagged)));
    for (const [id, range] of marked.passages) expect(tagRange(editor, range.start, range.end, id)).toBe(true);
    const viaEditor = documentAnchors(serialize(editor));
    expect(viaEditor.plainText).toBe(marked.plainText);
    expect(new Map([...viaEditor.passages].sort())).toEqual(new Map([...marked.passages].sort()));
  });

  it('shares one mark between neighbouring runs of the same passages', () => {
    const document = JSON.parse(blocksToDocument([tagged[2]!])) as { root: { children: { children: { type: string; ids?: string[] }[] }[] } };
    const marks = document.root.children[0]!.children.filter((n) => n.type === 'mark');
    expect(marks.map((m) => m.ids)).toEqual([['c'], ['d']]);
  });

  it('round-trips and anchors any runs with any marks', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é', '🙂', 'P', '1', ':', '.'), maxLength: 12 });
    const run = fc.record(
      { text, bold: fc.boolean(), marks: fc.subarray(['p1', 'p2', 'p3']) },
      { requiredKeys: ['text'] },
    );
    const block = fc.oneof(
      fc.record({ kind: fc.constant('paragraph' as const), runs: fc.array(run, { maxLength: 5 }) }),
      fc.record({ kind: fc.constant('quote' as const), runs: fc.array(run, { maxLength: 3 }) }),
      fc.record({ kind: fc.constant('list' as const), ordered: fc.boolean(), items: fc.array(fc.array(run, { maxLength: 3 }), { minLength: 1, maxLength: 3 }) }),
    );
    // Lexical joins neighbouring lists into one (with or without marks), so the blocks keep lists apart.
    const blocks = fc.array(block, { maxLength: 5 }).filter((list) => !list.some((b, i) => b.kind === 'list' && list[i - 1]?.kind === 'list'));
    fc.assert(
      fc.property(blocks, (blocks) => {
        const document = blocksToDocument(blocks);
        expect(reserialize(document)).toBe(document);
        expect(documentAnchors(document).passages).toEqual(expectedRanges(blocks));
      }),
      { numRuns: 150 },
    );
  });
});
