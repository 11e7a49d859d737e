import type { BrowserWindow, NativeTheme } from 'electron';

/**
 * The window's own background, painted before the page and wherever it has not painted yet (a resize): the
 * page's `--bg` (app.css) in light and dark. The page itself needs nothing from here to follow the system: with
 * `nativeTheme.themeSource` left at 'system', Chromium's prefers-color-scheme is the OS's light or dark, which the
 * renderer's "system" mode follows (features/settings/themeMode.ts). A light or dark chosen in the app stays in the
 * page: it does not reach native menus, which follow the OS.
 */
export const WINDOW_BACKGROUND = { light: '#ffffff', dark: '#15191e' } as const;

type Theme = Pick<NativeTheme, 'shouldUseDarkColors'>;
/** What of Electron's nativeTheme this needs (app.ts passes the real one, so the compiler holds it to Electron's types). */
interface SystemTheme extends Theme {
  on(event: 'updated', listener: () => void): unknown;
  off(event: 'updated', listener: () => void): unknown;
}

export const windowBackground = (theme: Theme): string => (theme.shouldUseDarkColors ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light);

/** Keep a window's background with the OS as it switches between light and dark; returns the unsubscribe. */
export function followSystemTheme(theme: SystemTheme, window: Pick<BrowserWindow, 'setBackgroundColor' | 'isDestroyed'>): () => void {
  const update = () => {
    if (!window.isDestroyed()) window.setBackgroundColor(windowBackground(theme));
  };
  theme.on('updated', update);
  return () => theme.off('updated', update);
}
