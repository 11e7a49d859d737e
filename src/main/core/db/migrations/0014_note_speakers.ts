import type { Migration } from './index';

/**
 * Who each speaker code of a note is (issue 11). "P005:" in an imported transcript or a typed note used
 * to be matched by its text to whoever had code P005 — even someone given P005 later. Now each note holds
 * its codes in `note_speakers`: a code is linked to a participant when it first appears and a participant
 * has that code then, and otherwise is an unknown speaker (participant_id NULL) until someone links it by
 * hand (linked_by, linked_at). Passages, search's staff-group filter and the theme view read the link,
 * never the code. `store/noteSpeakers.ts` owns it; it merges like any record (db/changeTracking.ts).
 *
 * The notes already there keep what they meant: each code in their text is linked to the participant
 * who has that code now (the old matching), or unknown. Their text is read from `notes.plain_text`, or
 * from the notes' blocks where a note's text is kept per block.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'note_speakers',
  up: (db) => {
    db.exec(`
      CREATE TABLE note_speakers (
        note_id        TEXT NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
        code           TEXT NOT NULL,
        participant_id TEXT REFERENCES participants(id) ON DELETE SET NULL,
        linked_by      TEXT,
        linked_at      TEXT,
        PRIMARY KEY (note_id, code)
      ) STRICT;
      CREATE INDEX note_speakers_by_participant ON note_speakers(participant_id);
    `);
    const perBlock = db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'note_blocks'`).get() !== undefined;
    const ids = db.prepare('SELECT id FROM notes').pluck().all() as string[];
    const textOf = db.prepare('SELECT plain_text FROM notes WHERE id = ?').pluck();
    const blocksOf = perBlock ? db.prepare('SELECT text FROM note_blocks WHERE note_id = ? ORDER BY seq').pluck() : null;
    const insert = db.prepare(
      'INSERT OR IGNORE INTO note_speakers(note_id, code, participant_id) VALUES (?, ?, (SELECT id FROM participants WHERE code = ?))',
    );
    for (const id of ids) {
      const text = String(textOf.get(id) ?? '');
      const blocks = text || !blocksOf ? text.split('\n\n') : (blocksOf.all(id) as string[]);
      for (const block of blocks) {
        const code = /^(P\d{3,}):/.exec(block)?.[1];
        if (code) insert.run(id, code, code);
      }
    }
  },
};
