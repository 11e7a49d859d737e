import type { Migration } from './index';

/**
 * Typing before a thousand passages moves a thousand passages (issue 11): the cost of that one
 * `UPDATE passages SET start_offset = start_offset + n …` (store/passages.ts `shiftPassages`) must not be a
 * thousand times anything but the row itself. Measured on the 200,000-word note of a scale-4 workspace,
 * shifting its later 2,000 passages took 250–380 ms; after this migration 30–75 ms (loaded machine).
 *
 * - `passages_for_analysis` (0007) led with the passage id, so each moved passage rewrote an index entry on
 *   a page of its own: 2,000 scattered pages written per keystroke's save. The same columns led by the note
 *   keep a note's entries together; the analysis index's full read (store/analysisIndex.ts, which names this
 *   index) now comes out in the order it asks for, with no sort.
 * - 0011's `analysis_passages_update` marked the note twice per moved passage (two clock ticks, two
 *   upserts each). A passage that only moved (its quoted text and everything else the same) now marks its
 *   note only when the note is not already marked at the current tick: the first moved passage marks it,
 *   the rest find it marked. That is exact because a passage moves with its text unchanged only when the
 *   note's text before it changed, in the same transaction and before it (a save, a merge), and a change of
 *   the note's text marks the note (0011's `analysis_notes_text`) at a tick no index has seen. Any other
 *   change of a passage — its quoted text included — marks as before.
 */
const mark = (noteId: string) => `
        UPDATE analysis_clock SET tick = tick + 1;
        INSERT INTO analysis_changes(note_id, tick) SELECT ${noteId}, tick FROM analysis_clock WHERE true
          ON CONFLICT(note_id) DO UPDATE SET tick = excluded.tick;`;

const OTHER_COLUMNS = ['note_id', 'quoted_text', 'detached', 'participant_id', 'key_quote', 'created_by'];
const OFFSETS = ['start_offset', 'end_offset'];
const changed = (columns: string[]) => columns.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ');

export const migration0012: Migration = {
  version: 12,
  name: 'passage_moves',
  up: (db) => {
    db.exec(`
      DROP INDEX passages_for_analysis;
      CREATE INDEX passages_for_analysis ON passages(note_id, detached, start_offset, end_offset, id, participant_id, key_quote, created_by);

      DROP TRIGGER analysis_passages_update;
      CREATE TRIGGER analysis_passages_update AFTER UPDATE OF ${OTHER_COLUMNS.join(', ')} ON passages
      WHEN ${changed(OTHER_COLUMNS)} BEGIN${mark('old.note_id')}${mark('new.note_id')}
      END;
      CREATE TRIGGER analysis_passages_move AFTER UPDATE OF ${OFFSETS.join(', ')} ON passages
      WHEN (${changed(OFFSETS)}) AND NOT (${changed(OTHER_COLUMNS)})
        AND NOT EXISTS (SELECT 1 FROM analysis_changes c, analysis_clock k WHERE c.note_id = new.note_id AND c.tick = k.tick) BEGIN${mark('new.note_id')}
      END;
    `);
  },
};
