import { describe, expect, it } from 'vitest';
import { themePalette } from '../../../shared/domain/theme';
import { contrast, modes } from '../themes/colours';
import { underlineColours } from './markColours';

const rgb = (hex: string): [number, number, number] => {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};

describe('underlineColours', () => {
  it('gives every palette colour, and odd custom ones, 3:1 against the page in light and dark', () => {
    for (const colour of [...themePalette, '#FFFF00', '#000000', '#FFFFFF', '#777777', '#17BECF']) {
      const { light, dark } = underlineColours(colour);
      expect(contrast(rgb(light), modes[0]!.bg), `${colour} light`).toBeGreaterThanOrEqual(3);
      expect(contrast(rgb(dark), modes[1]!.bg), `${colour} dark`).toBeGreaterThanOrEqual(3);
    }
  });

  it('keeps a colour that already stands out', () => {
    expect(underlineColours('#1F77B4').light).toBe('#1f77b4');
    expect(underlineColours('#FF7F0E').dark).toBe('#ff7f0e');
  });

  it('darkens in light mode and lightens in dark mode only as much as needed', () => {
    const teal = underlineColours('#17BECF');
    expect(contrast(rgb('#17BECF'), modes[0]!.bg)).toBeLessThan(3);
    expect(contrast(rgb(teal.light), modes[0]!.bg)).toBeLessThan(3.3);
  });
});
