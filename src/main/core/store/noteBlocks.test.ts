// The note_blocks write path on a real workspace: splices keep the blocks they did not change, the
// full-text index follows every write, and replaced words leave the file.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NoteBlock } from '../../../shared/domain/noteBlocks';
import { storedDocument } from '../../../shared/note/blocks';
import { blocksToDocument } from '../../../shared/note/blocksToDocument';
import { createEngagement } from '../services/engagements';
import { insertNote } from '../services/notes';
import { freshWorkspace, TEST_REVIEWER, tempFolders } from '../testing/tempWorkspace';
import type { Workspace } from '../workspace/workspace';
import { blockRows, spliceBlocks, writeBlocks, type StoredBlock } from './noteBlocks';

const folders = tempFolders();
const open: Workspace[] = [];
afterEach(() => {
  open.splice(0).forEach((w) => w.close());
  folders.cleanup();
});

const stored = (texts: string[]): StoredBlock[] =>
  storedDocument(blocksToDocument(texts.map((text): NoteBlock => ({ kind: 'paragraph', runs: [{ text }] })))).blocks;

function noteWith(texts: string[]) {
  const workspace = freshWorkspace(join(folders.make(), 'w.fieldnotes'));
  open.push(workspace);
  const db = workspace.db;
  const engagement = createEngagement(db, { title: 'Leeds workshop', type: 'workshop', date: '2018-09-03' }, TEST_REVIEWER.id);
  const document = blocksToDocument(texts.map((text): NoteBlock => ({ kind: 'paragraph', runs: [{ text }] })));
  const id = insertNote(db, { engagementId: engagement.id, title: 'Notes', document, source: 'typed' }, TEST_REVIEWER.id);
  // Counts each row the writes touch (a temporary trigger, this connection's only).
  db.exec(`CREATE TEMP TABLE touched (what TEXT);
    CREATE TEMP TRIGGER touched_insert AFTER INSERT ON note_blocks BEGIN INSERT INTO touched VALUES ('insert'); END;
    CREATE TEMP TRIGGER touched_delete AFTER DELETE ON note_blocks BEGIN INSERT INTO touched VALUES ('delete'); END;
    CREATE TEMP TRIGGER touched_update AFTER UPDATE OF text ON note_blocks WHEN old.text IS NOT new.text BEGIN INSERT INTO touched VALUES ('update'); END;`);
  const touched = () => {
    const rows = db.prepare('SELECT what, count(*) AS n FROM touched GROUP BY what ORDER BY what').raw().all() as [string, number][];
    db.exec('DELETE FROM touched');
    return Object.fromEntries(rows);
  };
  const texts_ = () => db.prepare('SELECT text FROM note_blocks WHERE note_id = ? ORDER BY seq').pluck().all(id) as string[];
  const indexHolds = () => db.exec(`INSERT INTO note_blocks_fts(note_blocks_fts, rank) VALUES ('integrity-check', 1)`);
  return { workspace, db, id, touched, texts: texts_, indexHolds };
}

const paragraphs = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `Paragraph ${i} of the ${tag} notes, about training.`);

describe('spliceBlocks', () => {
  it('writes only the blocks that changed when a splice spans unchanged ones (a paragraph added first, the last edited)', () => {
    const before = paragraphs(40, 'site visit');
    const { db, id, touched, texts, indexHolds } = noteWith(before);
    const after = ['A new first paragraph.', ...before.slice(0, 39), 'The last paragraph, edited.'];
    const { seqs } = blockRows(db, id);
    const idsBefore = db.prepare('SELECT id FROM note_blocks WHERE note_id = ? ORDER BY seq').pluck().all(id);
    db.transaction(() => spliceBlocks(db, id, seqs, { start: 0, removed: 40 }, stored(after)))();
    expect(texts()).toEqual(after);
    // Paired by place, all 40 rows' text changed (each an index delete and insert); now one insert and one update.
    expect(touched()).toEqual({ insert: 1, update: 1 });
    const idsAfter = db.prepare('SELECT id FROM note_blocks WHERE note_id = ? ORDER BY seq').pluck().all(id);
    expect(idsAfter.slice(1, 40)).toEqual(idsBefore.slice(0, 39));
    indexHolds();
  });

  it('keeps a block order and an index that match the text over random splices, small and large', () => {
    const { db, id, texts, indexHolds } = noteWith(paragraphs(30, 'first'));
    let model = texts();
    let state = 7;
    const random = (n: number) => ((state = (state * 48271) % 2147483647), state % n);
    for (let round = 0; round < 60; round++) {
      const start = random(model.length + 1);
      const removed = random(Math.min(model.length - start, 25) + 1);
      const kept = model.slice(start, start + removed);
      // Inserted: some of the removed blocks again (in order), new ones and repeats between them.
      const inserted: string[] = [];
      for (const text of kept) if (random(3)) inserted.push(text);
      for (let k = random(20); k > 0; k--) inserted.splice(random(inserted.length + 1), 0, random(4) ? `New ${round}.${k} words` : '');
      const { seqs } = blockRows(db, id);
      const next = db.transaction(() => spliceBlocks(db, id, seqs, { start, removed }, stored(inserted)))();
      model = [...model.slice(0, start), ...inserted, ...model.slice(start + removed)];
      expect(texts(), `round ${round}`).toEqual(model);
      expect(next).toEqual(blockRows(db, id).seqs);
      expect([...next].sort((a, b) => a - b)).toEqual(next);
    }
    indexHolds();
    const found = db.prepare(`SELECT count(*) FROM note_blocks_fts WHERE note_blocks_fts MATCH 'training'`).pluck().get();
    expect(found).toBe(model.filter((t) => t.includes('training')).length);
  });

  it("leaves no replaced word in the file or its log, when many blocks are replaced at once", () => {
    const secret = (i: number) => `Quorncastle${'abcdefghijklmnopqrstuvwxyz'[i]} said the rota was unworkable.`;
    const { workspace, db, id, touched, indexHolds } = noteWith([...paragraphs(5, 'kept'), ...Array.from({ length: 20 }, (_, i) => secret(i))]);
    const path = workspace.path;
    const { seqs } = blockRows(db, id);
    db.transaction(() => spliceBlocks(db, id, seqs, { start: 5, removed: 20 }, stored(paragraphs(20, 'replacing'))))();
    expect(touched()).toEqual({ delete: 20, insert: 20 });
    indexHolds();
    open.splice(open.indexOf(workspace), 1);
    workspace.close();
    const bytes = Buffer.concat([readFileSync(path), existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`) : Buffer.alloc(0)]);
    expect(bytes.includes('of the replacing notes')).toBe(true); // the check is not vacuous
    for (const word of ['Quorncastlea', 'quorncastlea', 'quorncastlet', 'unworkable']) expect(bytes.includes(word), word).toBe(false);
  });
});

describe('writeBlocks', () => {
  it('rewrites an existing note (a merged text) by its changed blocks only', () => {
    const before = paragraphs(30, 'merged');
    const { db, id, touched, texts, indexHolds } = noteWith(before);
    const after = [...before.slice(0, 12), 'Edited on the other laptop.', ...before.slice(13)];
    db.transaction(() => writeBlocks(db, id, stored(after)))();
    expect(texts()).toEqual(after);
    expect(touched()).toEqual({ update: 1 });
    indexHolds();
  });
});
