import type { CSSProperties } from 'react';
import { themePalette } from '../../../shared/domain/theme';

/** What a person calls each palette colour: colour pickers say it, never show the swatch alone. */
export const paletteNames: Record<(typeof themePalette)[number], string> = {
  '#1F77B4': 'Blue',
  '#D62728': 'Red',
  '#2CA02C': 'Green',
  '#9467BD': 'Purple',
  '#FF7F0E': 'Orange',
  '#17BECF': 'Teal',
  '#8C564B': 'Brown',
  '#E377C2': 'Pink',
  '#7F7F7F': 'Grey',
  '#BCBD22': 'Olive',
};

export const colourName = (colour: string): string =>
  paletteNames[colour.toUpperCase() as keyof typeof paletteNames] ?? `Custom ${colour.toUpperCase()}`;

type Rgb = [number, number, number];

const rgb = (hex: string): Rgb => {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};

const luminance = ([r, g, b]: Rgb): number => {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};

/** WCAG contrast ratio of two colours. */
export const contrast = (a: Rgb, b: Rgb): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

/** What CSS color-mix(in srgb, colour p%, background) gives. */
export const mix = (colour: Rgb, background: Rgb, share: number): Rgb =>
  colour.map((c, i) => Math.round(c * share + background[i]! * (1 - share))) as Rgb;

/** --bg and --text of app.css, in light and dark: the tint must suit both. */
export const modes: { bg: Rgb; text: Rgb }[] = [
  { bg: rgb('#ffffff'), text: rgb('#1d2329') },
  { bg: rgb('#15191e'), text: rgb('#e8ecf0') },
];

const MIN_CONTRAST = 4.5;
const MAX_SHARE = 0.3;

/**
 * How much of the theme's colour goes into a tint behind text: as much as
 * reads as the colour (up to 30%), but never so much that body text on it
 * drops below 4.5:1 in light or dark mode. Most colours get the full 30%.
 */
export function tintShare(colour: string): number {
  const c = rgb(/^#[0-9a-f]{6}$/i.test(colour) ? colour : '#7f7f7f');
  for (let share = MAX_SHARE; share > 0; share -= 0.02) {
    if (modes.every(({ bg, text }) => contrast(mix(c, bg, share), text) >= MIN_CONTRAST)) return Math.round(share * 100) / 100;
  }
  return 0;
}

/**
 * The style of anything that shows a theme's colour behind text — a chip, a
 * highlighted passage: a tint of the colour over the page's background (it
 * follows light and dark mode through var(--bg)) and the full colour as the
 * border. The text keeps the page's colour, at 4.5:1 or better.
 */
export function themeChipStyle(colour: string): CSSProperties {
  const percent = Math.round(tintShare(colour) * 100);
  return {
    backgroundColor: `color-mix(in srgb, ${colour} ${percent}%, var(--bg))`,
    borderColor: colour,
    color: 'var(--text)',
  };
}
