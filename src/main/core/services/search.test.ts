import { afterEach, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../shared/domain/analysis';
import { sliceCodePoints } from '../../../shared/note/anchors';
import { analysisWorkspace, OTHER_REVIEWER, type AnalysisWorkspace } from '../testing/analysisFixtures';
import { join } from 'node:path';
import { addOldNote, makeOldWorkspace, tempFolders, TEST_REVIEWER, withRawDb } from '../testing/tempWorkspace';
import { openWorkspace } from '../workspace/workspace';
import { deleteNote, renameNote } from './notes';
import { updateParticipant } from './participants';
import { deletePassage, updatePassage } from './passages';
import { search } from './search';

const folders = tempFolders();
afterEach(() => folders.cleanup());

const shown = (hit: SearchHit) => hit.snippet.map((s) => (s.match ? `[${s.text}]` : s.text)).join('');
const find = (w: AnalysisWorkspace, query: string, filters = {}) => search(w.db, { query, filters });

/** The FTS5 indexes agree with the rows they index (the triggers forgot nothing). */
function indexesAgree(w: AnalysisWorkspace): void {
  w.db.exec(`INSERT INTO note_blocks_fts(note_blocks_fts, rank) VALUES ('integrity-check', 1);
             INSERT INTO memos_fts(memos_fts, rank) VALUES ('integrity-check', 1);`);
  expect(w.db.pragma('integrity_check', { simple: true })).toBe('ok');
}

describe('search', () => {
  it('finds words, phrases and prefixes, ignoring accents and case, words ANDed', () => {
    const w = analysisWorkspace(folders);
    try {
      const e = w.engagement();
      const note = w.note(e, ['Le réseau de formation est très utile.', 'Radiographers need structured training before AI triage.']);
      const ids = (q: string) => find(w, q).hits.map((h) => h.source.noteId);
      expect(ids('reseau')).toEqual([note.id]);
      expect(ids('RÉSEAU')).toEqual([note.id]);
      expect(ids('tres')).toEqual([note.id]);
      expect(ids('train*')).toEqual([note.id]);
      expect(ids('train')).toEqual([]);
      expect(ids('"structured training"')).toEqual([note.id]);
      expect(ids('"training structured"')).toEqual([]);
      expect(ids('radiographers triage')).toEqual([note.id]);
      expect(ids('radiographers nowhere')).toEqual([]);
      expect(ids('"structured train"*')).toEqual([note.id]);
      // FTS5 syntax is only text: no error, and the words around it are still found.
      expect(ids('AI (triage) -structured: ^need')).toEqual([note.id]);
      expect(ids('AI OR nothing')).toEqual([]); // "or" is a word to find, and the note has none
      expect(find(w, '(((').total).toBe(0);
      expect(find(w, '"structured training"').hits[0]!.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['structured training']);
    } finally {
      w.close();
    }
  });

  it('reports the match in code points, with emoji, accents and decomposed accents before it', () => {
    const w = analysisWorkspace(folders);
    try {
      const e = w.engagement();
      const note = w.note(e, ['🙂 Café 😀 — l’équipe 🇬🇧 a dit:', 'le re\u0301seau 🙃 et le réseau.']);
      const [hit] = find(w, 'reseau').hits;
      expect(sliceCodePoints(note.text(), hit!.start, hit!.end)).toBe('re\u0301seau');
      expect(shown(hit!)).toContain('[re\u0301seau]');
      expect(shown(hit!)).toContain('[réseau]');
      const [equipe] = find(w, 'equipe').hits;
      expect(sliceCodePoints(note.text(), equipe!.start, equipe!.end)).toBe('équipe');
      expect([equipe!.start, equipe!.end]).toEqual([Array.from('🙂 Café 😀 — l’').length, Array.from('🙂 Café 😀 — l’équipe').length]);
    } finally {
      w.close();
    }
  });

  it('shows the place where most of the words meet, cut at spaces, with … where the note goes on', () => {
    const w = analysisWorkspace(folders);
    try {
      const e = w.engagement();
      const filler = 'Nothing of note was said in this part of the morning session at all. '.repeat(6);
      const note = w.note(e, [`Training came up once. ${filler}`, `${filler}Radiographers asked for training in AI triage. ${filler}`]);
      const [hit] = find(w, 'training radiographers').hits;
      const text = shown(hit!);
      expect(text).toMatch(/^….*\[Radiographers\] asked for \[training\] in AI triage\..*…$/);
      expect(sliceCodePoints(note.text(), hit!.start, hit!.end)).toBe('Radiographers');
      expect(text.length).toBeLessThan(300);
    } finally {
      w.close();
    }
  });

  it('finds memos, with the passage and its place, after the hits in notes', () => {
    const w = analysisWorkspace(folders);
    try {
      const e = w.engagement();
      const training = w.theme('Training');
      const note = w.note(e, ['Radiographers need structured training.']);
      const passage = note.tag('structured training', [training], { memo: 'Said twice by the radiographers, independently.' });
      const hits = find(w, 'radiographers').hits;
      expect(hits.map((h) => h.kind)).toEqual(['note', 'memo']);
      const memo = hits[1]!;
      expect(memo).toMatchObject({ passageId: passage, start: 19, end: 38, themeIds: [training], passageIds: [passage] });
      expect(shown(memo)).toBe('Said twice by the [radiographers], independently.');
      // A note hit inside a tagged passage carries the passage (for "Add to finding…") and its themes.
      expect(find(w, 'structured').hits[0]).toMatchObject({ themeIds: [training], passageIds: [passage] });
      expect(find(w, 'radiographers').hits.find((h) => h.kind === 'note')).toMatchObject({ themeIds: [], passageIds: [] });
    } finally {
      w.close();
    }
  });

  it('keeps the index in step with edits, renames, memo changes and deletions', () => {
    const w = analysisWorkspace(folders);
    try {
      const e = w.engagement();
      const theme = w.theme('Training');
      const note = w.note(e, ['Genomics literacy matters.']);
      const other = w.note(e, ['Genomics again, elsewhere.']);
      expect(find(w, 'literacy').total).toBe(1);
      note.remove(9, 18); // "literacy" and a space
      expect(note.text()).toBe('Genomics matters.');
      expect(find(w, 'literacy').total).toBe(0);
      const genomicsIn = (id: string) => find(w, 'genomics').hits.find((h) => h.source.noteId === id)!;
      expect(genomicsIn(note.id).start).toBe(0); // its marked text is now kept for this query (searchMarks.ts)
      note.insert(0, 'Bioinformatics! ');
      expect(find(w, 'bioinformatics').hits.map((h) => h.start)).toEqual([0]);
      expect(genomicsIn(note.id).start).toBe(16); // the kept marks were dropped with the text they marked
      expect(shown(genomicsIn(note.id))).toBe('Bioinformatics! [Genomics] matters.');
      renameNote(w.db, note.id, 'Renamed');
      expect(find(w, 'bioinformatics').total).toBe(1);
      const passage = note.tag('matters', [theme], { memo: 'first memo' });
      expect(find(w, 'first').total).toBe(1);
      updatePassage(w.db, { id: passage, memo: 'second memo' });
      expect(find(w, 'first').total).toBe(0);
      expect(find(w, 'second').total).toBe(1);
      indexesAgree(w);
      deletePassage(w.db, passage);
      expect(find(w, 'second').total).toBe(0);
      deleteNote(w.db, other.id);
      expect(find(w, 'genomics').hits.map((h) => h.source.noteId)).toEqual([note.id]);
      indexesAgree(w);
    } finally {
      w.close();
    }
  });

  it('survives VACUUM and VACUUM INTO: rowids of notes and passages are kept, so the index still points right', () => {
    const w = analysisWorkspace(folders);
    try {
      const e = w.engagement();
      const notes = ['alpha', 'bravo', 'charlie', 'delta'].map((word) => w.note(e, [`${word} words here`]));
      const theme = w.theme('T');
      notes[3]!.tag('words', [theme], { memo: 'memo about delta' });
      deleteNote(w.db, notes[0]!.id);
      deleteNote(w.db, notes[2]!.id);
      w.db.exec('VACUUM');
      expect(find(w, 'delta').hits.map((h) => [h.kind, h.source.noteId])).toEqual([
        ['note', notes[3]!.id],
        ['memo', notes[3]!.id],
      ]);
      expect(find(w, 'bravo').hits.map((h) => h.source.noteId)).toEqual([notes[1]!.id]);
      indexesAgree(w);
      const copy = `${w.workspace.path}.copy`;
      w.db.prepare('VACUUM INTO ?').run(copy);
      w.db.exec(`ATTACH '${copy}' AS copy`);
      const same = w.db.prepare('SELECT count(*) AS n FROM notes a JOIN copy.notes b ON a.rowid = b.rowid AND a.id = b.id').get() as { n: number };
      expect(same.n).toBe(2);
      w.db.exec('DETACH copy');
    } finally {
      w.close();
    }
  });

  it('indexes the notes and memos of a workspace written before search existed, when it is migrated', () => {
    const path = join(folders.make(), 'old.fieldnotes');
    makeOldWorkspace(path, 6);
    addOldNote(path, 'n-old', 'Le réseau de formation.');
    withRawDb(path, (db) => {
      const now = '2020-02-02T10:00:00.000Z';
      db.prepare(
        `INSERT INTO passages(id, note_id, start_offset, end_offset, quoted_text, memo, created_at, created_by, updated_at)
         VALUES ('p-old', 'n-old', 3, 9, 'réseau', 'A network of training.', ?, ?, ?)`,
      ).run(now, TEST_REVIEWER.id, now);
    });
    const workspace = openWorkspace(path);
    try {
      expect(search(workspace.db, { query: 'reseau' }).hits.map((h) => [h.kind, h.source.noteId, h.start, h.end])).toEqual([['note', 'n-old', 3, 9]]);
      expect(search(workspace.db, { query: 'network' }).hits.map((h) => h.passageId)).toEqual(['p-old']);
    } finally {
      workspace.close();
    }
  });

  it('ranks notes as BM25 over whole notes: more occurrences first, in paragraphs or in one, and a short note above a long one', () => {
    const w = analysisWorkspace(folders);
    try {
      const e = w.engagement();
      const filler = (n: number) => Array.from({ length: n }, (_, i) => `Paragraph ${i} is about the waiting room and the car park.`);
      // Made in the opposite order of their rank, so a ranking by rowid (or none) fails.
      const longOnce = w.note(e, ['Triage came up once.', ...filler(30)]);
      const once = w.note(e, ['Triage came up once.', ...filler(3)]);
      const oneParagraph = w.note(e, ['Triage, triage and triage again: triage was all they spoke of.', ...filler(3)]);
      const paragraphs = w.note(e, ['Triage first.', 'Triage second.', 'Triage third.', 'Triage fourth.', 'Triage fifth.', ...filler(3)]);
      w.note(e, filler(5));
      w.note(e, filler(6));
      w.note(e, filler(7));
      const order = (query: string) => find(w, query).hits.map((h) => h.source.noteId);
      expect(order('triage')).toEqual([paragraphs.id, oneParagraph.id, once.id, longOnce.id]);
      expect(order('tria*')).toEqual([paragraphs.id, oneParagraph.id, once.id, longOnce.id]);
      // A phrase counts the paragraphs that hold it.
      expect(order('"triage came"')).toEqual([once.id, longOnce.id]);
    } finally {
      w.close();
    }
  });

  it('ranks a word by its occurrences as the index itself folds it ("ﬁ" and fullwidth letters kept, not decomposed)', () => {
    const w = analysisWorkspace(folders);
    try {
      const e = w.engagement();
      const filler = ['The waiting room and the car park.', 'More about the car park.'];
      // Made in the opposite order of their rank. Search's own folding reads "ﬁne" as "fine", which no note holds.
      const twoParagraphs = w.note(e, ['ﬁne first.', 'ﬁne second.', ...filler]);
      const fourInOne = w.note(e, ['ﬁne, ﬁne, ﬁne and ﬁne.', 'The waiting room.', ...filler]);
      w.note(e, filler);
      w.note(e, [...filler, 'Nothing else.']);
      const order = (query: string) => find(w, query).hits.map((h) => h.source.noteId);
      expect(order('ﬁne')).toEqual([fourInOne.id, twoParagraphs.id]);
      expect(order('ﬁn*')).toEqual([fourInOne.id, twoParagraphs.id]);
    } finally {
      w.close();
    }
  });

  it('pages through the hits with the total for all of them', () => {
    const w = analysisWorkspace(folders);
    try {
      const e = w.engagement();
      for (let i = 0; i < 7; i++) w.note(e, [`Session ${i}: training ${'training '.repeat(i)}`]);
      const all = search(w.db, { query: 'training', limit: 50 });
      expect(all.total).toBe(7);
      const pages = [0, 3, 6].map((offset) => search(w.db, { query: 'training', limit: 3, offset }));
      expect(pages.map((p) => p.total)).toEqual([7, 7, 7]);
      expect(pages.flatMap((p) => p.hits.map((h) => h.source.noteId))).toEqual(all.hits.map((h) => h.source.noteId));
    } finally {
      w.close();
    }
  });
});

describe('search filters', () => {
  it('filter by engagement type, organisation words, dates and reviewer', () => {
    const w = analysisWorkspace(folders);
    try {
      const visit = w.engagement({ type: 'site_visit', organisation: 'Moorfields Eye Hospital', date: '2018-06-19' });
      const workshop = w.engagement({ title: 'Leeds', type: 'workshop', organisation: 'Leeds Teaching Hospitals', date: '2018-09-03' });
      const a = w.note(visit, ['Training for radiographers.']);
      const b = w.note(workshop, ['Training for nurses.'], OTHER_REVIEWER.id);
      const ids = (filters: object) => find(w, 'training', filters).hits.map((h) => h.source.noteId).sort();
      expect(ids({})).toEqual([a.id, b.id].sort());
      expect(ids({ engagementTypes: ['workshop'] })).toEqual([b.id]);
      expect(ids({ organisation: 'moorfields hospital' })).toEqual([a.id]);
      expect(ids({ organisation: 'hospital' })).toHaveLength(2);
      expect(ids({ organisation: '100%_' })).toEqual([]);
      expect(ids({ from: '2018-07-01' })).toEqual([b.id]);
      expect(ids({ to: '2018-06-19' })).toEqual([a.id]);
      expect(ids({ reviewerIds: [OTHER_REVIEWER.id] })).toEqual([b.id]);
    } finally {
      w.close();
    }
  });

  it('staff group: a note hit counts if a match is in a turn of that group, and shows that match; memo hits by their passage', () => {
    const w = analysisWorkspace(folders);
    try {
      const e = w.engagement();
      const nurse = w.participant('nurse'); // P001
      const doctor = w.participant('doctor'); // P002
      const theme = w.theme('Training');
      const note = w.note(e, [`${doctor}: Training matters to doctors.`, `${nurse}: Training matters to nurses too.`, 'Training, said nobody.']);
      const nobody = w.note(e, ['Training without speakers.']);
      let hits = find(w, 'training', { staffGroups: ['nurse'] }).hits;
      expect(hits.map((h) => h.source.noteId)).toEqual([note.id]);
      expect(hits[0]!.speaker).toEqual({ code: nurse, staffGroup: 'nurse', consent: 'none' });
      expect(sliceCodePoints(note.text(), hits[0]!.start, hits[0]!.end)).toBe('Training');
      expect(hits[0]!.start).toBe(note.text().indexOf(`${nurse}:`) + 6);
      expect(find(w, 'training', { staffGroups: ['midwife'] }).total).toBe(0);
      expect(find(w, 'training').hits.map((h) => h.source.noteId).sort()).toEqual([note.id, nobody.id].sort());
      note.tag('matters to nurses', [theme], { memo: 'Nurses want protected training time.' });
      hits = find(w, 'protected', { staffGroups: ['nurse'] }).hits;
      expect(hits.map((h) => h.kind)).toEqual(['memo']);
      expect(find(w, 'protected', { staffGroups: ['doctor'] }).total).toBe(0);
    } finally {
      w.close();
    }
  });

  it("a hit's speaker carries the participant's consent, so a hit of someone not for quotation can say so (issue 11)", () => {
    const w = analysisWorkspace(folders);
    try {
      const e = w.engagement();
      const unquotable = w.participant('nurse'); // P001: consent not recorded, so not for quotation
      const quotable = w.participant('doctor'); // P002
      const id = w.db.prepare('SELECT id FROM participants WHERE code = ?').pluck().get(quotable) as string;
      updateParticipant(w.db, { id, consent: 'anonymous', consentDate: '2018-06-01' });
      const theme = w.theme('Training');
      const note = w.note(e, [`${unquotable}: Training comes first.`, `${quotable}: Training pays for itself.`, 'P009: Training, said a stranger.']);
      const [hit] = find(w, 'training').hits;
      expect(hit!.places.map((p) => p.speaker)).toEqual([
        { code: unquotable, staffGroup: 'nurse', consent: 'none' },
        { code: quotable, staffGroup: 'doctor', consent: 'anonymous' },
        { code: 'P009', staffGroup: null, consent: null }, // an unknown speaker: no one's consent to show
      ]);
      expect(hit!.speaker).toEqual(hit!.places[0]!.speaker);
      // A memo hit: its passage's speaker.
      note.tag('Training comes first', [theme], { memo: 'Protected time wanted.' });
      expect(find(w, 'protected').hits.map((h) => [h.kind, h.speaker])).toEqual([['memo', { code: unquotable, staffGroup: 'nurse', consent: 'none' }]]);
    } finally {
      w.close();
    }
  });

  it('key quotes only: note hits inside a key-quote passage, memo hits of key-quote passages', () => {
    const w = analysisWorkspace(folders);
    try {
      const e = w.engagement();
      const theme = w.theme('Training');
      const note = w.note(e, ['Training first. Then more training, the key point.']);
      w.note(e, ['Training elsewhere.']);
      note.tag('more training, the key point', [theme], { keyQuote: true, memo: 'training memo' });
      const hits = find(w, 'training', { keyQuotesOnly: true }).hits;
      expect(hits.map((h) => h.kind).sort()).toEqual(['memo', 'note']);
      const hit = hits.find((h) => h.kind === 'note')!;
      expect(sliceCodePoints(note.text(), hit.start, hit.end)).toBe('training');
      expect(hit.start).toBe(note.text().indexOf('training'));
      expect(hit.themeIds).toEqual([theme]);
    } finally {
      w.close();
    }
  });

  it('key quotes only follows a key quote whose text changed (its text is kept between searches)', () => {
    const w = analysisWorkspace(folders);
    try {
      const e = w.engagement();
      const theme = w.theme('Training');
      const note = w.note(e, ['Alpha is said once here. The key quote speaks of beta only.']);
      note.tag('The key quote speaks of beta only', [theme], { keyQuote: true });
      expect(find(w, 'alpha', { keyQuotesOnly: true }).total).toBe(0);
      expect(find(w, 'beta', { keyQuotesOnly: true }).total).toBe(1);
      // "beta" becomes "alpha" inside the key quote: the quote kept from the last search is stale.
      const at = note.text().indexOf('beta');
      note.remove(at, at + 4);
      note.insert(at, 'alpha');
      expect(note.text()).toContain('speaks of alpha only');
      const hits = find(w, 'alpha', { keyQuotesOnly: true }).hits;
      expect(hits.map((h) => [h.kind, h.start])).toEqual([['note', at]]);
      expect(find(w, 'beta', { keyQuotesOnly: true }).total).toBe(0);
    } finally {
      w.close();
    }
  });
});
