import { afterEach, describe, expect, it } from 'vitest';
import type { SearchPlace } from '../../../shared/domain/analysis';
import { sliceCodePoints } from '../../../shared/note/anchors';
import { analysisWorkspace } from '../testing/analysisFixtures';
import { tempFolders } from '../testing/tempWorkspace';
import { PLACES_PER_NOTE, search } from './search';

const folders = tempFolders();
afterEach(() => folders.cleanup());

const shown = (place: Pick<SearchPlace, 'snippet'>) => place.snippet.map((s) => (s.match ? `[${s.text}]` : s.text)).join('');

describe('every place a search finds in a note', () => {
  it('lists every match of a note under its one hit, in order, each with its snippet and sentence', () => {
    const w = analysisWorkspace(folders);
    try {
      const e = w.engagement();
      const note = w.note(e, [
        'P014: We had no training at all. Nobody asked us.',
        'Facilitator: What changed after that?',
        'P022: The training came later. It was too short, and the training room was cold.',
      ]);
      const { hits, total } = search(w.db, { query: 'training' });
      expect(total).toBe(1);
      const [hit] = hits;
      expect(hit!.placeCount).toBe(2);
      expect(hit!.places.map(shown)).toEqual([
        'P014: We had no [training] at all. Nobody asked us.',
        'P022: The [training] came later. It was too short, and the [training] room was cold.',
      ]);
      const text = (r: { start: number; end: number }) => sliceCodePoints(note.text(), r.start, r.end);
      expect(hit!.places.map((p) => text(p))).toEqual(['training', 'training']);
      expect(hit!.places.map((p) => text(p.sentence))).toEqual(['We had no training at all.', 'The training came later.']);
      expect(hit!.places.map((p) => p.sentenceText)).toEqual(['We had no training at all.', 'The training came later.']);
      expect(hit!.places.map((p) => p.speaker?.code)).toEqual(['P014', 'P022']);
      expect(text(hit!.sentence)).toBe('We had no training at all.');
    } finally {
      w.close();
    }
  });

  it('a snippet stops at its paragraph: the next one may be someone else speaking', () => {
    const w = analysisWorkspace(folders);
    try {
      const e = w.engagement();
      w.note(e, ['P014: Short answer about triage.', 'P022: Someone else entirely, with many more words after it.']);
      const [hit] = search(w.db, { query: 'triage' }).hits;
      expect(shown(hit!)).toBe('P014: Short answer about [triage].');
    } finally {
      w.close();
    }
  });

  it('a note with very many matches lists the first places and says how many there are', () => {
    const w = analysisWorkspace(folders);
    try {
      const e = w.engagement();
      w.note(e, Array.from({ length: PLACES_PER_NOTE + 10 }, (_, i) => `Paragraph ${i} mentions governance once.`));
      const [hit] = search(w.db, { query: 'governance' }).hits;
      expect(hit!.places).toHaveLength(PLACES_PER_NOTE);
      expect(hit!.placeCount).toBe(PLACES_PER_NOTE + 10);
    } finally {
      w.close();
    }
  });
});
