import { z } from 'zod';
import { MAX_DOCUMENT_CHARS, Note, NoteSummary, SavedNote } from '../domain/note';
import { PassageId } from '../domain/passage';
import { RemovalPreview } from '../domain/removal';
import { ThemeName } from '../domain/theme';
import { method, Id } from './method';

const Title = z.string().trim().min(1, 'Give the note a title.').max(300);

/** Notes: the live editor's documents and their autosave. */
export const noteMethods = {
  'notes.list': method({
    input: z.object({ engagementId: Id }).strict(),
    output: z.array(NoteSummary),
    doc: 'The notes of one engagement, in order.',
  }),
  'notes.get': method({ input: z.object({ id: Id }).strict(), output: Note, doc: 'One note with its document.' }),
  'notes.forEditor': method({
    input: z.object({ id: Id }).strict(),
    output: Note,
    // Its passages are a call of their own (passages.forNote), asked for at once: the core reads them while the
    // page builds the document. In this answer they held the document back (issue 11).
    doc: 'One note as its editor opens it: its document, and its blocks read into memory after the answer for the first save.',
  }),
  'notes.create': method({
    input: z.object({ engagementId: Id, title: Title.optional() }).strict(),
    output: Note,
    doc: 'Start a new, empty note in an engagement.',
  }),
  'notes.save': method({
    input: z
      .object({
        id: Id,
        /** The whole document … */
        document: z
          .string()
          .max(MAX_DOCUMENT_CHARS, 'This note is too large to save as one note. Split it into several notes.')
          .optional(),
        /** … or only the top-level blocks changed since the last save (issue 11: a save must not grow with the note). */
        patch: z
          .object({
            start: z.number().int().nonnegative(),
            removed: z.number().int().nonnegative(),
            blocks: z.array(z.string().max(MAX_DOCUMENT_CHARS)).max(1_000_000),
            total: z.number().int().nonnegative(),
          })
          .strict()
          .optional(),
        /** The revision the editor started from; a different stored revision means someone else saved. */
        baseRevision: z.number().int().nonnegative(),
        /**
         * Passages just marked in this document, with their first themes — or the name of a theme to
         * create (or take, if a top-level theme has it): created with the save, atomically.
         */
        createPassages: z
          .array(
            z
              .object({
                id: PassageId,
                themeIds: z.array(z.string().min(1).max(100)).max(50),
                newThemeName: ThemeName.optional(),
              })
              .strict()
              .refine((p) => p.themeIds.length > 0 || p.newThemeName !== undefined, { message: 'Choose a theme for the passage.' }),
          )
          .max(500)
          .optional(),
      })
      .strict()
      .refine((save) => (save.document === undefined) !== (save.patch === undefined), {
        message: 'A save carries either the whole document or a patch of its blocks.',
      }),
    output: SavedNote,
    doc: 'Autosave: store the editor’s document (whole, or the blocks that changed) and derive its text, word count and passages.',
  }),
  'notes.saveCopy': method({
    input: z
      .object({
        id: Id,
        document: z.string().max(MAX_DOCUMENT_CHARS, 'This note is too large to save as one note. Split it into several notes.'),
      })
      .strict(),
    output: Note,
    doc: 'A save lost to another window: keep this window’s text as a new note beside the original (passage marks left out).',
  }),
  'notes.rename': method({
    input: z.object({ id: Id, title: Title }).strict(),
    output: NoteSummary,
    doc: 'Rename a note.',
  }),
  'notes.deletePreview': method({
    input: z.object({ id: Id }).strict(),
    output: RemovalPreview,
    doc: 'What deleting a note takes with it (its words and passages; findings citing them keep the quotes).',
  }),
  'notes.delete': method({ input: z.object({ id: Id }).strict(), output: z.null(), doc: 'Delete a note.' }),
} as const;
