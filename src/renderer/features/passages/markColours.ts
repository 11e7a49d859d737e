import { contrast, mix, modes } from '../themes/colours';

type Rgb = [number, number, number];

const UNDERLINE_CONTRAST = 3;
const BLACK: Rgb = [0, 0, 0];
const WHITE: Rgb = [255, 255, 255];

const rgb = (hex: string): Rgb => {
  const n = Number.parseInt((/^#[0-9a-f]{6}$/i.test(hex) ? hex : '#7f7f7f').slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};
const hex = (c: Rgb): string => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;

/**
 * A theme's colour as an underline on the page: the colour itself where it
 * stands out 3:1 against the page, else darkened (light mode) or lightened
 * (dark mode) just enough — a passage's underline is the one place the colour
 * alone marks something, so it must be seen (WCAG 1.4.11). Issue 11.
 */
export function underlineColours(colour: string): { light: string; dark: string } {
  // A note's thousands of marks share a handful of theme colours: each is worked out once.
  let known = adjusted.get(colour);
  if (!known) adjusted.set(colour, (known = adjust(colour)));
  return known;
}

const adjusted = new Map<string, { light: string; dark: string }>();

function adjust(colour: string): { light: string; dark: string } {
  const c = rgb(colour);
  const [light, dark] = modes.map(({ bg }, mode) => {
    const toward = mode === 0 ? BLACK : WHITE;
    for (let share = 1; share >= 0; share -= 0.02) {
      const candidate = mix(c, toward, share);
      if (contrast(candidate, bg) >= UNDERLINE_CONTRAST) return hex(candidate);
    }
    return hex(toward);
  }) as [string, string];
  return { light, dark };
}

/** At most this many underlines stack under one stretch of text; the label names the rest. */
export const MAX_UNDERLINES = 3;

/** Set a mark's stacked underlines (one per theme colour, in both modes) as CSS variables. */
export function paintUnderlines(element: HTMLElement, colours: string[]): void {
  const distinct = [...new Set(colours.map((c) => c.toUpperCase()))].slice(0, MAX_UNDERLINES);
  for (let i = 0; i < MAX_UNDERLINES; i++) {
    const colour = distinct[i];
    if (!colour) {
      element.style.removeProperty(`--u${i + 1}`);
      continue;
    }
    const { light, dark } = underlineColours(colour);
    element.style.setProperty(`--u${i + 1}`, `light-dark(${light}, ${dark})`);
  }
  element.dataset.underlines = String(distinct.length);
}
