import type Database from 'better-sqlite3';
import type { Passage } from '../../../shared/domain/passage';
import { FieldnotesError } from '../../../shared/rpc/result';
import { prepared } from './statements';
import { deleteMeta, readMeta, writeMeta } from './workspaceMeta';

type PassageTag = Passage['tags'][number];

/**
 * The `passages` table and its family, `passage_themes` (a passage's tags).
 *
 * Writes are few and named — insert, anchor, set memo / key quote / speaker,
 * tag, untag, delete — so authorship, a change log or tombstones hook in here.
 * Those run once per passage (creating a note's passages, tagging them, a bench
 * workspace's 160,000) keep their statements prepared (`prepared`): compiling an
 * insert with this table's triggers each time was most of its cost.
 */

export interface PassageRow {
  id: string;
  note_id: string;
  start_offset: number;
  end_offset: number;
  quoted_text: string;
  memo: string;
  key_quote: number;
  participant_id: string | null;
  speaker_set_by_hand: number;
  detached: number;
  created_at: string;
  created_by: string;
}

export const PASSAGE_COLUMNS =
  'id, note_id, start_offset, end_offset, quoted_text, memo, key_quote, participant_id, speaker_set_by_hand, detached, created_at, created_by';

interface TagRow {
  passage_id: string;
  theme_id: string;
  tagged_by: string;
  tagged_at: string;
}

export const passageMissing = (): FieldnotesError => new FieldnotesError('NOT_FOUND', 'That passage no longer exists.');

/** The tags of a set of passages, in the order they were made, read in one query. */
export function tagsFor(db: Database.Database, passageIds: readonly string[]): Map<string, PassageTag[]> {
  const byPassage = new Map<string, PassageTag[]>();
  if (passageIds.length === 0) return byPassage;
  const rows = prepared(
    db,
    `SELECT passage_id, theme_id, tagged_by, tagged_at FROM passage_themes
     WHERE passage_id IN (SELECT value FROM json_each(?)) ORDER BY tagged_at, theme_id`,
  ).all(JSON.stringify(passageIds)) as TagRow[];
  for (const row of rows) {
    const tag = { themeId: row.theme_id, taggedBy: row.tagged_by, taggedAt: row.tagged_at };
    const tags = byPassage.get(row.passage_id);
    if (tags) tags.push(tag);
    else byPassage.set(row.passage_id, [tag]);
  }
  return byPassage;
}

/** Rows to passages, with their tags read in one query for all of them. */
export function passagesFromRows(db: Database.Database, rows: readonly PassageRow[]): Passage[] {
  const tags = tagsFor(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    noteId: r.note_id,
    start: r.start_offset,
    end: r.end_offset,
    quotedText: r.quoted_text,
    memo: r.memo,
    keyQuote: r.key_quote === 1,
    participantId: r.participant_id,
    speakerSetByHand: r.speaker_set_by_hand === 1,
    detached: r.detached === 1,
    tags: tags.get(r.id) ?? [],
    createdAt: r.created_at,
    createdBy: r.created_by,
  }));
}

const IN_NOTE_ORDER = 'ORDER BY detached, start_offset, end_offset';

export function passagesForNote(db: Database.Database, noteId: string): Passage[] {
  const rows = db.prepare(`SELECT ${PASSAGE_COLUMNS} FROM passages WHERE note_id = ? ${IN_NOTE_ORDER}`).all(noteId) as PassageRow[];
  return passagesFromRows(db, rows);
}

/** The ids of every passage in these notes: what deleting the notes deletes. */
export function passageIdsInNotes(db: Database.Database, noteIds: readonly string[]): string[] {
  const rows = db.prepare('SELECT id FROM passages WHERE note_id IN (SELECT value FROM json_each(?))').all(JSON.stringify(noteIds)) as { id: string }[];
  return rows.map((r) => r.id);
}

export function passagesByIds(db: Database.Database, ids: readonly string[]): Passage[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(`SELECT ${PASSAGE_COLUMNS} FROM passages WHERE id IN (SELECT value FROM json_each(?)) ${IN_NOTE_ORDER}`)
    .all(JSON.stringify(ids)) as PassageRow[];
  return passagesFromRows(db, rows);
}

