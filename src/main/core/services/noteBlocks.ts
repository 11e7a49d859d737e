/**
 * The block-level autosave (issue 11): the editor sends only the top-level blocks that changed since the
 * save this core acknowledged, as one splice (`shared/note/blocks.ts`). The core keeps each recently
 * saved note as its blocks with their per-block text and marks, so a save re-reads one paragraph instead
 * of parsing and walking a 4 MB document, and re-anchors only the passages around the splice (the ones
 * after it move in one statement). The note's stored document and text stay whole, exactly as a whole
 * save would store them.
 */
import type Database from 'better-sqlite3';
import type { ParsedInput } from '../../../shared/contract/methods';
import type { SavedNote } from '../../../shared/domain/note';
import {
  applyPatch,
  blockAnchors,
  blockStarts,
  joinAnchors,
  patchProblem,
  splitDocument,
  type BlockAnchors,
  type BlockPatch,
} from '../../../shared/note/blocks';
import { FieldnotesError } from '../../../shared/rpc/result';
import * as noteStore from '../store/notes';
import { passagesByIds } from '../store/passages';
import { anchorPassages, createPassages, type AnchorScope } from './passages';
import { memoryPart, remembered } from '../workspace/connectionMemory';

/** A save as `notes.save` parsed it, with the blocks changed since the last save (a whole document goes to saveNote). */
export type BlockSave = Omit<ParsedInput<'notes.save'>, 'document' | 'patch'> & { patch: BlockPatch };

/** A saved note as blocks, at a revision. */
interface NoteBlocks {
  revision: number;
  before: string;
  after: string;
  blocks: string[];
  anchors: BlockAnchors[];
  /** The patch that made this revision, to recognise the same save sent again. */
  lastPatch: string | null;
}

/** The few notes open for editing, per workspace connection (workspace/connectionMemory.ts); the oldest is forgotten first. */
const KEEP = 4;
const NOTE_BLOCKS = memoryPart(
  'note blocks',
  () => new Map<string, NoteBlocks>(),
  (notes) => notes.clear(),
);

const rememberedNotes = (db: Database.Database): Map<string, NoteBlocks> => remembered(db, NOTE_BLOCKS);

function remember(db: Database.Database, id: string, note: NoteBlocks): void {
  const notes = rememberedNotes(db);
  notes.delete(id);
  notes.set(id, note);
  if (notes.size > KEEP) notes.delete(notes.keys().next().value!);
}

const unreadable = () => new FieldnotesError('INVALID_INPUT', 'The note could not be saved: its content was not in the expected form.');

function load(db: Database.Database, id: string): NoteBlocks {
  const stored = noteStore.noteForSave(db, id);
  const split = splitDocument(stored.document);
  return { revision: stored.revision, ...split, anchors: split.blocks.map(blockAnchors), lastPatch: null };
}

/**
 * The passages a splice can have changed: those overlapping the replaced blocks (in the old offsets), the
 * ids their marks carried or carry now; those after it only move.
 */
function scopeOf(old: readonly BlockAnchors[], next: readonly BlockAnchors[], patch: BlockPatch, inserted: readonly BlockAnchors[]): AnchorScope {
  const oldStarts = blockStarts(old);
  const newStarts = blockStarts(next);
  const { start, removed } = patch;
  const firstAfter = start + removed;
  const ids = new Set<string>();
  for (const b of [...old.slice(start, firstAfter), ...inserted]) for (const id of b.marks.keys()) ids.add(id);
  const hasAfter = firstAfter < old.length;
  return {
    ids: [...ids],
    touchingAfter: start > 0 ? oldStarts[start - 1]! + old[start - 1]!.length : -1,
    touchingBefore: hasAfter ? oldStarts[firstAfter]! : Number.POSITIVE_INFINITY,
    shift: hasAfter ? newStarts[start + inserted.length]! - oldStarts[firstAfter]! : 0,
  };
}

export function saveNoteBlocks(
  db: Database.Database,
  input: BlockSave,
  reviewerId: string,
): SavedNote {
  const savedAt = new Date().toISOString();
  const patchText = JSON.stringify(input.patch);
  let saved: NoteBlocks | null = null;
  const result = db.transaction((): SavedNote => {
    const stored = noteStore.noteSaveState(db, input.id);
    // What another save wrote (a whole document, another window) is read afresh: revisions tell.
    let current = rememberedNotes(db).get(input.id);
    if (!current || current.revision !== stored.revision) current = load(db, input.id);
    if (current.revision !== input.baseRevision) {
      if (current.revision === input.baseRevision + 1 && current.lastPatch === patchText && !input.createPassages?.length) {
        // The same save again (its answer was lost on the way back): it is already stored; say so.
        return { revision: current.revision, wordCount: stored.wordCount, savedAt: stored.updatedAt, changedPassages: [] };
      }
      throw new FieldnotesError(
        'CONFLICT',
        'This note was changed in another window since you opened it. Reopen it to see the latest version; your text here is kept until you do.',
      );
    }
    if (patchProblem(current.blocks.length, input.patch)) throw unreadable();
    let inserted: BlockAnchors[];
    try {
      inserted = input.patch.blocks.map(blockAnchors);
    } catch {
      throw unreadable();
    }
    const blocks = applyPatch(current.blocks, input.patch, input.patch.blocks);
    const anchors = applyPatch(current.anchors, input.patch, inserted);
    const joined = joinAnchors(anchors);
    const revision = current.revision + 1;
    const document = current.before + blocks.join(',') + current.after;
    noteStore.writeNoteContent(db, input.id, { document, plainText: joined.plainText, wordCount: joined.wordCount, revision }, reviewerId, savedAt);
    const changed = anchorPassages(db, input.id, joined, scopeOf(current.anchors, anchors, input.patch, inserted));
    if (input.createPassages?.length) {
      createPassages(db, input.id, joined, input.createPassages, reviewerId);
      changed.push(...input.createPassages.map((p) => p.id));
    }
    saved = { revision, before: current.before, after: current.after, blocks, anchors, lastPatch: patchText };
    return { revision, wordCount: joined.wordCount, savedAt, changedPassages: passagesByIds(db, [...new Set(changed)]) };
  })();
  // Remembered only once committed: a save that failed leaves the note as the core last stored it.
  if (saved) remember(db, input.id, saved);
  return result;
}
