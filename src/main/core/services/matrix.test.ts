import { afterEach, describe, expect, it } from 'vitest';
import { withSmallReview } from '../testing/findingsFixtures';
import { TEST_REVIEWER, tempFolders } from '../testing/tempWorkspace';
import { cooccurrence, cooccurrencePassages } from './cooccurrence';
import { coverage } from './coverage';
import { listSummaries, matrix, matrixCell, saveSummary } from './matrix';
import { defineAttribute } from './participantAttributes';
import { updateParticipant } from './participants';
import { mergeThemes, previewDelete } from './themeRemoval';

const folders = tempFolders();
afterEach(() => folders.cleanup());

const withReview = (fn: Parameters<typeof withSmallReview>[1]) => withSmallReview(folders, fn);

/** A row's cells as {column: [passages, participants]}, for comparing with the counts worked out by hand. */
const cellsOf = (m: ReturnType<typeof matrix>, themeId: string) =>
  Object.fromEntries(Object.entries(m.rows.find((r) => r.themeId === themeId)!.cells).map(([k, c]) => [k, [c.passages, c.participants]]));

describe('framework matrix', () => {
  it('counts passages and distinct participants per theme × staff group, rolling sub-themes up, each passage once', () => {
    withReview((w, { themes }) => {
      const m = matrix(w.db, { dimension: 'staffGroup' });
      expect(m.dimensionLabel).toBe('Staff group');
      // Every staff group met is a column (the pharmacist's is empty); passages with no speaker come last.
      expect(m.columns.map((c) => c.key)).toEqual(['doctor', 'nurse', 'allied_health_professional', 'pharmacist', '']);
      expect(m.columns.at(-1)!.label).toBe('No speaker linked');
      // AI rolls up Imaging: triage and scans (P002), ethics (P003).
      expect(cellsOf(m, themes.ai)).toEqual({ allied_health_professional: [2, 1], doctor: [1, 1] });
      expect(cellsOf(m, themes.imaging)).toEqual({ allied_health_professional: [1, 1], doctor: [1, 1] });
      expect(cellsOf(m, themes.training)).toEqual({ allied_health_professional: [1, 1], doctor: [1, 1], nurse: [1, 1], '': [1, 0] });
      expect(cellsOf(m, themes.ethics)).toEqual({ doctor: [1, 1] });
      expect(cellsOf(m, themes.genomics)).toEqual({});
      const row = (id: string) => m.rows.find((r) => r.themeId === id)!;
      expect(row(themes.ai)).toMatchObject({ depth: 0, hasChildren: true, total: { passages: 3, participants: 2 } });
      expect(row(themes.imaging)).toMatchObject({ depth: 1, parentId: themes.ai, total: { passages: 2, participants: 2 } });
      expect(row(themes.training).total).toEqual({ passages: 4, participants: 3 });
      // Column totals count each passage once across themes.
      expect(m.totals).toEqual({
        doctor: { passages: 2, participants: 1 },
        nurse: { passages: 1, participants: 1 },
        allied_health_professional: { passages: 2, participants: 1 },
        '': { passages: 1, participants: 0 },
      });
    });
  });

  it('takes other dimensions and the theme view’s filters', () => {
    withReview((w, { themes, engagements, people }) => {
      const byType = matrix(w.db, { dimension: 'engagementType', filters: { staffGroups: ['doctor'] } });
      expect(cellsOf(byType, themes.ai)).toEqual({ site_visit: [1, 1] });
      expect(cellsOf(byType, themes.training)).toEqual({ site_visit: [1, 1] });
      expect(byType.columns).toEqual([{ key: 'site_visit', label: 'Site visit' }]);

      const byEngagement = matrix(w.db, { dimension: 'engagement' });
      expect(cellsOf(byEngagement, themes.training)).toEqual({ [engagements.moorfields]: [3, 2], [engagements.leeds]: [1, 1] });
      expect(byEngagement.columns.map((c) => c.label)).toEqual(['Moorfields visit (2018-06-19)', 'Leeds workshop (2018-09-03)']);

      const byOrganisation = matrix(w.db, { dimension: 'organisation', filters: { keyQuotesOnly: true } });
      expect(cellsOf(byOrganisation, themes.ai)).toEqual({ 'Moorfields Eye Hospital': [1, 1] });

      const byParticipant = matrix(w.db, { dimension: 'participant' });
      expect(byParticipant.columns.map((c) => c.label)).toEqual(['P001', 'P002', 'P003', 'No speaker linked']);
      expect(cellsOf(byParticipant, themes.imaging)).toEqual({ [people.ahp.id]: [1, 1], [people.doctor.id]: [1, 1] });

      const site = defineAttribute(w.db, { name: 'Trust size', kind: 'choice', choices: ['Large', 'Small'] }, TEST_REVIEWER.id);
      updateParticipant(w.db, { id: people.ahp.id, attributes: { [site.id]: 'Large' } });
      const byAttribute = matrix(w.db, { dimension: `attribute:${site.id}` });
      expect(byAttribute.dimensionLabel).toBe('Trust size');
      expect(cellsOf(byAttribute, themes.ai)).toEqual({ Large: [2, 1], '': [1, 1] });
      expect(() => matrix(w.db, { dimension: 'attribute:gone' })).toThrow(/no longer exists/);
    });
  });

  it('lists a cell’s passages as the theme view does', () => {
    withReview((w, { themes, p }) => {
      const cell = matrixCell(w.db, { themeId: themes.ai, dimension: 'staffGroup', value: 'allied_health_professional' });
      expect(cell.passages.map((x) => x.passageId)).toEqual([p.triage, p.scans]);
      expect(cell.counts).toEqual({ passages: 2, participants: 1, engagements: 1 });
      const none = matrixCell(w.db, { themeId: themes.training, dimension: 'staffGroup', value: '' });
      expect(none.passages.map((x) => x.passageId)).toEqual([p.unsaid]);
      const site = matrixCell(w.db, { themeId: themes.training, dimension: 'engagementType', value: 'workshop' });
      expect(site.passages.map((x) => x.passageId)).toEqual([p.nurses]);
    });
  });

  it('keeps a summary per cell with who wrote it and when; empty text removes it; a merge keeps both texts', () => {
    withReview((w, { themes }) => {
      const first = saveSummary(w.db, { themeId: themes.ai, dimension: 'staffGroup', value: 'doctor', text: '  Doctors worry about liability.  ' }, TEST_REVIEWER.id);
      expect(first).toMatchObject({ text: 'Doctors worry about liability.', createdBy: { name: 'Ada Lovelace' }, updatedBy: { initials: 'AL' } });
      saveSummary(w.db, { themeId: themes.imaging, dimension: 'staffGroup', value: 'doctor', text: 'Imaging: second reads.' }, TEST_REVIEWER.id);
      saveSummary(w.db, { themeId: themes.training, dimension: 'staffGroup', value: 'nurse', text: 'Protected time.' }, TEST_REVIEWER.id);
      expect(matrix(w.db, { dimension: 'staffGroup' }).summaries).toHaveLength(3);
      expect(matrix(w.db, { dimension: 'engagementType' }).summaries).toHaveLength(0);
      expect(saveSummary(w.db, { themeId: themes.training, dimension: 'staffGroup', value: 'nurse', text: ' ' }, TEST_REVIEWER.id)).toBeNull();
      expect(listSummaries(w.db)).toHaveLength(2);

      expect(previewDelete(w.db, themes.ai, true).summaries).toBe(2);
      mergeThemes(w.db, themes.imaging, themes.ai);
      expect(listSummaries(w.db, 'staffGroup').map((s) => [s.themeId, s.text])).toEqual([
        [themes.ai, 'Doctors worry about liability.\n\nImaging: second reads.'],
      ]);
    });
  });
});

