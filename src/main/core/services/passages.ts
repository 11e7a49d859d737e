import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '../../../shared/contract/methods';
import type Database from 'better-sqlite3';
import type { Passage } from '../../../shared/domain/passage';
import type { Theme } from '../../../shared/domain/theme';
import { wholeAnchorSource, type AnchorSource, type DocumentAnchors } from '../../../shared/note/anchors';
import { createNoteEditor, serialize, tagRange } from '../../../shared/note/editing';
import { FieldnotesError } from '../../../shared/rpc/result';
import { getNote } from '../store/notes';
import { addSpeakerCodes, speakerLinks } from '../store/noteSpeakers';
import { requireParticipant } from '../store/participants';
import * as passageStore from '../store/passages';
import { getPassage, requirePassage } from '../store/passages';
import { requireTheme } from '../store/themes';
import { themeForName } from './themes';

export { getPassage, passagesByIds, passagesForNote } from '../store/passages';

/**
 * Who speaks each turn of a note: its codes' links (store/noteSpeakers.ts), after recording the codes
 * that have just appeared — never the code's text, so "P005:" is nobody until linked, even once someone
 * is given P005 (issue 11). One query for the note: a save looks up the speaker of every passage.
 */
function speakersOf(db: Database.Database, noteId: string, anchors: AnchorSource): (code: string | null) => string | null {
  addSpeakerCodes(db, noteId, anchors.speakerCodes());
  const links = speakerLinks(db, noteId);
  return (code) => (code ? (links.get(code) ?? null) : null);
}

/**
 * Which passages a block-level save can have changed (issue 11): those overlapping the replaced
 * blocks (old offsets `touchingAfter` < end and start < `touchingBefore`), those whose ids were or are in
 * the replaced blocks' marks, and — only moved — every attached passage from `touchingBefore` on, by
 * `shift` code points.
 */
export interface AnchorScope {
  ids: string[];
  touchingAfter: number;
  touchingBefore: number;
  shift: number;
}

/**
 * After a note is saved: bring its passages in line with its document, and
 * return the ids of those whose quoted text, speaker or detachment changed
 * (the ones only moved by text typed before them are stored, but are not news
 * to the editor). A passage whose mark is there gets its offsets, quoted text
 * and (unless chosen by hand) speaker from the document; one whose mark is
 * gone is marked detached, never dropped — undo in the editor brings the mark
 * back and the next save re-attaches it. Marks of passages that belong to
 * another note (pasted from elsewhere) are left alone. With a scope (a
 * block-level save), only the passages it names are read; the rest are moved
 * in one statement.
 */
export function anchorPassages(db: Database.Database, noteId: string, anchors: DocumentAnchors, scope?: AnchorScope): string[] {
  return anchor(db, noteId, wholeAnchorSource(anchors), scope).changed;
}

/** What anchoring a block save did: see `anchorBlockSave`. */
export interface BlockAnchoring {
  changed: string[];
  /** The rows read and written here: their offsets are final. */
  settled: number[];
  /** Every changed passage kept its speaker and detachment: only its quoted text (and place) changed. */
  onlyRetyped: boolean;
}

/**
 * `anchorPassages` for a block save. With `holdShift`, the passages after the splice are not moved here: the
 * caller holds that shift (store/passages.ts `holdShift`) to write after answering, and `settled` names the rows
 * this wrote, which must not move with it.
 */
export function anchorBlockSave(
  db: Database.Database,
  noteId: string,
  anchors: AnchorSource,
  scope: AnchorScope,
  shift: { hold: boolean; keepHeld: boolean },
): BlockAnchoring {
  return anchor(db, noteId, anchors, scope, shift);
}

/**
 * With `keepHeld`, the shift an earlier save held is left unwritten: the caller composes it with this one, which it
 * may do only when every passage that shift moves starts where the scope ends or later (services/noteBlocks.ts).
 * Read here by its old offsets (text was typed before it), such a passage is placed by its marks and settled.
 */
function anchor(
  db: Database.Database,
  noteId: string,
  anchors: AnchorSource,
  scope: AnchorScope | undefined,
  shift: { hold: boolean; keepHeld: boolean } = { hold: false, keepHeld: false },
): BlockAnchoring {
  // A shift an earlier save held is written first: the rows are read, and written, in their present places.
  if (!shift.keepHeld) passageStore.writeHeldShift(db);
  if (scope && scope.shift !== 0 && !shift.hold) passageStore.shiftPassages(db, noteId, scope.touchingBefore, scope.shift);
  const rows = scope
    ? passageStore.anchorRowsTouching(db, noteId, scope.ids, scope.touchingAfter, scope.touchingBefore)
    : passageStore.anchorRows(db, noteId);
  const changed: string[] = [];
  const settled = rows.map((r) => r.rowid);
  let onlyRetyped = true;
  const participantByCode = speakersOf(db, noteId, anchors);
  if (rows.length === 0) return { changed, settled, onlyRetyped };
  const write = passageStore.anchorWriter(db, new Date().toISOString());
  for (const row of rows) {
    const range = anchors.range(row.id);
    const next: passageStore.Anchor = range
      ? {
          start: range.start,
          end: range.end,
          text: anchors.slice(range.start, range.end),
          detached: 0,
          participant: row.speaker_set_by_hand ? row.participant_id : participantByCode(anchors.speakerAt(range.start)),
        }
      : { start: row.start_offset, end: row.end_offset, text: row.quoted_text, detached: 1, participant: row.participant_id };
    const same = next.text === row.quoted_text && next.detached === row.detached && next.participant === row.participant_id;
    const moved = next.start !== row.start_offset || next.end !== row.end_offset;
    if (!same) {
      write.reanchor(row.rowid, next);
      changed.push(row.id);
      if (next.detached !== row.detached || next.participant !== row.participant_id) onlyRetyped = false;
    } else if (moved) {
      // Text typed before a passage only moves it: the narrowest write, and not news for the editor.
      write.move(row.rowid, next.start, next.end);
    }
  }
  return { changed, settled, onlyRetyped };
}

