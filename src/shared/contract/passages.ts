import { z } from 'zod';
import { Passage, PassageId } from '../domain/passage';
import { Theme, ThemeName } from '../domain/theme';
import { method, Id } from './method';

/** Tagged passages: anchored in notes by id, with themes, memo, key quote and speaker (issue 4). */
export const passageMethods = {
  'passages.forNote': method({
    input: z.object({ noteId: Id }).strict(),
    output: z.array(Passage),
    doc: 'Every passage of one note, attached or detached, in document order.',
  }),
  'passages.createFromRange': method({
    input: z
      .object({
        noteId: Id,
        /** Code points into the note's canonical plain text, as search results give them. */
        start: z.number().int().nonnegative(),
        end: z.number().int().positive(),
        themeIds: z.array(Id).min(1).max(50),
      })
      .strict()
      .refine((r) => r.end > r.start, { message: 'A passage needs at least one character.', path: ['end'] }),
    output: Passage,
    doc: 'Tag a stretch of a note that is not open in the editor (e.g. a search hit): marks it and saves.',
  }),
  'passages.tag': method({
    input: z.object({ passageId: PassageId, themeId: Id }).strict(),
    output: Passage,
    doc: 'Add a theme to an existing passage (recorded with the reviewer and time).',
  }),
  'passages.tagWithNewTheme': method({
    input: z
      .object({
        /** The theme as typed in the picker: the top-level theme of that name, or a new one there. */
        name: ThemeName,
        /** An existing passage, or a stretch of a note not open in the editor (a search hit). */
        target: z.union([
          z.object({ passageId: PassageId }).strict(),
          z
            .object({ noteId: Id, start: z.number().int().nonnegative(), end: z.number().int().positive() })
            .strict()
            .refine((r) => r.end > r.start, { message: 'A passage needs at least one character.', path: ['end'] }),
        ]),
      })
      .strict(),
    output: z.object({ passage: Passage, theme: Theme, created: z.boolean() }),
    doc: 'Tag with a theme named in the picker, creating it when no top-level theme has that name: one call, one transaction.',
  }),
  'passages.untag': method({
    input: z.object({ passageId: PassageId, themeId: Id }).strict(),
    output: z.object({ passage: Passage.nullable() }),
    doc: 'Remove a theme from a passage; a passage left with no theme is deleted (passage: null).',
  }),
  'passages.update': method({
    input: z
      .object({
        id: PassageId,
        memo: z.string().max(20_000).optional(),
        keyQuote: z.boolean().optional(),
        /** A participant id, or null for nobody; either way the speaker no longer follows the turn. */
        participantId: Id.nullable().optional(),
        /** Let the speaker follow the speaker turn again. */
        speakerFromTurn: z.literal(true).optional(),
      })
      .strict(),
    output: Passage,
    doc: 'Change a passage’s memo, key-quote mark or speaker.',
  }),
  'passages.delete': method({
    input: z.object({ id: PassageId }).strict(),
    output: z.null(),
    doc: 'Delete a passage and its tags (the editor removes its mark).',
  }),
} as const;