export function getPassage(db: Database.Database, id: string): Passage {
  const row = prepared(db, `SELECT ${PASSAGE_COLUMNS} FROM passages WHERE id = ?`).get(id) as PassageRow | undefined;
  if (!row) throw passageMissing();
  return passagesFromRows(db, [row])[0]!;
}

/** Refuse with the one message when the passage is gone. */
export function requirePassage(db: Database.Database, id: string): void {
  if (!prepared(db, 'SELECT 1 FROM passages WHERE id = ?').get(id)) throw passageMissing();
}

/** The note a passage belongs to, or undefined when there is no such passage. */
export function noteOfPassage(db: Database.Database, id: string): string | undefined {
  return (prepared(db, 'SELECT note_id FROM passages WHERE id = ?').get(id) as { note_id: string } | undefined)?.note_id;
}

// Anchoring: a save brings each passage of its note in line with the document.

/** What anchoring compares, by rowid for the narrowest writes. */
export interface AnchorRow {
  rowid: number;
  id: string;
  start_offset: number;
  end_offset: number;
  quoted_text: string;
  participant_id: string | null;
  speaker_set_by_hand: number;
  detached: number;
}

export function anchorRows(db: Database.Database, noteId: string): AnchorRow[] {
  return db
    .prepare(
      'SELECT rowid, id, start_offset, end_offset, quoted_text, participant_id, speaker_set_by_hand, detached FROM passages WHERE note_id = ?',
    )
    .all(noteId) as AnchorRow[];
}

const ANCHOR_COLUMNS = ['rowid', 'id', 'start_offset', 'end_offset', 'quoted_text', 'participant_id', 'speaker_set_by_hand', 'detached'];

/**
 * The rows a block-level save may have changed: named by id, or attached and overlapping `after` < end, start <
 * `before`. Two lookups, not one `OR`: with the `OR` SQLite read every passage of the note, row and all (15 ms a
 * save in a note of 4,000, issue 11). By id it seeks each (the ids first: CROSS JOIN keeps that order); the overlap
 * is found in passages_for_analysis (note, detached, start, end, …), whose entries carry the offsets, so only the
 * rows that overlap are read.
 */
export function anchorRowsTouching(db: Database.Database, noteId: string, ids: readonly string[], after: number, before: number): AnchorRow[] {
  return prepared(
    db,
    `SELECT ${ANCHOR_COLUMNS.map((c) => `p.${c}`).join(', ')} FROM json_each(@ids) AS j CROSS JOIN passages p
       WHERE p.id = j.value AND p.note_id = @note
     UNION
     SELECT ${ANCHOR_COLUMNS.join(', ')} FROM passages INDEXED BY passages_for_analysis
       WHERE note_id = @note AND detached = 0 AND start_offset < @before AND end_offset > @after`,
  ).all({ note: noteId, ids: JSON.stringify(ids), after, before: Math.min(before, Number.MAX_SAFE_INTEGER) }) as AnchorRow[];
}

/** Text typed before them moved these passages (attached, starting at `from` or later) by `by` code points. */
export function shiftPassages(db: Database.Database, noteId: string, from: number, by: number): void {
  if (!Number.isFinite(from)) return;
  prepared(
    db,
    'UPDATE passages SET start_offset = start_offset + @by, end_offset = end_offset + @by WHERE note_id = @note AND detached = 0 AND start_offset >= @from',
  ).run({ note: noteId, from, by });
}

/**
 * The passages a save moved but has not written yet (services/noteBlocks.ts): attached ones of `noteId` from `from`
 * on, by `by`, except those the save itself wrote (`settled` rowids, and `created` ids) — their offsets are final.
 */
export interface HeldShift {
  noteId: string;
  from: number;
  by: number;
  settled: number[];
  created: string[];
}

/** One held shift at most, kept in the workspace itself: a process that dies before writing it leaves it here. */
const HELD_SHIFT = 'held passage shift';

/** The shift a save held and nothing has written yet, if any. */
export function heldShift(db: Database.Database): HeldShift | undefined {
  const held = readMeta(db, HELD_SHIFT);
  return held === undefined ? undefined : (JSON.parse(held) as HeldShift);
}

/** Keep a shift to write after the save's answer, in the save's transaction, in place of any held before (written or composed first). */
export function holdShift(db: Database.Database, shift: HeldShift): void {
  writeMeta(db, HELD_SHIFT, JSON.stringify(shift));
}