describe('co-occurrence', () => {
  it('counts passages carrying both themes and passage pairs overlapping in the text', () => {
    withReview((w, { themes, p }) => {
      const c = cooccurrence(w.db, { themeIds: [themes.ai, themes.training, themes.ethics, themes.imaging] });
      expect(c.themes.map((t) => [t.name, t.passages])).toEqual([
        ['AI', 3],
        ['Training', 4],
        ['Ethics', 1],
        ['Imaging', 2],
      ]);
      const pair = (a: string, b: string) => {
        const found = c.pairs.find((x) => (x.a === a && x.b === b) || (x.a === b && x.b === a))!;
        return [found.both, found.overlapping];
      };
      expect(c.pairs).toHaveLength(6);
      expect(pair(themes.ai, themes.training)).toEqual([1, 1]); // triage carries both; ethics (AI via Imaging) overlaps cameUp
      expect(pair(themes.ai, themes.ethics)).toEqual([1, 0]);
      expect(pair(themes.ai, themes.imaging)).toEqual([2, 0]);
      expect(pair(themes.training, themes.ethics)).toEqual([0, 1]);
      expect(pair(themes.training, themes.imaging)).toEqual([0, 1]);
      expect(pair(themes.ethics, themes.imaging)).toEqual([1, 0]);

      const both = cooccurrencePassages(w.db, { a: themes.ai, b: themes.imaging, kind: 'both' });
      expect(both.passages.map((x) => x.passageId)).toEqual([p.scans, p.ethics]);
      const overlapping = cooccurrencePassages(w.db, { a: themes.training, b: themes.ethics, kind: 'overlapping' });
      expect(overlapping.passages.map((x) => x.passageId)).toEqual([p.ethics, p.cameUp]);
    });
  });

  it('does not count a detached passage as overlapping: it has no place in the text any more', () => {
    withReview((w, { themes }) => {
      // A passage inside another: "protected time" within "we need protected time for training".
      const note = w.note(w.engagement({ title: 'Leeds follow-up', type: 'interview', date: '2018-11-02' }), ['P001: We need protected time for training.']);
      note.tag('We need protected time for training', [themes.training]);
      note.tag('protected time', [themes.ethics]);
      const pair = () => cooccurrence(w.db, { themeIds: [themes.training, themes.ethics] }).pairs[0]!;
      expect(pair()).toMatchObject({ both: 0, overlapping: 2 }); // and "ethics of automated imaging" with "automated imaging came up"
      // Its words deleted, the inner passage is detached; its offsets would still fall inside the outer one.
      const start = note.text().indexOf('protected time');
      note.remove(start, start + 'protected time '.length);
      expect(w.db.prepare('SELECT count(*) FROM passages WHERE detached = 1').pluck().get()).toBe(1);
      expect(pair()).toMatchObject({ both: 0, overlapping: 1 });
      expect(cooccurrence(w.db, { themeIds: [themes.training, themes.ethics] }).themes.map((t) => t.passages)).toEqual([5, 2]); // still counted as passages
      const listed = cooccurrencePassages(w.db, { a: themes.training, b: themes.ethics, kind: 'overlapping' });
      expect(listed.passages.map((x) => x.quotedText)).toEqual(['ethics of automated imaging', 'automated imaging came up']);
    });
  });

  it('chooses the largest themes by default and applies filters', () => {
    withReview((w, { themes }) => {
      const c = cooccurrence(w.db);
      // Themes by passages of their own: Training 4, Imaging 2, AI 1, Ethics 1 (Genomics has none).
      expect(c.themes.map((t) => t.id).sort()).toEqual([themes.ai, themes.training, themes.ethics, themes.imaging].sort());
      expect(c.themes[0]!.id).toBe(themes.training);
      const doctors = cooccurrence(w.db, { themeIds: [themes.training, themes.ethics], filters: { staffGroups: ['doctor'] } });
      expect(doctors.pairs).toEqual([{ a: themes.training, b: themes.ethics, both: 0, overlapping: 1 }]);
      const nurses = cooccurrence(w.db, { themeIds: [themes.training, themes.ethics], filters: { staffGroups: ['nurse'] } });
      expect(nurses.pairs[0]!.overlapping).toBe(0);
    });
  });
});

