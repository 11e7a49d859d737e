import type Database from 'better-sqlite3';
import type { Dimension } from '../../../shared/domain/matrix';

/**
 * The reads behind the framework matrix's labels and coverage (issue 8).
 * They only read and return compact rows; the services count from them. The
 * counts themselves come from the analysis index (store/analysisIndex.ts).
 */

/** Labels of the columns a dimension can have, by key. */
export function dimensionLabels(db: Database.Database, dimension: Dimension): { key: string; label: string; sort_key: number | string }[] {
  switch (dimension) {
    case 'engagementType':
      return db.prepare('SELECT id AS key, label, position AS sort_key FROM engagement_types').all() as never;
    case 'engagement':
      return db.prepare(`SELECT id AS key, title || ' (' || date || ')' AS label, date || title || id AS sort_key FROM engagements`).all() as never;
    case 'participant':
      return db.prepare('SELECT id AS key, code AS label, number AS sort_key FROM participants').all() as never;
    default:
      return [];
  }
}

/** Staff groups of the participants met, with how many (for the matrix's columns and coverage). */
export const participantsByStaffGroup = (db: Database.Database): { staff_group: string; n: number }[] =>
  db.prepare('SELECT staff_group, count(*) AS n FROM participants GROUP BY staff_group').all() as { staff_group: string; n: number }[];

// ── coverage ────────────────────────────────────────────────────────────────

/** Per staff group: participants met, participants quoted (with at least one passage), passages. */
export const staffGroupCoverage = (db: Database.Database) =>
  db
    .prepare(
      `SELECT pa.staff_group AS key, count(*) AS participants_met,
         count(*) FILTER (WHERE q.n > 0) AS participants_quoted, coalesce(sum(q.n), 0) AS passages
       FROM participants pa
       LEFT JOIN (SELECT participant_id, count(*) AS n FROM passages WHERE participant_id IS NOT NULL GROUP BY participant_id) q
         ON q.participant_id = pa.id
       GROUP BY pa.staff_group`,
    )
    .all() as { key: string; participants_met: number; participants_quoted: number; passages: number }[];

/** Per engagement type: engagements, engagements with a passage, participants met there, passages. */
export const engagementTypeCoverage = (db: Database.Database) =>
  db
    .prepare(
      `WITH tagged(engagement_id, n) AS (
         SELECT n.engagement_id, count(*) FROM passages p JOIN notes n ON n.id = p.note_id GROUP BY n.engagement_id
       )
       SELECT t.id AS key, t.label, count(e.id) AS engagements, count(tg.n) AS engagements_tagged,
         (SELECT count(DISTINCT ep.participant_id) FROM engagement_participants ep JOIN engagements e2 ON e2.id = ep.engagement_id
          WHERE e2.type = t.id) AS participants_met,
         coalesce(sum(tg.n), 0) AS passages
       FROM engagement_types t
       LEFT JOIN engagements e ON e.type = t.id
       LEFT JOIN tagged tg ON tg.engagement_id = e.id
       GROUP BY t.id ORDER BY t.position`,
    )
    .all() as { key: string; label: string; engagements: number; engagements_tagged: number; participants_met: number; passages: number }[];

export const participantsNeverQuoted = (db: Database.Database) =>
  db
    .prepare(
      `SELECT pa.id, pa.code, pa.staff_group AS staffGroup,
         (SELECT count(*) FROM engagement_participants ep WHERE ep.participant_id = pa.id) AS engagements
       FROM participants pa
       WHERE NOT EXISTS (SELECT 1 FROM passages p WHERE p.participant_id = pa.id)
       ORDER BY pa.number`,
    )
    .all() as { id: string; code: string; staffGroup: string; engagements: number }[];

export const engagementsNeverTagged = (db: Database.Database) =>
  db
    .prepare(
      `SELECT e.id, e.title, e.type, e.date,
         (SELECT count(*) FROM notes n WHERE n.engagement_id = e.id) AS notes,
         (SELECT coalesce(sum(n.word_count), 0) FROM notes n WHERE n.engagement_id = e.id) AS words
       FROM engagements e
       WHERE NOT EXISTS (SELECT 1 FROM notes n JOIN passages p ON p.note_id = n.id WHERE n.engagement_id = e.id)
       ORDER BY e.date, e.title, e.id`,
    )
    .all() as { id: string; title: string; type: string; date: string; notes: number; words: number }[];
