/**
 * Jumps between areas: the theme view or a search hit asks to show a place
 * in a note; the shell opens the area, the engagement, the note, and the
 * editor reveals the passage or range. A tiny store, so any feature can ask
 * without knowing how the others are mounted.
 */
export interface NoteLocation {
  engagementId: string;
  noteId: string;
  /** Reveal this passage's mark … */
  passageId?: string;
  /** … or this range of the note's plain text, in code points. */
  range?: { start: number; end: number };
}

type Listener = (location: NoteLocation) => void;
const listeners = new Set<Listener>();

export const navigation = {
  openNote(location: NoteLocation): void {
    listeners.forEach((l) => l(location));
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