describe('coverage', () => {
  it('finds themes with no or thin evidence, under-represented groups and types, the unquoted and the untagged', () => {
    withReview((w, { themes, people, engagements }) => {
      const c = coverage(w.db, { thinBelow: 2 });
      const theme = (id: string) => c.themes.find((t) => t.themeId === id)!;
      expect(theme(themes.ai)).toMatchObject({ passages: 3, participants: 2, engagements: 1, evidence: 'enough' });
      expect(theme(themes.training)).toMatchObject({ passages: 4, participants: 3, engagements: 2, evidence: 'enough' });
      expect(theme(themes.ethics)).toMatchObject({ passages: 1, participants: 1, evidence: 'thin' });
      expect(theme(themes.genomics)).toMatchObject({ passages: 0, evidence: 'none' });
      expect(coverage(w.db).themes.filter((t) => t.evidence === 'enough')).toEqual([]); // all under 5 passages

      expect(c.staffGroups.map((g) => [g.key, g.participantsMet, g.participantsQuoted, g.passages, g.underRepresented])).toEqual([
        ['doctor', 1, 1, 2, false],
        ['nurse', 1, 1, 1, false],
        ['allied_health_professional', 1, 1, 2, false],
        ['pharmacist', 1, 0, 0, true],
      ]);
      expect(c.engagementTypes.map((t) => [t.key, t.engagements, t.engagementsTagged, t.participantsMet, t.passages, t.underRepresented])).toEqual([
        ['site_visit', 1, 1, 2, 5, false],
        ['workshop', 1, 1, 1, 1, false],
        ['roundtable', 1, 0, 1, 0, true],
      ]);
      expect(c.participantsNeverQuoted).toEqual([{ id: people.pharmacist.id, code: 'P004', staffGroup: 'pharmacist', engagements: 1 }]);
      expect(c.engagementsNeverTagged).toEqual([
        { id: engagements.bristol, title: 'Bristol roundtable', type: 'roundtable', date: '2018-10-01', notes: 1, words: 6 },
      ]);
    });
  });
});
