import type { Migration } from './index';

/**
 * What the in-memory analysis index must re-read (issue 8; services/analysisIndex.ts).
 *
 * The matrix, co-occurrence, the theme view and filtered search answer from a
 * compact index of every passage held in memory; the bare SQL behind them is
 * itself slower than their targets at review scale. The index is kept current
 * by these triggers rather than by the services: like the FTS triggers, no
 * service, import or merge can forget them.
 *
 * - `analysis_clock.tick` goes up with every change the index cares about; an
 *   index that saw tick N re-reads only what changed after N.
 * - `analysis_changes`: per note, the tick of its last change — its passages,
 *   their themes or its text. One row per note (an upsert), so it stays small.
 *   The note id '*' stands for the small tables (themes, participants,
 *   engagements, the notes' order), which are re-read whole.
 * - A note's save re-anchors its passages; offsets that did not move write
 *   nothing here (the WHEN clauses), so typing at the end of a note costs one
 *   row for its text.
 */
const mark = (noteId: string) => `
        UPDATE analysis_clock SET tick = tick + 1;
        INSERT INTO analysis_changes(note_id, tick) SELECT ${noteId}, tick FROM analysis_clock WHERE true
          ON CONFLICT(note_id) DO UPDATE SET tick = excluded.tick;`;

/** A passage's note, found from a passage_themes row; none when the passage itself is being deleted. */
const markPassageNote = (passageId: string) => `
        UPDATE analysis_clock SET tick = tick + 1;
        INSERT INTO analysis_changes(note_id, tick) SELECT p.note_id, c.tick FROM passages p, analysis_clock c WHERE p.id = ${passageId}
          ON CONFLICT(note_id) DO UPDATE SET tick = excluded.tick;`;

const PASSAGE_COLUMNS = ['note_id', 'start_offset', 'end_offset', 'detached', 'participant_id', 'key_quote', 'created_by'];
const changed = (columns: string[]) => columns.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ');

/** The small tables: any change to them re-reads them whole. */
const wholeTableTriggers = (table: string, columns: string[] = []) => `
      CREATE TRIGGER analysis_${table}_insert AFTER INSERT ON ${table} BEGIN${mark(`'*'`)}
      END;
      CREATE TRIGGER analysis_${table}_delete AFTER DELETE ON ${table} BEGIN${mark(`'*'`)}
      END;
      CREATE TRIGGER analysis_${table}_update AFTER UPDATE ${columns.length ? `OF ${columns.join(', ')} ` : ''}ON ${table}
      ${columns.length ? `WHEN ${changed(columns)}` : ''} BEGIN${mark(`'*'`)}
      END;`;

export const migration0011: Migration = {
  version: 11,
  name: 'analysis_changes',
  up: (db) => {
    db.exec(`
      CREATE TABLE analysis_clock (id INTEGER PRIMARY KEY CHECK (id = 1), tick INTEGER NOT NULL) STRICT;
      INSERT INTO analysis_clock(id, tick) VALUES (1, 0);
      CREATE TABLE analysis_changes (note_id TEXT PRIMARY KEY, tick INTEGER NOT NULL) STRICT, WITHOUT ROWID;
      CREATE INDEX analysis_changes_by_tick ON analysis_changes(tick);

      CREATE TRIGGER analysis_passages_insert AFTER INSERT ON passages BEGIN${mark('new.note_id')}
      END;
      CREATE TRIGGER analysis_passages_delete AFTER DELETE ON passages BEGIN${mark('old.note_id')}
      END;
      CREATE TRIGGER analysis_passages_update AFTER UPDATE OF ${PASSAGE_COLUMNS.join(', ')} ON passages
      WHEN ${changed(PASSAGE_COLUMNS)} BEGIN${mark('old.note_id')}${mark('new.note_id')}
      END;

      CREATE TRIGGER analysis_passage_themes_insert AFTER INSERT ON passage_themes BEGIN${markPassageNote('new.passage_id')}
      END;
      CREATE TRIGGER analysis_passage_themes_delete AFTER DELETE ON passage_themes BEGIN${markPassageNote('old.passage_id')}
      END;
      CREATE TRIGGER analysis_passage_themes_update AFTER UPDATE ON passage_themes BEGIN${markPassageNote('old.passage_id')}${markPassageNote('new.passage_id')}
      END;

      CREATE TRIGGER analysis_notes_text AFTER UPDATE OF plain_text ON notes
      WHEN old.plain_text IS NOT new.plain_text BEGIN${mark('new.id')}
      END;
      ${wholeTableTriggers('notes', ['id', 'engagement_id', 'position'])}
      ${wholeTableTriggers('themes')}
      ${wholeTableTriggers('participants')}
      ${wholeTableTriggers('engagements')}
    `);
  },
};
