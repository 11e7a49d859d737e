import type { passageMethods } from '../../../shared/contract/passages';
import { saveNote } from '../services/notes';
import {
  createPassageFromRange,
  deletePassage,
  passagesForNote,
  tagPassage,
  tagWithNewTheme,
  untagPassage,
  updatePassage,
} from '../services/passages';
import type { DomainHandlers, HandlerContext } from './context';

export function passageHandlers(ctx: HandlerContext): DomainHandlers<typeof passageMethods> {
  const db = () => ctx.requireWorkspace().db;
  return {
    'passages.forNote': ({ noteId }) => passagesForNote(db(), noteId),
    'passages.createFromRange': (input) => {
      const reviewerId = ctx.requireReviewer().id;
      return createPassageFromRange(db(), input, (document, baseRevision, creates) =>
        saveNote(db(), { id: input.noteId, document, baseRevision, createPassages: creates }, reviewerId),
      );
    },
    'passages.tag': ({ passageId, themeId }) => tagPassage(db(), passageId, themeId, ctx.requireReviewer().id),
    'passages.tagWithNewTheme': (input) => {
      const reviewerId = ctx.requireReviewer().id;
      return tagWithNewTheme(db(), input, reviewerId, (noteId, document, baseRevision, creates) =>
        saveNote(db(), { id: noteId, document, baseRevision, createPassages: creates }, reviewerId),
      );
    },
    'passages.untag': ({ passageId, themeId }) => ({ passage: untagPassage(db(), passageId, themeId) }),
    'passages.update': (input) => updatePassage(db(), input),
    'passages.delete': ({ id }) => {
      deletePassage(db(), id);
      return null;
    },
  };
}
