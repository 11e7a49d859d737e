/**
 * Where a context menu goes so that all of it is in the window: below and to the right of where it was opened,
 * flipped to the left of it near the right edge and above it near the bottom, then kept a margin inside. A menu
 * opened at the window's edge used to run off it, its last items out of reach (issue 11).
 */

/** What a menu opens from: the pointer (a box of no size) or, from the keyboard, the box of the thing it is for. */
export interface MenuAnchor {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface Size {
  width: number;
  height: number;
}

/** Kept clear between a menu and the window's edge. */
export const MENU_MARGIN = 8;

/** The anchor of a point: the pointer's place. */
export const pointAnchor = (x: number, y: number): MenuAnchor => ({ left: x, top: y, right: x, bottom: y });

/**
 * Along one axis: from where the menu opens if it fits before the far edge; else ending where it flips to (the
 * pointer, or the near side of the thing's box) if that fits; then kept a margin clear of both edges.
 */
function along(opensAt: number, flipsTo: number, size: number, room: number, margin: number): number {
  const furthest = room - margin - size;
  const at = opensAt <= furthest ? opensAt : flipsTo - size >= margin ? flipsTo - size : furthest;
  return Math.max(margin, Math.min(at, furthest));
}

/**
 * The top-left corner of a menu of `menu`'s size opened from `anchor` in a window of `viewport`'s size: it opens
 * below the anchor from its left edge (the pointer, or a row's start), flipping to end at its right or its top.
 */
export function placeMenu(anchor: MenuAnchor, menu: Size, viewport: Size, margin = MENU_MARGIN): { x: number; y: number } {
  return {
    x: along(anchor.left, anchor.right, menu.width, viewport.width, margin),
    y: along(anchor.bottom, anchor.top, menu.height, viewport.height, margin),
  };
}