/**
 * Move by `by` the rows an earlier save held still (its `settled` rowids and `created` ids: their offsets were
 * final) that start at `from` or later, but not those this save wrote (`except`): a few rows, by rowid.
 */
export function shiftSettled(db: Database.Database, held: Pick<HeldShift, 'settled' | 'created'>, from: number, by: number, except: readonly number[]): void {
  prepared(
    db,
    `UPDATE passages SET start_offset = start_offset + @by, end_offset = end_offset + @by
     WHERE (rowid IN (SELECT value FROM json_each(@settled)) OR id IN (SELECT value FROM json_each(@created)))
       AND detached = 0 AND start_offset >= @from AND rowid NOT IN (SELECT value FROM json_each(@except))`,
  ).run({ settled: JSON.stringify(held.settled), created: JSON.stringify(held.created), from, by, except: JSON.stringify(except) });
}

/**
 * Write the held shift, if any, in its own transaction (or the caller's). Every call to the core but a block save
 * (which composes with it or writes it), every re-anchoring and every opening does this first, so nothing reads the
 * moved passages' old offsets.
 */
export function writeHeldShift(db: Database.Database): boolean {
  const shift = heldShift(db);
  if (shift === undefined) return false;
  db.transaction(() => {
    prepared(
      db,
      `UPDATE passages SET start_offset = start_offset + @by, end_offset = end_offset + @by
       WHERE note_id = @note AND detached = 0 AND start_offset >= @from
         AND rowid NOT IN (SELECT value FROM json_each(@settled)) AND id NOT IN (SELECT value FROM json_each(@created))`,
    ).run({ note: shift.noteId, from: shift.from, by: shift.by, settled: JSON.stringify(shift.settled), created: JSON.stringify(shift.created) });
    deleteMeta(db, HELD_SHIFT);
  })();
  return true;
}

export interface Anchor {
  start: number;
  end: number;
  text: string;
  detached: 0 | 1;
  participant: string | null;
}

/**
 * The two writes of anchoring, prepared once for a whole note: `reanchor` when
 * what the editor shows changed (text, speaker, detachment), `move` when text
 * typed before it only shifted its offsets.
 */
export function anchorWriter(db: Database.Database, now: string) {
  const update = prepared(
    db,
    `UPDATE passages SET start_offset = @start, end_offset = @end, quoted_text = @text, detached = @detached,
       participant_id = @participant, updated_at = @now WHERE rowid = @rowid`,
  );
  const move = prepared(db, 'UPDATE passages SET start_offset = ?, end_offset = ? WHERE rowid = ?');
  return {
    reanchor: (rowid: number, anchor: Anchor) => void update.run({ rowid, now, ...anchor }),
    move: (rowid: number, start: number, end: number) => void move.run(start, end, rowid),
  };
}

export interface NewPassage {
  id: string;
  noteId: string;
  start: number;
  end: number;
  quotedText: string;
  participantId: string | null;
}

export function insertPassage(db: Database.Database, passage: NewPassage, reviewerId: string, now: string): void {
  prepared(
    db,
    `INSERT INTO passages(id, note_id, start_offset, end_offset, quoted_text, participant_id, created_at, created_by, updated_at)
     VALUES (@id, @note, @start, @end, @text, @participant, @now, @reviewer, @now)`,
  ).run({
    id: passage.id,
    note: passage.noteId,
    start: passage.start,
    end: passage.end,
    text: passage.quotedText,
    participant: passage.participantId,
    now,
    reviewer: reviewerId,
  });
}

export function setMemo(db: Database.Database, id: string, memo: string, now: string): void {
  prepared(db, 'UPDATE passages SET memo = ?, updated_at = ? WHERE id = ?').run(memo, now, id);
}

export function setKeyQuote(db: Database.Database, id: string, keyQuote: boolean, now: string): void {
  prepared(db, 'UPDATE passages SET key_quote = ?, updated_at = ? WHERE id = ?').run(keyQuote ? 1 : 0, now, id);
}

