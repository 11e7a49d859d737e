import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '../../../shared/contract/methods';
import type Database from 'better-sqlite3';
import type { Note, NoteSource, NoteSummary, SavedNote } from '../../../shared/domain/note';
import { emptyDocument } from '../../../shared/note/blocksToDocument';
import { documentAnchors } from '../../../shared/note/anchors';
import { withoutMarks } from '../../../shared/note/marks';
import { blockAnchors, diffBlocks, splitDocument, storedDocument } from '../../../shared/note/blocks';
import { countWords } from '../../../shared/note/text';
import { anchorPassages, createPassages } from './passages';
import { addSpeakerCodes, copySpeakers } from '../store/noteSpeakers';
import { FieldnotesError } from '../../../shared/rpc/result';
import { getEngagement, requireEngagement } from '../store/engagements';
import { blockRows, spliceBlocks, writeBlocks } from '../store/noteBlocks';
import * as noteStore from '../store/notes';
import { getNote, listNotes } from '../store/notes';
import { passagesByIds } from '../store/passages';

export { getNote, listNotes };

/** A save as `notes.save` parsed it, with the whole document (a patch goes to saveNoteBlocks). */
export type WholeSave = Omit<ParsedInput<'notes.save'>, 'document' | 'patch'> & { document: string };

export interface NewNote {
  engagementId: string;
  title: string;
  document: string;
  source: NoteSource;
}

/** Insert a note (typed or imported) at the end of its engagement. Call inside a transaction for batches. */
export function insertNote(
  db: Database.Database,
  note: NewNote,
  reviewerId: string,
  options: { id?: string; speakersFrom?: string } = {},
): string {
  requireEngagement(db, note.engagementId);
  const { frame, blocks } = storedDocument(note.document);
  const wordCount = blocks.reduce((sum, b) => sum + countWords(b.text), 0);
  const id = options.id ?? randomUUID();
  noteStore.insertNote(
    db,
    { id, engagementId: note.engagementId, title: note.title, source: note.source, frame, wordCount },
    reviewerId,
    new Date().toISOString(),
  );
  writeBlocks(db, id, blocks);
  if (options.speakersFrom) copySpeakers(db, options.speakersFrom, id);
  // Its speaker codes, each linked to whoever has that code now or unknown (an import's summary names those).
  addSpeakerCodes(db, id, [...new Set(blocks.flatMap((b) => b.speakers))]);
  return id;
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * A new note's name when none is given: what it is of — the engagement's title and date ("Moorfields Eye
 * Hospital, 19 June 2018"), numbered when the engagement already has a note of that name — never "Notes 4".
 */
export function defaultNoteTitle(engagement: { title: string; date: string }, taken: Set<string>): string {
  const date = Number.isNaN(Date.parse(`${engagement.date}T00:00:00Z`)) ? engagement.date : LONG_DATE.format(new Date(`${engagement.date}T00:00:00Z`));
  const base = `${engagement.title.slice(0, 240)}, ${date}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base} (${n})`)) return `${base} (${n})`;
}

export function createNote(db: Database.Database, engagementId: string, title: string | undefined, reviewerId: string): Note {
  const engagement = getEngagement(db, engagementId);
  const taken = new Set(listNotes(db, engagementId).map((n) => n.title));
  const id = insertNote(
    db,
    { engagementId, title: title ?? defaultNoteTitle(engagement, taken), document: emptyDocument(), source: 'typed' },
    reviewerId,
  );
  return getNote(db, id);
}

/**
 * The whole-document save (the block save's fallback, tagging from the core): one small transaction.
 * The document is stored exactly as sent — its frame, and the blocks that differ from the stored ones
 * (one splice, as a block save) — its text and word count derived here so they can never disagree with
 * it. A stale base revision means another window saved in between.
 */
export function saveNote(
  db: Database.Database,
  input: WholeSave,
  reviewerId: string,
): SavedNote {
  let anchors, split;
  try {
    anchors = documentAnchors(input.document);
    split = splitDocument(input.document);
  } catch {
    throw new FieldnotesError('INVALID_INPUT', 'The note could not be saved: its content was not in the expected form.');
  }
  const sentFrame = split.before + split.after;
  const savedAt = new Date().toISOString();
  return db.transaction(() => {
    const current = noteStore.noteSaveState(db, input.id);
    const frame = noteStore.noteFrame(db, input.id);
    const rows = blockRows(db, input.id);
    const patch = diffBlocks(rows.blocks, split.blocks);
    if (current.revision !== input.baseRevision && frame === sentFrame && !patch && !input.createPassages?.length) {
      // The same save again (its answer was lost on the way back): it is already stored; say so.
      return { revision: current.revision, wordCount: current.wordCount, savedAt: current.updatedAt, changedPassages: [] };
    }
    if (current.revision !== input.baseRevision) {
      throw new FieldnotesError(
        'CONFLICT',
        'This note was changed in another window since you opened it. Reopen it to see the latest version; your text here is kept until you do.',
      );
    }
    const revision = current.revision + 1;
    const wordCount = countWords(anchors.plainText);
    if (patch) spliceBlocks(db, input.id, rows.seqs, patch, patch.blocks.map((block) => ({ block, text: blockAnchors(block).text })));
    noteStore.writeNoteSaved(db, input.id, { wordCount, revision, ...(frame === sentFrame ? {} : { frame: sentFrame }) }, reviewerId, savedAt);
    const changed = anchorPassages(db, input.id, anchors);
    if (input.createPassages?.length) {
      createPassages(db, input.id, anchors, input.createPassages, reviewerId);
      changed.push(...input.createPassages.map((p) => p.id));
    }
    // Only what this save changed goes back: a large note's every passage was 2.5 MB per keystroke's save.
    return { revision, wordCount, savedAt, changedPassages: passagesByIds(db, [...new Set(changed)]) };
  })();
}

/**
 * Two windows saved one note: keep the text of the one that lost as a new note beside it, so neither
 * version is lost (issue 11). The copy has the text and formatting, not the passage marks (a passage
 * belongs to one note; the original keeps its passages).
 */
export function saveCopyOfNote(db: Database.Database, input: ParsedInput<'notes.saveCopy'>, reviewerId: string): Note {
  const original = noteStore.getNoteSummary(db, input.id);
  let document: string;
  try {
    document = withoutMarks(input.document);
    documentAnchors(document);
  } catch {
    throw new FieldnotesError('INVALID_INPUT', 'Your version could not be kept: its content was not in the expected form.');
  }
  const title = `${original.title.slice(0, 270)} (my version)`;
  const id = db.transaction(() => {
    const copy = randomUUID();
    // Its speakers are the original's before its codes are recorded: a copy is no new voice.
    insertNote(db, { engagementId: original.engagementId, title, document, source: 'typed' }, reviewerId, { id: copy, speakersFrom: input.id });
    return copy;
  })();
  return getNote(db, id);
}

export function renameNote(db: Database.Database, id: string, title: string): NoteSummary {
  noteStore.renameNote(db, id, title);
  return noteStore.getNoteSummary(db, id);
}

export const deleteNote = noteStore.deleteNote;
