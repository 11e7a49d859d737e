import { z } from 'zod';

/**
 * A note's structure as importers produce it, before it becomes the editor's
 * document: what a .docx, a transcript or a PDF says, block by block. Kept
 * deliberately small; inline bold/italic ride on `runs`.
 */
export const TextRun = z.object({
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  /**
   * Ids of the passages this run lies in: the run goes into a mark node carrying
   * them, as tagging in the editor would put it (overlapping passages: several
   * ids). Lets batch tools build tagged notes without an editor per passage.
   */
  marks: z.array(z.string().min(1)).optional(),
});
export type TextRun = z.infer<typeof TextRun>;

export const NoteBlock = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3)]), runs: z.array(TextRun) }),
  z.object({ kind: z.literal('paragraph'), runs: z.array(TextRun) }),
  z.object({ kind: z.literal('quote'), runs: z.array(TextRun) }),
  z.object({ kind: z.literal('list'), ordered: z.boolean(), items: z.array(z.array(TextRun)) }),
]);
export type NoteBlock = z.infer<typeof NoteBlock>;

/** Shorthand for a block of one plain run. */
export const plain = (text: string): TextRun[] => [{ text }];
