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

export interface CodedEngagement {
  id: string;
  title: string;
  type: string;
  date: string;
  organisation: string;
}

/** A passage still in its note that carries at least one theme, with its themes and where it was heard. */
export interface CodedPassage {
  passageId: string;
  quotedText: string;
  memo: string;
  keyQuote: boolean;
  participantId: string | null;
  /** The linked participant's code and staff group; undefined for no (or a removed) participant. */
  participant: { code: string; staff_group: StaffGroup } | undefined;
  /** Shared by every passage of the engagement. */
  engagement: CodedEngagement;
  /** Its themes, each with who tagged it (the reviewer's name). */
  tags: { themeId: string; reviewer: string | null }[];
}

/**
 * The coded passages in the evidence's order — engagement date and id, the
 * note's place, the passage's start, then its id — for the CSV and Excel
 * exports. Read as six plain scans joined here by id, so each engagement's,
 * person's and reviewer's strings are made once and shared: one joined query
 * made 16 strings per row, and its ORDER BY sorted every row, quotes and all,
 * in a temporary B-tree (issue 13). The passages are sorted once, on numbers
 * (an engagement's rank, the note's place, the offset), not once per theme on
 * strings. Detached passages are left out: their words are no longer in the evidence.
 */
export function codedPassages(db: Database.Database): CodedPassage[] {
  const engagementList = db.prepare('SELECT id, title, type, date, organisation FROM engagements').all() as CodedEngagement[];
  engagementList.sort((a, b) => byText(a.date, b.date) || byText(a.id, b.id));
  const engagements = new Map(engagementList.map((e, rank) => [e.id, { engagement: e, rank }]));
  const notes = new Map(
    (db.prepare('SELECT id, engagement_id, position FROM notes').all() as { id: string; engagement_id: string; position: number }[]).map((n) => [n.id, n]),
  );
  const people = new Map(
    (db.prepare('SELECT id, code, staff_group FROM participants').all() as { id: string; code: string; staff_group: StaffGroup }[]).map((p) => [p.id, p]),
  );
  const reviewers = reviewersById(db);
  const tags = new Map<string, CodedPassage['tags']>();
  for (const [passageId, themeId, taggedBy] of db.prepare('SELECT passage_id, theme_id, tagged_by FROM passage_themes').raw().all() as [string, string, string][]) {
    const tag = { themeId, reviewer: reviewers.get(taggedBy)?.name ?? null };
    const list = tags.get(passageId);
    if (list) list.push(tag);
    else tags.set(passageId, [tag]);
  }
  const passages = db
    .prepare('SELECT id, note_id, start_offset, quoted_text, memo, key_quote, participant_id FROM passages WHERE detached = 0')
    .raw()
    .all() as [string, string, number, string, string, number, string | null][];
  const coded: { passage: CodedPassage; rank: number; position: number; start: number }[] = [];
  for (const [id, noteId, start, quotedText, memo, keyQuote, participantId] of passages) {
    const note = notes.get(noteId);
    const heard = note && engagements.get(note.engagement_id);
    const themes = tags.get(id);
    if (!heard || !themes) continue;
    coded.push({
      rank: heard.rank,
      position: note.position,
      start,
      passage: {
        passageId: id,
        quotedText,
        memo,
        keyQuote: keyQuote !== 0,
        participantId,
        participant: participantId === null ? undefined : people.get(participantId),
        engagement: heard.engagement,
        tags: themes,
      },
    });
  }
  coded.sort((a, b) => a.rank - b.rank || a.position - b.position || a.start - b.start || byText(a.passage.passageId, b.passage.passageId));
  return coded.map((c) => c.passage);
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
