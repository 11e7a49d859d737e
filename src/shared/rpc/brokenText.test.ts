import { describe, expect, it } from 'vitest';
import { brokenTextAt, hasLoneSurrogate } from './brokenText';

describe('text a disk cannot keep', () => {
  it('is a lone surrogate, high or low, and not a proper pair', () => {
    expect(hasLoneSurrogate('P014 said 👍 twice')).toBe(false);
    expect(hasLoneSurrogate('half \uD83D')).toBe(true);
    expect(hasLoneSurrogate('\uDC4D half')).toBe(true);
    expect(hasLoneSurrogate('\uDC4D\uD83D')).toBe(true); // the halves in the wrong order
  });

  it('is found wherever it sits in a request, keys included', () => {
    expect(brokenTextAt({ title: 'ok', filters: { staffGroups: ['nurse', 'x\uD800'] } })).toEqual(['filters', 'staffGroups', 1]);
    expect(brokenTextAt({ attributes: { ['\uDFFF']: 'value' } })).toEqual(['attributes', '\uDFFF']);
    expect(brokenTextAt({ title: '👍', n: 3, none: null })).toBeNull();
  });
});
