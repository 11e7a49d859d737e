import type { noteMethods } from '../../../shared/contract/notes';
import { createNote, deleteNote, getNote, listNotes, renameNote, saveCopyOfNote, saveNote } from '../services/notes';
import { saveNoteBlocks } from '../services/noteBlocks';
import { previewNoteDelete } from '../services/removal';
import type { DomainHandlers, HandlerContext } from './context';

export function noteHandlers(ctx: HandlerContext): DomainHandlers<typeof noteMethods> {
  const db = () => ctx.requireWorkspace().db;
  return {
    'notes.list': ({ engagementId }) => listNotes(db(), engagementId),
    'notes.get': ({ id }) => getNote(db(), id),
    'notes.create': ({ engagementId, title }) => createNote(db(), engagementId, title, ctx.requireReviewer().id),
    'notes.save': ({ document, patch, ...save }) =>
      patch ? saveNoteBlocks(db(), { ...save, patch }, ctx.requireReviewer().id) : saveNote(db(), { ...save, document: document! }, ctx.requireReviewer().id),
    'notes.saveCopy': (input) => saveCopyOfNote(db(), input, ctx.requireReviewer().id),
    'notes.rename': ({ id, title }) => renameNote(db(), id, title),
    'notes.deletePreview': ({ id }) => previewNoteDelete(db(), id),
    'notes.delete': ({ id }) => {
      deleteNote(db(), id);
      return null;
    },
  };
}
