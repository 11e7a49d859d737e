import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { themePalette } from '../../../shared/domain/theme';
import { colourName, contrast, mix, modes, themeChipStyle, tintShare } from './colours';

const rgb = (hex: string) => {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255] as [number, number, number];
};

describe('theme colours behind text', () => {
  it('keep body text at 4.5:1 or better in light and dark mode, for any colour', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffff }), (n) => {
        const colour = `#${n.toString(16).padStart(6, '0')}`;
        const share = tintShare(colour);
        for (const { bg, text } of modes) expect(contrast(mix(rgb(colour), bg, share), text)).toBeGreaterThanOrEqual(4.5);
      }),
      { numRuns: 2000 },
    );
  });

  it('give every palette colour a clearly visible tint', () => {
    for (const colour of themePalette) expect(tintShare(colour)).toBeGreaterThanOrEqual(0.2);
  });

  it('are named, never shown as colour alone', () => {
    expect(colourName('#1f77b4')).toBe('Blue');
    expect(colourName('#123456')).toBe('Custom #123456');
    expect(themeChipStyle('#1F77B4')).toMatchObject({ borderColor: '#1F77B4', backgroundColor: expect.stringContaining('color-mix(in srgb, #1F77B4') });
  });
});
