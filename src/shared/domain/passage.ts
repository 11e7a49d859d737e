import { z } from 'zod';

export const PassageTag = z.object({
  themeId: z.string(),
  taggedBy: z.string(),
  taggedAt: z.string(),
});

/** A tagged stretch of a note. Its place is the mark in the note's document; these are its data, by id. */
export const Passage = z.object({
  id: z.string(),
  noteId: z.string(),
  /** Code points into the note's canonical plain text, as of the last save. */
  start: z.number().int(),
  end: z.number().int(),
  quotedText: z.string(),
  memo: z.string(),
  keyQuote: z.boolean(),
  participantId: z.string().nullable(),
  /** True once the reviewer chose the speaker; otherwise it follows the speaker turn the passage is in. */
  speakerSetByHand: z.boolean(),
  /** Its text was deleted from the note; kept (and shown) until undo brings it back or it is removed. */
  detached: z.boolean(),
  tags: z.array(PassageTag),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type Passage = z.infer<typeof Passage>;

export const PassageId = z.string().uuid('A passage id is a UUID.');
