import fc from 'fast-check';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../index';
import { analysisWorkspace } from '../testing/analysisFixtures';
import { tempFolders } from '../testing/tempWorkspace';
import { search } from './search';
import { normalise, parseSearch, termPatterns, toFtsQuery } from './searchQuery';
import { readMarked, snippet, toCodePoints, toUnits } from './searchText';

/** Half of a surrogate pair without its other half: a character cut in two. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const folders = tempFolders();
afterEach(() => folders.cleanup());

/** Text a person might type, rich in what FTS5's query language gives meaning to. */
const syntaxy = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 6 }),
      fc.constantFrom('"', '*', '(', ')', ':', '^', '+', '-', '{', '}', ',', ' ', 'AND', 'OR', 'NOT', 'NEAR', 'NEAR(', '\u0000', 'é', '🙂', 'training', 'rowid:'),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('search queries', () => {
  it('parse words, "phrases" and prefix* words', () => {
    expect(parseSearch('structured "AI triage" radio* "gen"* -')).toEqual([
      { text: 'structured', phrase: false, prefix: false },
      { text: 'AI triage', phrase: true, prefix: false },
      { text: 'radio', phrase: false, prefix: true },
      { text: 'gen', phrase: false, prefix: true },
    ]);
    expect(toFtsQuery(parseSearch('say "no" NOT "unclosed *'))).toBe('"say" "no" "NOT" "unclosed *"');
    expect(parseSearch('  " " *** —  ')).toEqual([]);
  });

  it('patterns find whole words, phrases and prefixes in normalised text, as the index would', () => {
    const holds = (query: string, text: string) => termPatterns(parseSearch(query)).some((p) => p.test(normalise(text)));
    expect(holds('reseau', 'Le RÉSEAU de formation')).toBe(true);
    expect(holds('reseau', 'Le re\u0301seau')).toBe(true);
    expect(holds('train', 'training')).toBe(false);
    expect(holds('train*', 'Training')).toBe(true);
    expect(holds('"structured training"', 'structured — training')).toBe(true);
    expect(holds('"structured training"', 'structured and training')).toBe(false);
    expect(holds('AI-triage', 'ai triage')).toBe(true);
    expect(holds('(a+b)', 'a b')).toBe(true); // regex characters are only text
  });

  it('property: no text a person types makes an FTS5 syntax error, and search never fails', () => {
    const w = analysisWorkspace(folders);
    try {
      w.note(w.engagement(), ['Training 🙂 for the réseau (AI) — "quoted" text, NEAR and NOT included.']);
      const run = w.db.prepare('SELECT rowid FROM note_blocks_fts WHERE note_blocks_fts MATCH ?');
      fc.assert(
        fc.property(fc.oneof(syntaxy, fc.string({ unit: 'binary' })), (text) => {
          const terms = parseSearch(text);
          if (terms.length > 0) expect(() => run.all(toFtsQuery(terms))).not.toThrow();
          const result = search(w.db, { query: text, filters: { staffGroups: ['nurse'], keyQuotesOnly: false } });
          expect(result.total).toBeGreaterThanOrEqual(0);
          search(w.db, { query: text });
        }),
        { numRuns: 400 },
      );
    } finally {
      w.close();
    }
  });

  it('through the core: a strange query is an answer, never an internal error', async () => {
    const folder = folders.make();
    const core = createCore({ settingsFolder: join(folder, 'settings'), defaultFolder: folder, host: 'loopback', version: 'test' });
    try {
      await core.invoke('reviewer.set', { name: 'Ada Lovelace', initials: 'AL' });
      await core.invoke('workspace.create', { path: join(folder, 'q.fieldnotes'), name: 'Q' });
      await fc.assert(
        fc.asyncProperty(syntaxy.filter((s) => s.trim().length > 0 && s.trim().length <= 500), async (query) => {
          const result = await core.invoke('search.query', { query });
          expect(result.ok, JSON.stringify(result)).toBe(true);
        }),
        { numRuns: 150 },
      );
      const empty = await core.invoke('search.query', { query: '   ' });
      expect(empty).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      const reviewers = await core.invoke('analysis.reviewers', {});
      expect(reviewers).toMatchObject({ ok: true, value: [{ name: 'Ada Lovelace', initials: 'AL' }] });
    } finally {
      core.close();
    }
  });
});

describe('search text', () => {
  it('property: UTF-16 and code point offsets convert both ways', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.array(fc.nat(), { maxLength: 8 }), (text, picks) => {
        const points = Array.from(text);
        const cps = picks.map((p) => p % (points.length + 1));
        const units = toUnits(text, cps);
        expect(units).toEqual(cps.map((cp) => points.slice(0, cp).join('').length));
        expect(toCodePoints(text, units)).toEqual(cps);
      }),
    );
  });

  it('reads highlight() markers back, and refuses markers that do not pair', () => {
    expect(readMarked('a \uFDD0b\uFDD1 c \uFDD0d e\uFDD1')).toEqual({
      text: 'a b c d e',
      matches: [
        { start: 2, end: 3 },
        { start: 6, end: 9 },
      ],
    });
    expect(readMarked('a \uFDD1b')).toBeNull();
    expect(readMarked('\uFDD0a\uFDD0b\uFDD1')).toBeNull();
    expect(readMarked('\uFDD0a')).toBeNull();
  });

  it('property: a snippet never splits a character and always holds the match', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.nat(), fc.nat(20), (text, at, length) => {
        const start = at % (text.length + 1);
        const match = { start, end: Math.min(text.length, start + length) };
        if (/[\uDC00-\uDFFF]/.test(text[match.start] ?? '') || /[\uDC00-\uDFFF]/.test(text[match.end] ?? '')) return;
        const segments = snippet(text, [match], match);
        for (const s of segments) expect(s.text).not.toMatch(LONE_SURROGATE);
        if (match.end > match.start) {
          expect(segments.find((s) => s.match)?.text).toBe(text.slice(match.start, match.end).replace(/\s+/g, ' '));
        }
      }),
    );
  });
});
