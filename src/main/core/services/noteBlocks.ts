/**
 * The block-level autosave (issue 11): the editor sends only the top-level blocks that changed since the
 * save this core acknowledged, as one splice (`shared/note/blocks.ts`). The core keeps each recently
 * saved note as its blocks with their per-block text and marks, so a save re-reads one paragraph instead
 * of parsing and walking a 4 MB document, and re-anchors only the passages around the splice (the ones
 * after it move in one statement). The workspace stores a note per block too (store/noteBlocks.ts), so
 * the save writes the blocks it replaced and their full-text rows, and the note's row its count and
 * revision: nothing in it grows with the note but the passages it moves.
 */
import type Database from 'better-sqlite3';
import type { ParsedInput } from '../../../shared/contract/methods';
import type { SavedNote } from '../../../shared/domain/note';
import {
  applyPatch,
  blockAnchors,
  blockStarts,
  blocksAnchorSource,
  patchProblem,
  type BlockAnchors,
  type BlockPatch,
} from '../../../shared/note/blocks';
import { FieldnotesError } from '../../../shared/rpc/result';
import { blockRows, mergeBlockIndexStep, spliceBlocks } from '../store/noteBlocks';
import * as noteStore from '../store/notes';
import * as passageStore from '../store/passages';
import { passagesByIds } from '../store/passages';
import { anchorBlockSave, createPassages, type AnchorScope } from './passages';
import { memoryPart, remembered } from '../workspace/connectionMemory';

/** A save as `notes.save` parsed it, with the blocks changed since the last save (a whole document goes to saveNote). */
export type BlockSave = Omit<ParsedInput<'notes.save'>, 'document' | 'patch'> & { patch: BlockPatch };

