import { describe, expect, it } from 'vitest';
import { speakerLine } from './format';

describe("a hit's or passage's speaker line", () => {
  it('names the staff group of a linked speaker, and calls a code linked to nobody an unknown speaker', () => {
    expect(speakerLine({ code: 'P014', staffGroup: 'allied_health_professional' })).toBe('P014 · Allied health professional');
    expect(speakerLine({ code: 'P005', staffGroup: null })).toBe('P005 · unknown speaker');
    expect(speakerLine(null)).toBe('no speaker');
  });
});
