import type { NoteSaver } from './noteSaver';

/**
 * Every note saver that may still hold unsaved text, by note. A saver whose
 * last save failed is never thrown away: it keeps retrying after its editor
 * closes, and when the note is opened again the new editor takes over its
 * text, revision and pending passages. Nothing typed is lost to a closed
 * editor, a full disk or a lost core.
 */
const live = new Map<string, NoteSaver>();

/** Hand-overs taken but not yet picked up by a registered saver (a render may ask twice). */
const claimed = new Map<string, ReturnType<NoteSaver['handOver']>>();

export function registerSaver(noteId: string, saver: NoteSaver): void {
  live.set(noteId, saver);
  claimed.delete(noteId);
}

/** Savers let go on purpose: nothing tries to save their text again. */
const discarded = new WeakSet<NoteSaver>();

/**
 * Let a note's saver go: the note was deleted, or after a conflict its text was kept as a copy or the other
 * window's version taken. A retry would only fail again; the next editor of the note starts afresh.
 */
export function discardSaver(noteId: string): void {
  const saver = live.get(noteId);
  if (saver) {
    discarded.add(saver);
    saver.dispose();
  }
  live.delete(noteId);
  claimed.delete(noteId);
}

/** Text typed here that the core does not have yet (unsaved, or refused by a conflict). */
export function hasUnsavedText(): boolean {
  return [...live.values()].some((saver) => saver.dirty);
}

/** The editor closed: save what is left; keep the saver only if that failed. */
export function releaseSaver(noteId: string, saver: NoteSaver): void {
  if (discarded.has(saver)) return saver.dispose();
  void saver.flush().then((saved) => {
    if (!saved) return; // keeps retrying; takeOverUnsaved or flushAllNotes will find it
    saver.dispose();
    if (live.get(noteId) === saver) live.delete(noteId);
  });
}

/** A note opened again while its last editor's text is unsaved: hand that text over. */
export function takeOverUnsaved(noteId: string): ReturnType<NoteSaver['handOver']> | null {
  const earlier = claimed.get(noteId);
  if (earlier) return earlier;
  const saver = live.get(noteId);
  if (!saver || !saver.dirty) return null;
  live.delete(noteId);
  saver.dispose();
  const handOver = saver.handOver();
  claimed.set(noteId, handOver);
  return handOver;
}

export interface FlushOutcome {
  saved: boolean;
  /** One sentence per note that could not be saved. */
  problems: string[];
}

/** Save every note now (before a window closes or the workspace changes). */
export async function flushAllNotes(): Promise<FlushOutcome> {
  const savers = [...live.values()];
  const results = await Promise.all(savers.map((s) => s.flush()));
  const problems = savers.filter((_, i) => !results[i]).map((s) => s.problem());
  return { saved: problems.length === 0, problems };
}
