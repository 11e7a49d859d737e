import type Database from 'better-sqlite3';
import type { Consent } from '../../../shared/domain/participant';

/**
 * `note_speakers` (migration 0014): each speaker code of a note and who it is — a participant, or
 * nobody yet (an unknown speaker). The one place that decides whose turn "P005:" is.
 */

export interface NoteSpeakerRow {
  code: string;
  participant_id: string | null;
  participant_code: string | null;
  staff_group: string | null;
  linked_by: string | null;
}

const json = (value: unknown) => JSON.stringify(value);

/**
 * Record codes that have just appeared in a note: each is linked to the participant who has that code
 * now, if anyone does, else left unknown. A code the note has had keeps its link (or its unknown).
 * Returns the codes that were new.
 */
export function addSpeakerCodes(db: Database.Database, noteId: string, codes: readonly string[]): string[] {
  if (codes.length === 0) return [];
  const known = new Set(
    db.prepare('SELECT code FROM note_speakers WHERE note_id = ? AND code IN (SELECT value FROM json_each(?))').pluck().all(noteId, json(codes)) as string[],
  );
  const fresh = [...new Set(codes)].filter((c) => !known.has(c));
  if (fresh.length === 0) return [];
  db.prepare(
    `INSERT OR IGNORE INTO note_speakers(note_id, code, participant_id)
     SELECT ?, j.value, (SELECT pa.id FROM participants pa WHERE pa.code = j.value) FROM json_each(?) j`,
  ).run(noteId, json(fresh));
  return fresh;
}

/** A copy of a note (kept beside it after a conflict) speaks with the original's voices: the same links. */
export function copySpeakers(db: Database.Database, fromNoteId: string, toNoteId: string): void {
  db.prepare(
    `INSERT OR IGNORE INTO note_speakers(note_id, code, participant_id, linked_by, linked_at)
     SELECT ?, code, participant_id, linked_by, linked_at FROM note_speakers WHERE note_id = ?`,
  ).run(toNoteId, fromNoteId);
}

/** Code → participant id (null: unknown speaker) for a note's codes. */
export function speakerLinks(db: Database.Database, noteId: string): Map<string, string | null> {
  const rows = db.prepare('SELECT code, participant_id FROM note_speakers WHERE note_id = ?').all(noteId) as { code: string; participant_id: string | null }[];
  return new Map(rows.map((r) => [r.code, r.participant_id]));
}

/** A note's speakers with who they are, in code order. */
export function noteSpeakers(db: Database.Database, noteId: string): NoteSpeakerRow[] {
  return db
    .prepare(
      `SELECT ns.code, ns.participant_id, pa.code AS participant_code, pa.staff_group, ns.linked_by
       FROM note_speakers ns LEFT JOIN participants pa ON pa.id = ns.participant_id
       WHERE ns.note_id = ? ORDER BY length(ns.code), ns.code`,
    )
    .all(noteId) as NoteSpeakerRow[];
}

/** Link a note's code to a participant (or mark it unknown) by a reviewer's choice. */
export function linkSpeaker(db: Database.Database, noteId: string, code: string, participantId: string | null, by: string, at: string): void {
  db.prepare(
    `INSERT INTO note_speakers(note_id, code, participant_id, linked_by, linked_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(note_id, code) DO UPDATE SET participant_id = excluded.participant_id, linked_by = excluded.linked_by, linked_at = excluded.linked_at`,
  ).run(noteId, code, participantId, by, at);
}

/**
 * A merge renumbered participants and rewrote a note's labels (merge/participantCodes.ts): its speakers
 * follow, keeping who each is. A row already under the new code gives way to the renumbered one.
 */
export function renameSpeakerCodes(db: Database.Database, noteId: string, codes: ReadonlyMap<string, string>): void {
  const drop = db.prepare('DELETE FROM note_speakers WHERE note_id = ? AND code = ?');
  const rename = db.prepare('UPDATE note_speakers SET code = ? WHERE note_id = ? AND code = ?');
  for (const [from, to] of codes) {
    if (!speakerLinks(db, noteId).has(from)) continue;
    drop.run(noteId, to);
    rename.run(to, noteId, from);
  }
}

/** For the staff-group filter: each note (by rowid) with its codes linked to someone in these groups. */
export function linkedCodesInStaffGroups(db: Database.Database, staffGroups: readonly string[]): Map<number, Set<string>> {
  const rows = db
    .prepare(
      `SELECT n.rowid AS rowid, ns.code FROM note_speakers ns JOIN notes n ON n.id = ns.note_id
       JOIN participants pa ON pa.id = ns.participant_id WHERE pa.staff_group IN (SELECT value FROM json_each(?))`,
    )
    .all(json(staffGroups)) as { rowid: number; code: string }[];
  const out = new Map<number, Set<string>>();
  for (const r of rows) {
    const codes = out.get(r.rowid);
    if (codes) codes.add(r.code);
    else out.set(r.rowid, new Set([r.code]));
  }
  return out;
}

/** Who a linked speaker of a search place is, as the hit shows it: the staff group, and consent for the sign. */
export interface LinkedSpeaker {
  staffGroup: string | null;
  consent: Consent;
}

/**
 * The staff group and consent of the participant each (note, code) is linked to; absent: unknown speaker. Read
 * for the notes as a whole (a page of search hits names ~50 notes and over a thousand pairs): matching each pair
 * through json_each cost more than reading those notes' few links.
 */
export function speakersOfPlaces(db: Database.Database, pairs: readonly { noteId: string; code: string }[]): Map<string, LinkedSpeaker> {
  if (pairs.length === 0) return new Map();
  const notes = [...new Set(pairs.map((p) => p.noteId))];
  const rows = db
    .prepare(
      `SELECT ns.note_id, ns.code, pa.staff_group, pa.consent FROM note_speakers ns JOIN participants pa ON pa.id = ns.participant_id
       WHERE ns.note_id IN (SELECT value FROM json_each(?))`,
    )
    .raw()
    .all(json(notes)) as [string, string, string | null, Consent][];
  const out = new Map<string, LinkedSpeaker>();
  for (const [note, code, staffGroup, consent] of rows) out.set(speakerKey(note, code), { staffGroup, consent });
  return out;
}

export const speakerKey = (noteId: string, code: string): string => `${noteId}\u0000${code}`;

/** Each note's speaker codes linked to nobody (of these notes; by default, all): the turns whose speaker's consent is unknown (issue 11). */
export function unlinkedSpeakerCodes(db: Database.Database, noteIds?: readonly string[]): Map<string, Set<string>> {
  const rows = (
    noteIds
      ? db.prepare('SELECT note_id, code FROM note_speakers WHERE participant_id IS NULL AND note_id IN (SELECT value FROM json_each(?))').all(json(noteIds))
      : db.prepare('SELECT note_id, code FROM note_speakers WHERE participant_id IS NULL').all()
  ) as { note_id: string; code: string }[];
  const byNote = new Map<string, Set<string>>();
  for (const r of rows) {
    const codes = byNote.get(r.note_id) ?? new Set<string>();
    codes.add(r.code);
    byNote.set(r.note_id, codes);
  }
  return byNote;
}