/** `participantId` given: chosen by hand, kept across saves. `'fromTurn'`: the next save derives it from the turn again. */
export function setSpeaker(db: Database.Database, id: string, speaker: { participantId: string | null } | 'fromTurn', now: string): void {
  if (speaker === 'fromTurn') {
    db.prepare('UPDATE passages SET speaker_set_by_hand = 0, updated_at = ? WHERE id = ?').run(now, id);
  } else {
    db.prepare('UPDATE passages SET participant_id = ?, speaker_set_by_hand = 1, updated_at = ? WHERE id = ?').run(speaker.participantId, now, id);
  }
}

export function deletePassage(db: Database.Database, id: string): void {
  if (db.prepare('DELETE FROM passages WHERE id = ?').run(id).changes === 0) throw passageMissing();
}

// passage_themes

/** Tag a passage with a theme; tagging it again changes nothing. */
export function addTag(db: Database.Database, passageId: string, themeId: string, reviewerId: string, now: string): void {
  prepared(
    db,
    `INSERT INTO passage_themes(passage_id, theme_id, tagged_at, tagged_by) VALUES (?, ?, ?, ?)
     ON CONFLICT(passage_id, theme_id) DO NOTHING`,
  ).run(passageId, themeId, now, reviewerId);
}

/** Remove one tag; answers how many tags the passage still has. */
export function removeTag(db: Database.Database, passageId: string, themeId: string): number {
  db.prepare('DELETE FROM passage_themes WHERE passage_id = ? AND theme_id = ?').run(passageId, themeId);
  return (db.prepare('SELECT count(*) AS n FROM passage_themes WHERE passage_id = ?').get(passageId) as { n: number }).n;
}

/** How many passages carry each theme. */
export function tagCountsByTheme(db: Database.Database): Map<string, number> {
  const rows = db.prepare('SELECT theme_id, count(*) AS n FROM passage_themes GROUP BY theme_id').all() as { theme_id: string; n: number }[];
  return new Map(rows.map((r) => [r.theme_id, r.n]));
}

/**
 * A theme's tags become another's (merging themes): a passage tagged with both
 * keeps the target's tag once. Answers how many moved and how many were
 * already tagged with the target.
 */
export function moveTags(db: Database.Database, fromThemeId: string, toThemeId: string): { moved: number; alreadyTagged: number } {
  const tagged = (db.prepare('SELECT count(*) AS n FROM passage_themes WHERE theme_id = ?').get(fromThemeId) as { n: number }).n;
  const moved = db
    .prepare(
      `INSERT OR IGNORE INTO passage_themes(passage_id, theme_id, tagged_at, tagged_by)
       SELECT passage_id, ?, tagged_at, tagged_by FROM passage_themes WHERE theme_id = ?`,
    )
    .run(toThemeId, fromThemeId).changes;
  db.prepare('DELETE FROM passage_themes WHERE theme_id = ?').run(fromThemeId);
  return { moved, alreadyTagged: tagged - moved };
}

// Themes going away (delete, merge): which passages they leave behind.

/** The passages tagged with any of `themeIds`. */
export function passagesTaggedWith(db: Database.Database, themeIds: readonly string[]): string[] {
  const rows = db
    .prepare('SELECT DISTINCT passage_id FROM passage_themes WHERE theme_id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(themeIds)) as { passage_id: string }[];
  return rows.map((r) => r.passage_id);
}

/** The passages whose every tag is one of `themeIds`: removing those themes leaves them with none. */
export function passagesOnlyTaggedWith(db: Database.Database, themeIds: readonly string[]): string[] {
  const rows = db
    .prepare(
      `WITH doomed(id) AS (SELECT value FROM json_each(@doomed))
       SELECT DISTINCT pt.passage_id FROM passage_themes pt WHERE pt.theme_id IN doomed
         AND NOT EXISTS (SELECT 1 FROM passage_themes o WHERE o.passage_id = pt.passage_id AND o.theme_id NOT IN doomed)`,
    )
    .all({ doomed: JSON.stringify(themeIds) }) as { passage_id: string }[];
  return rows.map((r) => r.passage_id);
}

/** Of `ids`, delete the passages left with no tag (a passage with no theme is not evidence of anything). */
export function deleteUntaggedPassages(db: Database.Database, ids: readonly string[]): number {
  return db
    .prepare(
      `DELETE FROM passages WHERE id IN (SELECT value FROM json_each(?))
         AND NOT EXISTS (SELECT 1 FROM passage_themes pt WHERE pt.passage_id = passages.id)`,
    )
    .run(JSON.stringify(ids)).changes;
}
