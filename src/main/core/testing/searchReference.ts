import type Database from 'better-sqlite3';
import type { PageReads } from '../services/search';
import { readMarked, CLOSE, OPEN } from '../services/searchText';
import { type LinkedSpeaker, speakerKey } from '../store/noteSpeakers';

/**
 * Search's page reads done the plain way (issue 8), kept only so search.reference.test.ts can hold the fast
 * ones to them: every block of each note marked on its own, nothing kept between queries, and each (note, code)
 * pair's staff group and consent looked up one by one.
 */
export const referenceReads: PageReads = {
  noteMarks(db, { anyTerm }, rowids) {
    // Each block of the note in order, marked where it matches any of the terms, asked one block at a time.
    const blocks = db
      .prepare(
        `SELECT b.text, (SELECT highlight(note_blocks_fts, 0, @open, @close) FROM note_blocks_fts
           WHERE note_blocks_fts MATCH @fts AND rowid = b.id)
         FROM notes n JOIN note_blocks b ON b.note_id = n.id WHERE n.rowid = @rowid ORDER BY b.seq`,
      )
      .raw();
    const out = new Map<number, { text: string; matches: { start: number; end: number }[] }>();
    for (const rowid of rowids) {
      const parts = blocks.all({ open: OPEN, close: CLOSE, fts: anyTerm, rowid }) as [string, string | null][];
      if (parts.length === 0) continue;
      const row = parts.map(([text, marked]) => marked ?? text).join('\n\n');
      out.set(rowid, readMarked(row) ?? { text: row.replace(/[\uFDD0\uFDD1\uFDD2]/g, ''), matches: [] });
    }
    return out;
  },
  speakers(db: Database.Database, pairs) {
    const who = db.prepare(
      `SELECT pa.staff_group AS staffGroup, pa.consent FROM note_speakers ns JOIN participants pa ON pa.id = ns.participant_id
         WHERE ns.note_id = ? AND ns.code = ?`,
    );
    const out = new Map<string, LinkedSpeaker>();
    for (const { noteId, code } of pairs) {
      const found = who.get(noteId, code) as LinkedSpeaker | undefined;
      if (found !== undefined) out.set(speakerKey(noteId, code), found);
    }
    return out;
  },
};
