import { useSyncExternalStore } from 'react';

/**
 * Light, dark or the system's: a display preference of this installation, so it lives in the page's own
 * storage, not in the workspace (a workspace moves between laptops; the reviewer's eyes stay here). The
 * stylesheet's colours are all `light-dark()`, so setting `data-theme` (→ `color-scheme`) on <html> is enough.
 */
export type ThemeMode = 'system' | 'light' | 'dark';
/** `keywords`: what a person may type for them in the command palette ("dark mode"). */
const SCHEME = 'mode colour color scheme';
export const THEME_MODES: readonly { mode: ThemeMode; label: string; keywords: string }[] = [
  { mode: 'system', label: 'Follow the system', keywords: `${SCHEME} automatic` },
  { mode: 'light', label: 'Light', keywords: SCHEME },
  { mode: 'dark', label: 'Dark', keywords: `${SCHEME} night` },
];

const KEY = 'fieldnotes.themeMode';
const listeners = new Set<() => void>();

function stored(): ThemeMode {
  try {
    const value = globalThis.localStorage?.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system'; // storage refused (a locked-down profile): follow the system
  }
}

function apply(mode: ThemeMode): void {
  if (mode === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = mode;
}

export function setThemeMode(mode: ThemeMode): void {
  try {
    globalThis.localStorage?.setItem(KEY, mode);
  } catch {
    // Not kept for next time; still applied now.
  }
  apply(mode);
  listeners.forEach((l) => l());
}

/** Apply the stored mode before the first paint (main.tsx). */
export function applyStoredThemeMode(): void {
  apply(stored());
}

export function useThemeMode(): ThemeMode {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stored,
  );
}
