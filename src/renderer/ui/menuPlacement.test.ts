import { describe, expect, it } from 'vitest';
import { placeMenu, pointAnchor } from './menuPlacement';

const wide = { width: 1280, height: 800 };
const narrow = { width: 320, height: 800 };
const menu = { width: 220, height: 120 };

/** The whole menu at `at` lies inside the window, a margin clear of each edge. */
const inside = (at: { x: number; y: number }, size: { width: number; height: number }, viewport: typeof wide) =>
  at.x >= 8 && at.y >= 8 && at.x + size.width <= viewport.width - 8 && at.y + size.height <= viewport.height - 8;

describe('where a context menu opens (issue 11)', () => {
  it('opens below and right of the pointer where there is room', () => {
    expect(placeMenu(pointAnchor(300, 200), menu, wide)).toEqual({ x: 300, y: 200 });
  });

  it('flips left of the pointer at the right edge and above it at the bottom', () => {
    expect(placeMenu(pointAnchor(1270, 790), menu, wide)).toEqual({ x: 1050, y: 670 });
  });

  it('from the keyboard, flips above the row it was opened from, not over it', () => {
    const row = { left: 16, top: 760, right: 300, bottom: 790 };
    expect(placeMenu(row, menu, wide)).toEqual({ x: 16, y: 640 });
    // A row ending near the right edge: the flipped menu ends where the row does.
    expect(placeMenu({ left: 1200, top: 100, right: 1260, bottom: 130 }, menu, wide)).toEqual({ x: 1040, y: 130 });
  });

  it('is kept inside a 320 px window whichever way it cannot flip', () => {
    for (const x of [0, 10, 100, 160, 250, 319])
      for (const y of [0, 400, 799]) {
        const at = placeMenu(pointAnchor(x, y), menu, narrow);
        expect(inside(at, menu, narrow), `opened at ${x},${y}: ${JSON.stringify(at)}`).toBe(true);
      }
    // Neither side of the box has room: as near the right edge as fits, whole.
    expect(placeMenu({ left: 150, top: 300, right: 170, bottom: 330 }, menu, narrow)).toEqual({ x: 92, y: 330 });
    // Opened on the very edge: a margin clear of it.
    expect(placeMenu(pointAnchor(2, 3), menu, narrow)).toEqual({ x: 8, y: 8 });
  });

  it('starts at the margin when the menu is larger than the window', () => {
    expect(placeMenu(pointAnchor(200, 50), { width: 400, height: 900 }, narrow)).toEqual({ x: 8, y: 8 });
  });
});
