import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { SearchHit } from '../../../shared/domain/analysis';
import { sliceCodePoints } from '../../../shared/note/anchors';
import { analysisWorkspace, codePointIndex, type AnalysisWorkspace } from '../testing/analysisFixtures';
import { addOldNote, makeOldWorkspace, tempFolders } from '../testing/tempWorkspace';
import { openWorkspace } from '../workspace/workspace';
import { search } from './search';

/**
 * Japanese and Chinese search (issue 11): unicode61 made one word of a run of CJK letters, so a word inside a
 * longer run was never found. Each CJK letter is now a word of the note index (store/indexedText.ts).
 */
const folders = tempFolders();
afterEach(() => folders.cleanup());

const shown = (hit: SearchHit) => hit.snippet.map((s) => (s.match ? `[${s.text}]` : s.text)).join('');
const find = (w: AnalysisWorkspace, query: string, filters = {}) => search(w.db, { query, filters });
const ids = (w: AnalysisWorkspace, query: string, filters = {}) => find(w, query, filters).hits.map((h) => h.source.noteId);

function indexAgrees(w: AnalysisWorkspace): void {
  w.db.exec(`INSERT INTO note_blocks_fts(note_blocks_fts, rank) VALUES ('integrity-check', 1);`);
  expect(w.db.pragma('integrity_check', { simple: true })).toBe('ok');
}

describe('search in Japanese and Chinese', () => {
  it('finds a Japanese word inside a longer run, and marks exactly its characters', () => {
    const w = analysisWorkspace(folders);
    try {
      const e = w.engagement();
      const note = w.note(e, ['😀 市場調査を行った。次に調査員が来た。', 'Training in English too.']);
      const other = w.note(e, ['調べて査定した。']); // 調 and 査, not in a row
      expect(ids(w, '調査')).toEqual([note.id]);
      expect(ids(w, '調査員')).toEqual([note.id]);
      expect(ids(w, '調')).toEqual(expect.arrayContaining([note.id, other.id]));
      expect(ids(w, '査定')).toEqual([other.id]);
      expect(ids(w, '調査 training')).toEqual([note.id]);
      expect(ids(w, '"市場調査"')).toEqual([note.id]);

      const [hit] = find(w, '調査').hits;
      expect(sliceCodePoints(note.text(), hit!.start, hit!.end)).toBe('調査');
      expect(hit!.start).toBe(Array.from('😀 市場').length);
      expect(shown(hit!)).toBe('😀 市場[調査]を行った。次に[調査]員が来た。');
      // The sentence ends at 。 though no space follows it: what Tag… from the hit offers.
      expect(hit!.sentenceText).toBe('😀 市場調査を行った。');
      indexAgrees(w);
    } finally {
      w.close();
    }
  });

  it('finds Chinese words inside a longer run, and CJK beside Latin letters and digits', () => {
    const w = analysisWorkspace(folders);
    try {
      const e = w.engagement();
      const note = w.note(e, ['我们的调查研究很有用，2024年用Excel表整理。']);
      expect(ids(w, '调查')).toEqual([note.id]);
      expect(ids(w, '研究')).toEqual([note.id]);
      expect(ids(w, '调研')).toEqual([]);
      expect(ids(w, 'excel')).toEqual([note.id]);
      expect(ids(w, '2024年')).toEqual([note.id]);
      const [hit] = find(w, '研究').hits;
      expect(sliceCodePoints(note.text(), hit!.start, hit!.end)).toBe('研究');
      expect(shown(hit!)).toBe('我们的调查[研究]很有用，2024年用Excel表整理。');
    } finally {
      w.close();
    }
  });

  it('leaves English as it was: whole words, prefixes with *', () => {
    const w = analysisWorkspace(folders);
    try {
      const note = w.note(w.engagement(), ['Radiographers need structured training.']);
      expect(ids(w, 'training')).toEqual([note.id]);
      expect(ids(w, 'train')).toEqual([]);
      expect(ids(w, 'train*')).toEqual([note.id]);
      expect(shown(find(w, 'structured').hits[0]!)).toBe('Radiographers need [structured] training.');
    } finally {
      w.close();
    }
  });

  it('follows edits, and filters by staff group and key quote in Japanese', () => {
    const w = analysisWorkspace(folders);
    try {
      const e = w.engagement();
      const nurse = w.participant('nurse');
      const doctor = w.participant('doctor');
      const theme = w.theme('調査');
      const note = w.note(e, [`${doctor}: 医師の調査です。`, `${nurse}: 看護師の調査です。`, '誰も言わない調査。']);
      const hits = find(w, '調査', { staffGroups: ['nurse'] }).hits;
      expect(hits.map((h) => h.source.noteId)).toEqual([note.id]);
      expect(hits[0]!.start).toBe(note.text().indexOf(`${nurse}:`) + `${nurse}: 看護師の`.length);
      expect(find(w, '調査', { staffGroups: ['midwife'] }).total).toBe(0);

      note.tag('誰も言わない調査', [theme], { keyQuote: true });
      const [quoted] = find(w, '調査', { keyQuotesOnly: true }).hits.filter((h) => h.kind === 'note');
      expect(quoted!.start).toBe(note.text().indexOf('誰も言わない') + 6);

      const at = codePointIndex(note.text(), '看護師');
      note.remove(at, at + 3);
      note.insert(at, '新しい文章');
      expect(ids(w, '看護師')).toEqual([]);
      expect(find(w, '文章').hits.map((h) => [h.source.noteId, h.start])).toEqual([[note.id, at + 3]]);
      indexAgrees(w);
    } finally {
      w.close();
    }
  });

  it('finds Japanese in a workspace written before, once it is migrated', () => {
    const path = join(folders.make(), 'old.fieldnotes');
    makeOldWorkspace(path, 6);
    addOldNote(path, 'n-old', '市場調査を行った。');
    const workspace = openWorkspace(path);
    try {
      expect(search(workspace.db, { query: '調査' }).hits.map((h) => [h.source.noteId, h.start, h.end])).toEqual([['n-old', 2, 4]]);
    } finally {
      workspace.close();
    }
  });
});
