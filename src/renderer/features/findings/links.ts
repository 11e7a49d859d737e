/**
 * Jumps to and from findings (issue 8): any passage list asks to open a
 * finding, or to add passages to one; the shell shows the Findings area or the
 * picker. Tiny stores, as app/navigation.ts is for notes.
 */
type Listener<T> = (value: T) => void;

function channel<T>() {
  const listeners = new Set<Listener<T>>();
  return {
    emit: (value: T) => listeners.forEach((l) => l(value)),
    subscribe(listener: Listener<T>): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Show a finding in the Findings area. */
export const findingNavigation = channel<{ findingId: string }>();

/**
 * Choose (or start) a finding for these passages. `themeIds`: what a new finding is filed under — the
 * theme of the matrix cell or theme view the passages were picked from.
 */
export const evidencePicker = channel<{ passageIds: string[]; themeIds?: string[] }>();
