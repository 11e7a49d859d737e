import { createHeadlessEditor } from '@lexical/headless';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blocksToDocument } from '../../../shared/note/blocksToDocument';
import { diffBlocks } from '../../../shared/note/blocks';
import { createNoteEditor, deleteRange, insertText, redo, serialize, splitParagraph, tagRange, undo } from '../../../shared/note/editing';
import { noteNodes } from '../../../shared/note/nodes';
import { NoteSectionNode, SECTION_BLOCKS } from '../../../shared/note/NoteSectionNode';
import { openNoteDocument } from '../../../shared/note/openDocument';
import { BlockSerializer } from './blockSerializer';
import { NoteSaver, type SaveCall } from './noteSaver';

const note = (texts: string[]) => blocksToDocument(texts.map((t) => ({ kind: 'paragraph' as const, runs: [{ text: t }] })));

describe('BlockSerializer (issue 11)', () => {
  it('saves the live note’s blocks, never its sections (NoteSectionNode.ts)', () => {
    const texts = Array.from({ length: 2 * SECTION_BLOCKS + 7 }, (_, i) => `Block ${i} of the note.`);
    const live = createHeadlessEditor({ nodes: [...noteNodes, NoteSectionNode], onError: (e) => { throw e; } });
    openNoteDocument(live, note(texts));
    const plain = createNoteEditor(note(texts));
    const serializer = new BlockSerializer(live);
    for (const editor of [live, plain]) {
      insertText(editor, 3, 'typed ');
      splitParagraph(editor, 1200); // in the third section
    }
    expect(serializer.blocks()).toHaveLength(2 * SECTION_BLOCKS + 8);
    expect(serializer.document()).toBe(serialize(plain));
    expect(serializer.verify()).toBe(true);
  });

  it('property: after any edit, undo or redo its document is byte for byte the editor state’s JSON', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('AI', ' triage ', '🙂', 'P014: ') }),
      fc.record({ kind: fc.constant('delete' as const), a: fc.nat(), b: fc.nat() }),
      fc.record({ kind: fc.constant('split' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('tag' as const), a: fc.nat(), b: fc.nat() }),
      fc.constant({ kind: 'undo' as const }),
      fc.constant({ kind: 'redo' as const }),
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Staff need training.', 'The AI reads scans.', 'P015: Yes.'), { minLength: 1, maxLength: 5 }), fc.array(op, { maxLength: 30 }), (texts, ops) => {
        const editor = createNoteEditor(note(texts));
        const serializer = new BlockSerializer(editor);
        let n = 0;
        for (const o of ops) {
          const length = serialize(editor).length;
          const [s, e] = [('a' in o ? o.a : 0) % 200, ('b' in o ? o.b : 0) % 200].sort((x, y) => x - y) as [number, number];
          if (o.kind === 'insert') insertText(editor, o.at % 200, o.text);
          else if (o.kind === 'delete') deleteRange(editor, s, e);
          else if (o.kind === 'split') splitParagraph(editor, o.at % 200);
          else if (o.kind === 'tag') tagRange(editor, s, Math.max(e, s + 1), `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`);
          else if (o.kind === 'undo') undo(editor);
          else redo(editor);
          expect(serializer.document(), `after ${o.kind} (document was ${length} chars)`).toBe(serialize(editor));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('typing in one paragraph re-serializes that paragraph only', () => {
    const editor = createNoteEditor(note(['One.', 'Two.', 'Three.']));
    const serializer = new BlockSerializer(editor);
    const before = serializer.blocks();
    insertText(editor, 'One.\n\nTwo'.length, ' more');
    const after = serializer.blocks();
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[2]);
    expect(diffBlocks(before, after)).toEqual({ start: 1, removed: 1, blocks: [after[1]], total: 3 });
  });
});

describe('NoteSaver with blocks', () => {
  const ok = (revision: number) => ({ ok: true as const, value: { revision, wordCount: 1, savedAt: 'now', changedPassages: [] } });

  it('sends only the changed blocks once the opened note is acknowledged, and the whole document when the core cannot place them', async () => {
    const editor = createNoteEditor(note(['One.', 'Two.', 'Three.']));
    const calls: Parameters<SaveCall>[0][] = [];
    let refuse = false;
    const call: SaveCall = async (input) => {
      calls.push(input);
      if (refuse && input.patch) return { ok: false as const, error: { code: 'INVALID_INPUT' as const, message: 'not in the expected form' } };
      return ok(input.baseRevision + 1);
    };
    const saver = new NoteSaver('note-1', 3, new BlockSerializer(editor), [], call);
    saver.acknowledgeOpened();
    insertText(editor, 'One.\n\nTwo'.length, ' more');
    saver.touch();
    expect(await saver.flush()).toBe(true);
    expect(calls[0]).toMatchObject({ baseRevision: 3, patch: { start: 1, removed: 1, total: 3 } });
    expect(calls[0]!.document).toBeUndefined();
    expect(calls[0]!.patch!.blocks.join()).toContain('Two more.');

    refuse = true;
    insertText(editor, 0, 'Only ');
    saver.touch();
    expect(await saver.flush()).toBe(true);
    expect(calls.slice(1).map((c) => (c.patch ? 'patch' : 'document'))).toEqual(['patch', 'document']);
    expect(calls[2]!.document).toBe(serialize(editor));
  });

  it('a block gone stale is caught when the person leaves the note: the next save sends the whole document', async () => {
    const editor = createNoteEditor(note(['One.', 'Two.']));
    const calls: Parameters<SaveCall>[0][] = [];
    const call: SaveCall = async (input) => {
      calls.push(input);
      return ok(input.baseRevision + 1);
    };
    const serializer = new BlockSerializer(editor);
    const saver = new NoteSaver('note-1', 0, serializer, [], call);
    saver.acknowledgeOpened();
    serializer.dispose(); // stops following updates: the kept blocks go stale
    insertText(editor, 0, 'Lost? ');
    saver.verifyBlocks();
    expect(await saver.flush()).toBe(true);
    expect(calls.at(-1)!.document).toBe(serialize(editor));
  });
});
