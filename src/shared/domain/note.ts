import { z } from 'zod';
import { importSources } from './files';
import { Passage } from './passage';

/** Where a note came from: typed here, imported from a file, or brought in with a REFI-QDA project. */
export const NoteSource = z.enum(['typed', ...importSources, 'qdpx']);
export type NoteSource = z.infer<typeof NoteSource>;

/** The largest document a note may hold (serialized): far above a day of typing, below memory trouble. */
export const MAX_DOCUMENT_CHARS = 48 * 1024 * 1024;

export const NoteSummary = z.object({
  id: z.string(),
  engagementId: z.string(),
  title: z.string(),
  wordCount: z.number().int(),
  revision: z.number().int(),
  source: NoteSource,
  updatedAt: z.string(),
});
export type NoteSummary = z.infer<typeof NoteSummary>;

export const Note = NoteSummary.extend({
  /** The editor's serialized state (JSON text), stored and returned byte for byte. */
  document: z.string(),
});
export type Note = z.infer<typeof Note>;

export const SavedNote = z.object({
  revision: z.number().int(),
  wordCount: z.number().int(),
  savedAt: z.string(),
  /**
   * The passages this save changed or created, as it left them (offsets, quoted text, speaker,
   * detached), so the editor can refresh them; the others are as they were. Never all of them: a
   * save's cost must not grow with the note.
   */
  changedPassages: z.array(Passage),
  /**
   * True when every passage it changed kept its themes, speaker and detachment and none was created: only
   * their quoted text and places changed (typing inside a passage). What counts passages is as it was.
   */
  passagesRetyped: z.boolean().optional(),
});
export type SavedNote = z.infer<typeof SavedNote>;
