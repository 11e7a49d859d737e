import type Database from 'better-sqlite3';
import type { StaffGroup } from '../../../shared/domain/participant';
import { listReviewers, reviewersById } from './reviewers';

/**
 * Read-only bulk reads for the exports (issue 13): the report and the coded
 * passages read across passages, their themes, notes, engagements and people
 * in one pass each, rather than one service call per row. They write nothing.
 */

/** Everyone who has written in the workspace, by name, in the order they first did (by name when at once). */
export function listReviewerNames(db: Database.Database): string[] {
  return listReviewers(db)
    .sort((a, b) => byText(a.firstSeen, b.firstSeen) || byText(a.name, b.name))
    .map((r) => r.name);
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
 * Read as six plain scans joined here by id, so each engagement's, person's and
 * reviewer's strings are made once and shared by their rows: one joined query
 * made 16 strings per row, and its ORDER BY sorted every row, quotes and all,
 * in a temporary B-tree — most of a review-scale CSV export (issue 13).
 * Detached passages are left out: their words are no longer in the evidence.
 */
export function codedPassageRows(db: Database.Database): CodedPassageRow[] {
  const engagements = new Map(
    (db.prepare('SELECT id, title, type, date, organisation FROM engagements').all() as { id: string; title: string; type: string; date: string; organisation: string }[]).map(
      (e) => [e.id, e],
    ),
  );
  const notes = new Map(
    (db.prepare('SELECT id, engagement_id, position FROM notes').all() as { id: string; engagement_id: string; position: number }[]).map((n) => [n.id, n]),
  );
  const people = new Map(
    (db.prepare('SELECT id, code, staff_group FROM participants').all() as { id: string; code: string; staff_group: StaffGroup }[]).map((p) => [p.id, p]),
  );
  const reviewers = reviewersById(db);
  const tags = new Map<string, { theme_id: string; tagged_by: string }[]>();
  for (const t of db.prepare('SELECT passage_id, theme_id, tagged_by FROM passage_themes').all() as { passage_id: string; theme_id: string; tagged_by: string }[]) {
    const list = tags.get(t.passage_id);
    if (list) list.push(t);
    else tags.set(t.passage_id, [t]);
  }
  const passages = db
    .prepare('SELECT id, note_id, start_offset, quoted_text, memo, key_quote, participant_id FROM passages WHERE detached = 0')
    .all() as { id: string; note_id: string; start_offset: number; quoted_text: string; memo: string; key_quote: number; participant_id: string | null }[];
  const rows: CodedPassageRow[] = [];
  for (const p of passages) {
    const note = notes.get(p.note_id);
    const engagement = note && engagements.get(note.engagement_id);
    const themes = tags.get(p.id);
    if (!engagement || !themes) continue;
    const person = p.participant_id === null ? undefined : people.get(p.participant_id);
    for (const t of themes) {
      rows.push({
        passage_id: p.id,
        theme_id: t.theme_id,
        quoted_text: p.quoted_text,
        memo: p.memo,
        key_quote: p.key_quote,
        participant_id: p.participant_id,
        participant_code: person?.code ?? null,
        staff_group: person?.staff_group ?? null,
        engagement_title: engagement.title,
        engagement_type: engagement.type,
        engagement_date: engagement.date,
        organisation: engagement.organisation,
        reviewer: reviewers.get(t.tagged_by)?.name ?? null,
        engagement_id: engagement.id,
        note_position: note.position,
        start_offset: p.start_offset,
      });
    }
  }
  return rows;
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
