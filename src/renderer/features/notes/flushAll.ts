import type { Autosaver } from './autosave';

const open = new Set<Autosaver>();

/** Register an open note's saver so the window can flush every note before it closes. */
export function trackAutosaver(autosaver: Autosaver): () => void {
  open.add(autosaver);
  return () => open.delete(autosaver);
}

export async function flushAllNotes(): Promise<void> {
  await Promise.all([...open].map((a) => a.flush()));
}
