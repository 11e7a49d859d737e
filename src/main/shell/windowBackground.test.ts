import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { followSystemTheme, WINDOW_BACKGROUND, windowBackground } from './windowBackground';

/** A stand-in for Electron's nativeTheme: the OS's dark mode, and its 'updated' event. */
class FakeNativeTheme extends EventEmitter {
  shouldUseDarkColors = false;
  switchTo(dark: boolean): void {
    this.shouldUseDarkColors = dark;
    this.emit('updated');
  }
}

describe('the window background follows the system light or dark', () => {
  it('starts as the OS is, changes when it changes, and stops when asked or when the window is gone', () => {
    const theme = new FakeNativeTheme();
    const painted: string[] = [];
    let destroyed = false;
    const window = { setBackgroundColor: (c: string) => void painted.push(c), isDestroyed: () => destroyed };
    expect(windowBackground(theme)).toBe(WINDOW_BACKGROUND.light);
    theme.shouldUseDarkColors = true;
    expect(windowBackground(theme)).toBe(WINDOW_BACKGROUND.dark);

    const stop = followSystemTheme(theme, window);
    theme.switchTo(false);
    theme.switchTo(true);
    expect(painted).toEqual([WINDOW_BACKGROUND.light, WINDOW_BACKGROUND.dark]);
    destroyed = true;
    theme.switchTo(false);
    expect(painted).toHaveLength(2);
    stop();
    expect(theme.listenerCount('updated')).toBe(0);
  });
});
