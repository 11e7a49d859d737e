import { indexedText } from '../../store/indexedText';
import type { Migration } from './index';

/**
 * Japanese and Chinese search (issue 11): each character of a CJK script becomes a word of the note index
 * (store/indexedText.ts), so 調査 finds 市場調査を行った; a search is given the same breaks (searchQuery.ts).
 *
 * - `note_blocks.indexed`: a block's text with a break (U+FDD2, a noncharacter) between each CJK letter and the
 *   letter or digit beside it; NULL where that is the text itself — every block of an English review.
 * - `note_blocks_indexed`: the view the index reads, the block's `indexed` text or else its text, so
 *   highlight() marks the text the index holds; search takes the breaks out again.
 * - `note_blocks_fts` is made again over the view, its tokenizer told that the break separates words; its
 *   instance table and triggers with it. The index is rebuilt in one go: the whole migration took 2.2 s
 *   (CPU 1.5 s, load 7) at four times review scale, and opening the file afterwards costs what it did.
 * - `memos_fts` is left as it was: a CJK word in a memo is still found only whole.
 */
export const migration0017: Migration = {
  version: 17,
  name: 'cjk_words',
  up: (db) => {
    db.exec(`
      DROP TRIGGER note_blocks_fts_insert;
      DROP TRIGGER note_blocks_fts_delete;
      DROP TRIGGER note_blocks_fts_update;
      DROP TABLE note_blocks_terms;
      DROP TABLE note_blocks_fts;
      ALTER TABLE note_blocks ADD COLUMN indexed TEXT;
      CREATE VIEW note_blocks_indexed AS SELECT id, coalesce(indexed, text) AS text FROM note_blocks;
    `);
    // Read first, then written: a connection cannot write while it iterates a query.
    const broken: [number, string][] = [];
    for (const [id, text] of db.prepare('SELECT id, text FROM note_blocks').raw().iterate() as IterableIterator<[number, string]>) {
      const indexed = indexedText(text);
      if (indexed !== null) broken.push([id, indexed]);
    }
    const write = db.prepare('UPDATE note_blocks SET indexed = ? WHERE id = ?');
    for (const [id, indexed] of broken) write.run(indexed, id);

    const mark = (noteId: string) => `
        UPDATE analysis_clock SET tick = tick + 1;
        INSERT INTO analysis_changes(note_id, tick) SELECT ${noteId}, tick FROM analysis_clock WHERE true
          ON CONFLICT(note_id) DO UPDATE SET tick = excluded.tick;`;
    db.exec(`
      CREATE VIRTUAL TABLE note_blocks_fts USING fts5(
        text, content = 'note_blocks_indexed', content_rowid = 'id', tokenize = "unicode61 remove_diacritics 2 separators '\uFDD2'"
      );
      INSERT INTO note_blocks_fts(note_blocks_fts, rank) VALUES ('secure-delete', 1);
      CREATE VIRTUAL TABLE note_blocks_terms USING fts5vocab(note_blocks_fts, instance);
      INSERT INTO note_blocks_fts(note_blocks_fts) VALUES ('rebuild');
      CREATE TRIGGER note_blocks_fts_insert AFTER INSERT ON note_blocks BEGIN
        INSERT INTO note_blocks_fts(rowid, text) VALUES (new.id, coalesce(new.indexed, new.text));${mark('new.note_id')}
      END;
      CREATE TRIGGER note_blocks_fts_delete AFTER DELETE ON note_blocks BEGIN
        INSERT INTO note_blocks_fts(note_blocks_fts, rowid, text) VALUES ('delete', old.id, coalesce(old.indexed, old.text));${mark('old.note_id')}
      END;
      CREATE TRIGGER note_blocks_fts_update AFTER UPDATE OF id, text, indexed ON note_blocks
      WHEN old.text IS NOT new.text OR old.id IS NOT new.id OR old.indexed IS NOT new.indexed BEGIN
        INSERT INTO note_blocks_fts(note_blocks_fts, rowid, text) VALUES ('delete', old.id, coalesce(old.indexed, old.text));
        INSERT INTO note_blocks_fts(rowid, text) VALUES (new.id, coalesce(new.indexed, new.text));${mark('new.note_id')}
      END;
    `);
  },
};
