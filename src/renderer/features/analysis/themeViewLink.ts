import { recall, remember } from './analysisState';

/**
 * "Show in the theme view" from a theme's page (issue 11): the Analysis area opens on the theme view with that
 * theme chosen (sub-themes included), and focus on its first control. The request is written into the area's
 * remembered state before the shell switches area, so the area mounts already showing it; a tiny store, as
 * app/navigation.ts is for notes.
 */
type Listener = () => void;
const listeners = new Set<Listener>();
let focusOnArrival = false;

export const themeViewLink = {
  show(workspacePath: string, themeId: string): void {
    remember(workspacePath, { ...recall(workspacePath), tab: 'themes', themeIds: [themeId], mode: 'any', includeSubthemes: true });
    focusOnArrival = true;
    listeners.forEach((l) => l());
  },
  /** Asked by the Analysis area as it mounts: should it move focus to the theme view? */
  wantsFocus: (): boolean => focusOnArrival,
  /** Said by the Analysis area once mounted (asking must stay pure: React may render twice). */
  arrived(): void {
    focusOnArrival = false;
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