/** A passage the editor has just marked, with its first themes (or the name of one to create). */
export type PassageToCreate = NonNullable<ParsedInput<'notes.save'>['createPassages']>[number];

/** Create passages whose marks the editor has just put in this note's document (within the save's transaction). */
export function createPassages(
  db: Database.Database,
  noteId: string,
  text: DocumentAnchors | AnchorSource,
  creates: PassageToCreate[],
  reviewerId: string,
): void {
  const now = new Date().toISOString();
  // One source for all: slicing a text with emoji builds its code point index, and an import creates hundreds at once.
  const anchors = 'passages' in text ? wholeAnchorSource(text) : text;
  const participantByCode = speakersOf(db, noteId, anchors);
  for (const create of creates) {
    const range = anchors.range(create.id);
    if (!range) throw new FieldnotesError('INVALID_INPUT', 'The passage to tag is not in the note any more. Select the text again.');
    const existingNote = passageStore.noteOfPassage(db, create.id);
    if (existingNote !== undefined && existingNote !== noteId) {
      throw new FieldnotesError('CONFLICT', 'That passage belongs to another note. Select the text again to tag it here.');
    }
    if (existingNote === undefined) {
      const passage = {
        id: create.id,
        noteId,
        start: range.start,
        end: range.end,
        quotedText: anchors.slice(range.start, range.end),
        participantId: participantByCode(anchors.speakerAt(range.start)),
      };
      passageStore.insertPassage(db, passage, reviewerId, now);
    }
    for (const themeId of create.themeIds) addTag(db, create.id, themeId, reviewerId, now);
    if (create.newThemeName !== undefined) addTag(db, create.id, themeForName(db, create.newThemeName, reviewerId).theme.id, reviewerId, now);
  }
}

function addTag(db: Database.Database, passageId: string, themeId: string, reviewerId: string, now: string): void {
  requireTheme(db, themeId);
  passageStore.addTag(db, passageId, themeId, reviewerId, now);
}

export function tagPassage(db: Database.Database, passageId: string, themeId: string, reviewerId: string): Passage {
  return db.transaction(() => {
    requirePassage(db, passageId);
    addTag(db, passageId, themeId, reviewerId, new Date().toISOString());
    return getPassage(db, passageId);
  })();
}

export function untagPassage(db: Database.Database, passageId: string, themeId: string): Passage | null {
  return db.transaction(() => {
    requirePassage(db, passageId);
    if (passageStore.removeTag(db, passageId, themeId) > 0) return getPassage(db, passageId);
    // A passage with no theme is not evidence of anything.
    passageStore.deletePassage(db, passageId);
    return null;
  })();
}

export function updatePassage(
  db: Database.Database,
  input: ParsedInput<'passages.update'>,
): Passage {
  return db.transaction(() => {
    requirePassage(db, input.id);
    const now = new Date().toISOString();
    if (input.memo !== undefined) passageStore.setMemo(db, input.id, input.memo, now);
    if (input.keyQuote !== undefined) passageStore.setKeyQuote(db, input.id, input.keyQuote, now);
    if (input.participantId !== undefined) {
      if (input.participantId) requireParticipant(db, input.participantId);
      passageStore.setSpeaker(db, input.id, { participantId: input.participantId }, now);
    }
    if (input.speakerFromTurn) passageStore.setSpeaker(db, input.id, 'fromTurn', now);
    return getPassage(db, input.id);
  })();
}

export const deletePassage = passageStore.deletePassage;

/**
 * Tag a range of a note without the editor (a search hit): put the mark in
 * the stored document with the same headless editor and transforms the live
 * one uses, and save document and passage together.
 */
export function createPassageFromRange(
  db: Database.Database,
  input: { noteId: string; start: number; end: number; themeIds: string[]; newThemeName?: string },
  save: (document: string, baseRevision: number, creates: PassageToCreate[]) => void,
): Passage {
  const note = getNote(db, input.noteId);
  const editor = createNoteEditor(note.document);
  const id = randomUUID();
  if (!tagRange(editor, input.start, input.end, id)) {
    throw new FieldnotesError('INVALID_INPUT', 'That part of the note has changed since it was found. Search again, then tag it.');
  }
  save(serialize(editor), note.revision, [{ id, themeIds: input.themeIds, newThemeName: input.newThemeName }]);
  return getPassage(db, id);
}

/**
 * Tag with a theme named in the picker (an existing passage, or a search
 * hit's stretch of a note), creating the theme when no top-level theme has
 * that name — in one transaction, so a failed tag leaves no stray theme.
 */
export function tagWithNewTheme(
  db: Database.Database,
  input: ParsedInput<'passages.tagWithNewTheme'>,
  reviewerId: string,
  save: (noteId: string, document: string, baseRevision: number, creates: PassageToCreate[]) => void,
): { passage: Passage; theme: Theme; created: boolean } {
  return db.transaction(() => {
    const { target } = input;
    const { theme, created } = themeForName(db, input.name, reviewerId);
    const passage =
      'passageId' in target
        ? tagPassage(db, target.passageId, theme.id, reviewerId)
        : createPassageFromRange(db, { ...target, themeIds: [theme.id] }, (document, revision, creates) =>
            save(target.noteId, document, revision, creates),
          );
    return { passage, theme, created };
  })();
}
