import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NoteBlock } from '../../../shared/domain/noteBlocks';
import { createEngagement } from '../services/engagements';
import { TEST_REVIEWER, tempFolders } from '../testing/tempWorkspace';
import { createWorkspace, type Workspace } from '../workspace/workspace';
import { importNotes, splitIntoParts } from './importNotes';

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
});
