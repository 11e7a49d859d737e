/**
 * Heat-map shading (issue 8): the accent mixed into the background in
 * proportion to a count, capped so the number on top (always shown) keeps its
 * contrast in light and dark. Colour never carries the meaning alone.
 */
export function heat(value: number, max: number): string | undefined {
  if (value <= 0 || max <= 0) return undefined;
  const share = Math.sqrt(value / max); // small counts still show
  return `color-mix(in srgb, var(--heat) ${Math.round(6 + share * 34)}%, var(--bg))`;
}
