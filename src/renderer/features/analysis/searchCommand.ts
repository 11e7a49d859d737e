import { commandRegistry } from '../../commands/registry';
import type { Shortcut } from '../../commands/shortcut';

export const SEARCH_SHORTCUT: Shortcut = { key: 'f', mod: true, shift: true };

type Listener = () => void;
const listeners = new Set<Listener>();
let pending = false;

/**
 * "Search notes" must work from any area, so its command is registered once,
 * for the life of the window, rather than while the Analysis area is shown:
 * it opens the area (through the shell's own "go to" command) and asks the
 * search box for focus. A request made before the area is mounted waits for it.
 */
export const searchFocus = {
  request(): void {
    if (listeners.size === 0) {
      pending = true;
      commandRegistry.run('go.analysis');
    } else listeners.forEach((l) => l());
  },
  /** Called by the Analysis area: runs now if a request is waiting, and on every later one. */
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    if (pending) {
      pending = false;
      listener();
    }
    return () => listeners.delete(listener);
  },
};

const hasWorkspace = () => commandRegistry.all().some((c) => c.id === 'go.analysis');

commandRegistry.register([
  {
    id: 'search.focus',
    group: 'Analysis',
    label: 'Search notes and memos',
    shortcut: SEARCH_SHORTCUT,
    enabled: hasWorkspace,
    run: () => searchFocus.request(),
  },
]);
