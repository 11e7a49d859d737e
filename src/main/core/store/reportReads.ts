import type Database from 'better-sqlite3';
import type { StaffGroup } from '../../../shared/domain/participant';

/**
 * Read-only bulk reads for the exports (issue 13): the report and the coded
 * passages read across passages, their themes, notes, engagements and people
 * in one pass each, rather than one service call per row. They write nothing.
 */

/** Everyone who has written in the workspace, by name, in the order they first did. */
export function listReviewerNames(db: Database.Database): string[] {
  return (db.prepare('SELECT name FROM reviewers ORDER BY first_seen, name').all() as { name: string }[]).map((r) => r.name);
}

/** How many participants each engagement met, by engagement id. */
export function participantCountsByEngagement(db: Database.Database): Map<string, number> {
  const rows = db.prepare('SELECT engagement_id, count(*) AS n FROM engagement_participants GROUP BY engagement_id').all() as {
    engagement_id: string;
    n: number;
  }[];
  return new Map(rows.map((r) => [r.engagement_id, r.n]));
}

/** Passages still in their notes that carry at least one theme. */
export function countCodedPassages(db: Database.Database): number {
  const row = db
    .prepare('SELECT count(*) AS n FROM passages p WHERE p.detached = 0 AND EXISTS (SELECT 1 FROM passage_themes pt WHERE pt.passage_id = p.id)')
    .get() as { n: number };
  return row.n;
}

export interface CodedPassageRow {
  passage_id: string;
  theme_id: string;
  quoted_text: string;
  memo: string;
  key_quote: number;
  participant_id: string | null;
  participant_code: string | null;
  staff_group: StaffGroup | null;
  engagement_title: string;
  engagement_type: string;
  engagement_date: string;
  organisation: string;
  reviewer: string | null;
  /** The order of the evidence: engagement date and id, the note's place, the passage's start. */
  engagement_id: string;
  note_position: number;
  start_offset: number;
}

/**
 * One row per passage and theme, for passages still in their notes, in no
 * particular order: the caller sorts by theme and `compareEvidenceOrder`.
 * SQLite's ORDER BY here sorted every row, quotes and all, in a temporary
 * B-tree, doubling the read at review scale (issue 13). Detached passages are
 * left out: their words are no longer in the evidence.
 */
export function codedPassageRows(db: Database.Database): CodedPassageRow[] {
  return db
    .prepare(
      `SELECT p.id AS passage_id, pt.theme_id, p.quoted_text, p.memo, p.key_quote, p.participant_id,
              pa.code AS participant_code, pa.staff_group, e.title AS engagement_title, e.type AS engagement_type,
              e.date AS engagement_date, e.organisation, r.name AS reviewer,
              e.id AS engagement_id, n.position AS note_position, p.start_offset
         FROM passage_themes pt
         JOIN passages p ON p.id = pt.passage_id
         JOIN notes n ON n.id = p.note_id
         JOIN engagements e ON e.id = n.engagement_id
         LEFT JOIN participants pa ON pa.id = p.participant_id
         LEFT JOIN reviewers r ON r.id = pt.tagged_by
        WHERE p.detached = 0`,
    )
    .all() as CodedPassageRow[];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Engagement date, engagement, the note's place, the passage's start, then its id: the order SQL used to give. */
export function compareEvidenceOrder(a: CodedPassageRow, b: CodedPassageRow): number {
  return (
    byText(a.engagement_date, b.engagement_date) ||
    byText(a.engagement_id, b.engagement_id) ||
    a.note_position - b.note_position ||
    a.start_offset - b.start_offset ||
    byText(a.passage_id, b.passage_id)
  );
}