/** A saved note as blocks, at a revision. */
interface NoteBlocks {
  revision: number;
  /** Each block's place in note_blocks. */
  seqs: number[];
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

function load(db: Database.Database, id: string, revision: number): NoteBlocks {
  const { seqs, blocks } = blockRows(db, id);
  return { revision, seqs, blocks, anchors: blocks.map(blockAnchors), lastPatch: null };
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

/**
 * Read a note's blocks into the core's memory before its first save (the editor has just opened it): parsing
 * every block of the 200,000-word note took that save 130 ms on a quiet machine, 0.5–1 s on a loaded one.
 */
export function rememberForEditing(db: Database.Database, id: string): void {
  const { revision } = noteStore.noteSaveState(db, id);
  if (rememberedNotes(db).get(id)?.revision !== revision) remember(db, id, load(db, id, revision));
}

/** Whether a note's blocks are in the core's memory at its stored revision (read ahead, or by a save). */
export function remembersForEditing(db: Database.Database, id: string): boolean {
  return rememberedNotes(db).get(id)?.revision === noteStore.noteSaveState(db, id).revision;
}

/**
 * Write the passages saves moved, if they held them (`holdShift`). The handler runs it once saves pause
 * (`writeHeldShiftAfterPause`), the core before every other call (core/index.ts), re-anchoring before reading
 * (services/passages.ts), opening a workspace after a crash and closing it (workspace/workspace.ts): no reader
 * sees the moved passages in their old places.
 */
export const writeHeldShift = (db: Database.Database): boolean => passageStore.writeHeldShift(db);

/**
 * How long block saves must pause before the shift they hold is written: past the autosave's longest wait (500 ms,
 * renderer/features/notes/autosave.ts), so someone typing without a break has it written once, when they stop.
 */
export const HELD_SHIFT_PAUSE_MS = 1000;

const PENDING_WRITE = memoryPart(
  'held shift write',
  () => ({ timer: undefined as NodeJS.Timeout | undefined }),
  (pending) => clearTimeout(pending.timer),
);

/**
 * The pages of full-text index merged per step while saves pause (store/noteBlocks.ts `mergeBlockIndexStep`): a few
 * milliseconds each, so a save that arrives meanwhile waits for one step at most.
 */
export const INDEX_MERGE_PAGES = 64;

/** Run `step` on the pending timer after `ms`, unless the workspace closed or is in a transaction; failures `log`ged. */
function later(db: Database.Database, log: (error: unknown) => void, step: () => void, ms: number): void {
  const pending = remembered(db, PENDING_WRITE);
  clearTimeout(pending.timer);
  pending.timer = setTimeout(() => {
    pending.timer = undefined;
    try {
      // A read-only connection (a file on read-only media) has nothing to write and no shift held.
      if (db.open && !db.readonly && !db.inTransaction) step();
    } catch (error) {
      log(error);
    }
  }, ms);
  pending.timer.unref();
}

/**
 * Merge the full-text index's segments a step at a time, each step its own macrotask and transaction, until there
 * is nothing to merge or a block save comes (which puts it off to its pause). Why (issue 11): merged inside a save,
 * they made the slowest saves. Started when a note is opened for editing, and once saves pause.
 */
export function mergeIndexInSteps(db: Database.Database, log: (error: unknown) => void): void {
  const merge = () => {
    if (mergeBlockIndexStep(db, INDEX_MERGE_PAGES)) later(db, log, merge, 0);
  };
  later(db, log, merge, 0);
}

/**
 * Write the held shift once no block save has come for `HELD_SHIFT_PAUSE_MS` (each save puts it off again), then
 * merge the index (`mergeIndexInSteps`). Until then the shift is in the workspace, and every other call,
 * re-anchoring and opening writes it first; a `log`ged failure leaves it there too.
 */
export function writeHeldShiftAfterPause(db: Database.Database, log: (error: unknown) => void): void {
  later(
    db,
    log,
    () => {
      passageStore.writeHeldShift(db);
      mergeIndexInSteps(db, log);
    },
    HELD_SHIFT_PAUSE_MS,
  );
}

/**
 * Save a splice of blocks. With `holdShift`, the passages after the splice (2,000 in the middle of a note of
 * 4,000: 2 MB of the log and most of the save, issue 11) are not moved in the save's transaction: the shift is
 * kept in the workspace beside the save, to be written by `writeHeldShift` once saves pause. The text and the
 * passages it changed are stored when the answer goes; what waits is where the later passages start. A save
 * that splices just before the held passages (typing on in one paragraph) adds its shift to the held one
 * rather than writing it: the 2,000 rows are written once per pause, not once per save.
 */
export function saveNoteBlocks(
  db: Database.Database,
  input: BlockSave,
  reviewerId: string,
  options: { holdShift?: boolean } = {},
): SavedNote {
  const savedAt = new Date().toISOString();
  const patchText = JSON.stringify(input.patch);
  let saved: NoteBlocks | null = null;
  const result = db.transaction((): SavedNote => {
    const stored = noteStore.noteSaveState(db, input.id);
    // What another save wrote (a whole document, another window) is read afresh: revisions tell.
    let current = rememberedNotes(db).get(input.id);
    if (!current || current.revision !== stored.revision) current = load(db, input.id, stored.revision);
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
    const text = blocksAnchorSource(anchors, inserted);
    const wordCount = anchors.reduce((sum, b) => sum + b.words, 0);
    const revision = current.revision + 1;
    const seqs = spliceBlocks(db, input.id, current.seqs, input.patch, input.patch.blocks.map((block, i) => ({ block, text: inserted[i]!.text })));
    noteStore.writeNoteSaved(db, input.id, { wordCount, revision }, reviewerId, savedAt);
    const scope = scopeOf(current.anchors, anchors, input.patch, inserted);
    const earlier = options.holdShift === true ? passageStore.heldShift(db) : undefined;
    // Typing on where the held save typed: the passages it held start where this splice ends, so the two shifts add up.
    const composing = earlier !== undefined && earlier.noteId === input.id && earlier.from + earlier.by === scope.touchingBefore;
    const holding = composing || (options.holdShift === true && scope.shift !== 0 && Number.isFinite(scope.touchingBefore));
    const anchored = anchorBlockSave(db, input.id, text, scope, { hold: holding, keepHeld: composing });
    const changed = anchored.changed;
    if (input.createPassages?.length) {
      createPassages(db, input.id, text, input.createPassages, reviewerId);
      changed.push(...input.createPassages.map((p) => p.id));
    }
    const created = input.createPassages?.map((p) => p.id) ?? [];
    if (composing) {
      // What the held save wrote was final then; those of its rows past this splice move now, by rowid.
      if (scope.shift !== 0) passageStore.shiftSettled(db, earlier, scope.touchingBefore, scope.shift, anchored.settled);
      passageStore.holdShift(db, {
        noteId: input.id,
        from: earlier.from,
        by: earlier.by + scope.shift,
        settled: [...new Set([...earlier.settled, ...anchored.settled])],
        created: [...new Set([...earlier.created, ...created])],
      });
    } else if (holding) {
      passageStore.holdShift(db, { noteId: input.id, from: scope.touchingBefore, by: scope.shift, settled: anchored.settled, created });
    }
    saved = { revision, seqs, blocks, anchors, lastPatch: patchText };
    const retyped = changed.length > 0 && anchored.onlyRetyped && !input.createPassages?.length;
    return { revision, wordCount, savedAt, changedPassages: passagesByIds(db, [...new Set(changed)]), ...(retyped && { passagesRetyped: true }) };
  })();
  // Remembered only once committed: a save that failed leaves the note as the core last stored it.
  if (saved) remember(db, input.id, saved);
  return result;
}
