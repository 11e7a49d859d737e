import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NoteBlock } from '../../../shared/domain/noteBlocks';
import { createEngagement } from '../services/engagements';
import { search } from '../services/search';
import { TEST_REVIEWER, tempFolders } from '../testing/tempWorkspace';
import { createWorkspace, type Workspace } from '../workspace/workspace';
import { importNotes, PART_BLOCKS, splitIntoParts } from './importNotes';

const folders = tempFolders();
const open: Workspace[] = [];
afterEach(() => {
  open.splice(0).forEach((w) => w.close());
  folders.cleanup();
});

const paragraph = (text: string): NoteBlock => ({ kind: 'paragraph', runs: [{ text }] });
const heading = (text: string): NoteBlock => ({ kind: 'heading', level: 2, runs: [{ text }] });

describe('splitIntoParts', () => {
  it('keeps a small note whole', () => {
    const blocks = [heading('A'), paragraph('b'), paragraph('c')];
    expect(splitIntoParts(blocks, 100)).toEqual([blocks]);
  });

  it('splits at the size limit, preferring a heading near it, and loses no block', () => {
    const blocks = [paragraph('x'.repeat(40)), paragraph('y'.repeat(45)), heading('Part two'), paragraph('z'.repeat(60)), paragraph('w'.repeat(60))];
    const parts = splitIntoParts(blocks, 100);
    expect(parts).toEqual([[blocks[0], blocks[1]], [blocks[2], blocks[3]], [blocks[4]]]);
    expect(parts.flat()).toEqual(blocks);
  });

  it('splits by block count too', () => {
    expect(splitIntoParts([paragraph('a'), paragraph('b'), paragraph('c')], 1000, 2).map((p) => p.length)).toEqual([2, 1]);
  });
});

describe('importNotes', () => {
  it('is all or nothing: a failure while storing the third part leaves no note', async () => {
    const workspace = createWorkspace(join(folders.make(), 'w.fieldnotes'), { name: 'W', createdBy: TEST_REVIEWER });
    open.push(workspace);
    const engagement = createEngagement(workspace.db, { title: 'Leeds workshop', type: 'workshop', date: '2018-09-03' }, TEST_REVIEWER.id);
    // Stand in for a disk error part-way through: the insert of the third note fails.
    workspace.db.exec(`CREATE TEMP TRIGGER third_note_fails BEFORE INSERT ON notes
      WHEN (SELECT count(*) FROM notes) >= 2 BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END;`);
    const para = 'P014: '.concat('training matters. '.repeat(2000), '\n\n');
    const bytes = Buffer.from(para.repeat(Math.ceil(2_600_000 / para.length)));
    await expect(importNotes(() => workspace.db, { fileName: 'Long.txt', bytes }, engagement.id, TEST_REVIEWER.id)).rejects.toThrow(
      /simulated write failure/,
    );
    expect(workspace.db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 0 });

    workspace.db.exec('DROP TRIGGER third_note_fails');
    const notes = await importNotes(() => workspace.db, { fileName: 'Long.txt', bytes }, engagement.id, TEST_REVIEWER.id);
    expect(notes.map((n) => n.title)).toEqual(['Long (part 1 of 3)', 'Long (part 2 of 3)', 'Long (part 3 of 3)']);
  });

  it("indexes every block of every part it stores: search finds a part's first and last words, the index matches the rows", async () => {
    const workspace = createWorkspace(join(folders.make(), 'w.fieldnotes'), { name: 'W', createdBy: TEST_REVIEWER });
    open.push(workspace);
    const db = workspace.db;
    const engagement = createEngagement(db, { title: 'Leeds workshop', type: 'workshop', date: '2018-09-03' }, TEST_REVIEWER.id);
    // Two parts by block count; each part's first and last turn holds a word of its own.
    const turns = Array.from({ length: PART_BLOCKS + 10 }, (_, i) => `P014: training matters, turn ${i}.`);
    const marked = [0, PART_BLOCKS - 1, PART_BLOCKS, turns.length - 1];
    marked.forEach((at, k) => (turns[at] += ` Zebrafinch${'abcd'[k]} spoke.`));
    const bytes = Buffer.from(turns.join('\n'));
    const notes = await importNotes(() => db, { fileName: 'Long.txt', bytes }, engagement.id, TEST_REVIEWER.id);
    expect(notes.map((n) => n.title)).toEqual(['Long (part 1 of 2)', 'Long (part 2 of 2)']);

    marked.forEach((_, k) => {
      const found = search(db, { query: `zebrafinch${'abcd'[k]}`, limit: 10, offset: 0 });
      expect(found.hits.map((h) => h.source.noteId)).toEqual([notes[Math.floor(k / 2)]!.id]);
    });
    expect(search(db, { query: 'training', limit: 10, offset: 0 }).total).toBe(2);
    expect(db.prepare('SELECT count(*) FROM note_blocks').pluck().get()).toBe(turns.length);
    // FTS5 compares its index with the blocks' text, row by row: a block stored but not indexed fails it.
    expect(() => db.exec(`INSERT INTO note_blocks_fts(note_blocks_fts, rank) VALUES ('integrity-check', 1)`)).not.toThrow();
    // And the analysis index is told each new note changed.
    const changed = db.prepare('SELECT note_id FROM analysis_changes').pluck().all();
    expect(changed).toEqual(expect.arrayContaining(notes.map((n) => n.id)));
  });
});
