import { describe, expect, it } from 'vitest';
import { snippet } from './searchText';

describe('snippet', () => {
  it('flattens any white space but single spaces, in the match and around it, and joins neighbours of a kind', () => {
    const text = 'Before the\tword\u00a0and  after it.';
    const at = text.indexOf('word');
    const matches = [{ start: at, end: at + 4 }];
    expect(snippet(text, matches, matches[0]!)).toEqual([
      { text: 'Before the ', match: false },
      { text: 'word', match: true },
      { text: ' and after it.', match: false },
    ]);
    // Single spaces only: nothing to flatten, the pieces as they are.
    expect(snippet('one two three', [{ start: 4, end: 7 }], { start: 4, end: 7 })).toEqual([
      { text: 'one ', match: false },
      { text: 'two', match: true },
      { text: ' three', match: false },
    ]);
  });

  it('marks a trailing "…" on the plain text before it when the paragraph goes on', () => {
    const text = `The word ${'then more words '.repeat(20)}end.`;
    const segments = snippet(text, [{ start: 4, end: 8 }], { start: 4, end: 8 });
    expect(segments.map((s) => s.match)).toEqual([false, true, false]);
    expect(segments[2]!.text.endsWith('…')).toBe(true);
    expect(segments[2]!.text).not.toContain('  ');
  });
});
