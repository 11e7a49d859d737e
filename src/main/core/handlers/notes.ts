import type { noteMethods } from '../../../shared/contract/notes';
import { createNote, deleteNote, getNote, listNotes, renameNote, saveCopyOfNote, saveNote } from '../services/notes';
import { mergeIndexInSteps, rememberForEditing, saveNoteBlocks, writeHeldShiftAfterPause } from '../services/noteBlocks';
import { previewNoteDelete } from '../services/removal';
import type { DomainHandlers, HandlerContext } from './context';

/** How long after answering `notes.forEditor` the note's blocks are read ahead: time for the calls the page made with it. */
const READ_AHEAD_AFTER_MS = 50;

export function noteHandlers(ctx: HandlerContext): DomainHandlers<typeof noteMethods> {
  const db = () => ctx.requireWorkspace().db;
  return {
    'notes.list': ({ engagementId }) => listNotes(db(), engagementId),
    'notes.get': ({ id }) => getNote(db(), id),
    'notes.forEditor': ({ id }) => {
      const workspace = db();
      const opened = getNote(workspace, id);
      // Its blocks read into memory a little after the answer, so its first save re-reads one paragraph too. Not
      // at once: the page asks for the note's passages with it, and that call, already waiting, goes first
      // (read ahead just after the answer, the scale-4 note's 4,540 blocks kept its marks ~200 ms, issue 11).
      setTimeout(() => {
        try {
          if (!workspace.open) return;
          rememberForEditing(workspace, id);
          // Then the index merged, before the typing starts (a bulk write leaves big segments for the saves to merge).
          mergeIndexInSteps(workspace, (error) => ctx.options.log?.('the search index could not be merged yet', error));
        } catch (error) {
          ctx.options.log?.('a note opened for editing could not be read ahead', error);
        }
      }, READ_AHEAD_AFTER_MS).unref?.();
      return opened;
    },
    'notes.create': ({ engagementId, title }) => createNote(db(), engagementId, title, ctx.requireReviewer().id),
    'notes.save': ({ document, patch, ...save }) => {
      if (!patch) return saveNote(db(), { ...save, document: document! }, ctx.requireReviewer().id);
      const workspace = db();
      const saved = saveNoteBlocks(workspace, { ...save, patch }, ctx.requireReviewer().id, { holdShift: true });
      // The passages it moved are written once saves pause (issue 11; any other call before then writes them first).
      writeHeldShiftAfterPause(workspace, (error) => ctx.options.log?.('the passages a save moved could not be written yet', error));
      return saved;
    },
    'notes.saveCopy': (input) => saveCopyOfNote(db(), input, ctx.requireReviewer().id),
    'notes.rename': ({ id, title }) => renameNote(db(), id, title),
    'notes.deletePreview': ({ id }) => previewNoteDelete(db(), id),
    'notes.delete': ({ id }) => {
      deleteNote(db(), id);
      return null;
    },
  };
}
