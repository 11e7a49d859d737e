import { afterEach, describe, expect, it } from 'vitest';
import type { CerqualInput } from '../../../shared/domain/finding';
import { NewFinding } from '../../../shared/domain/finding';
import { OTHER_REVIEWER } from '../testing/analysisFixtures';
import { withSmallReview } from '../testing/findingsFixtures';
import { TEST_REVIEWER, tempFolders } from '../testing/tempWorkspace';
import {
  addFindingPassages,
  assessFinding,
  createFinding,
  deleteFinding,
  findingsByTheme,
  findingsCiting,
  getFinding,
  listFindings,
  moveFinding,
  previewFindingDelete,
  removeFindingPassage,
  updateFinding,
} from './findings';
import { deletePassage } from './passages';
import { createRecommendation } from './recommendations';
import { deleteTheme, mergeThemes, previewDelete } from './themeRemoval';

const folders = tempFolders();
afterEach(() => folders.cleanup());

const withReview = (fn: Parameters<typeof withSmallReview>[1]) => withSmallReview(folders, fn);

const by = TEST_REVIEWER.id;
const newFinding = (input: Partial<NewFinding> & { statement: string }) => NewFinding.parse(input);

const assessment: CerqualInput = {
  methodological: { concern: 'minor', note: 'Notes, not recordings.' },
  coherence: { concern: 'none', note: '' },
  adequacy: { concern: 'moderate', note: 'Two participants.' },
  relevance: { concern: 'none', note: 'NHS staff in England.' },
  confidence: 'moderate',
  explanation: 'Moderate concerns about adequacy.',
};

describe('findings', () => {
  it('holds a statement, themes and supporting passages, with the spread of its evidence and warnings', () => {
    withReview((w, { themes, p, engagements }) => {
      const f = createFinding(
        w.db,
        newFinding({ statement: 'Radiographers need structured training before AI triage.', themeIds: [themes.training, themes.ai], passageIds: [p.triage, p.scans, p.ethics] }),
        by,
      );
      expect(f).toMatchObject({ number: 1, status: 'draft', themeIds: [themes.training, themes.ai], createdBy: { name: 'Ada Lovelace' } });
      expect(f.passages.map((x) => [x.passageId, x.state, x.quotedText])).toEqual([
        [p.triage, 'attached', 'AI triage'],
        [p.scans, 'attached', 'read scans'],
        [p.ethics, 'attached', 'ethics of automated imaging'],
      ]);
      expect(f.passages[0]).toMatchObject({ source: { engagementId: engagements.moorfields }, participant: { code: 'P002', consent: 'anonymous' } });
      expect(f.passages[1]!.keyQuote).toBe(true);
      expect(f.spread).toEqual({ passages: 3, participants: 2, staffGroups: 2, engagements: 1, notForQuotation: 1, noSpeaker: 0, unknownSpeaker: 0, detached: 0, deleted: 0 });
      expect(f.warnings.map((x) => x.code)).toEqual(['one_engagement', 'not_for_quotation', 'not_assessed']);
      expect(f.warnings[1]!.message).toMatch(/1 passage of F1 comes from a participant who may not be quoted: the report will not quote it/);

      const lone = createFinding(w.db, newFinding({ statement: 'Nurses lack time.', themeIds: [themes.training], passageIds: [p.nurses] }), by);
      expect(lone.warnings.map((x) => x.code)).toEqual(['one_participant', 'one_engagement', 'not_assessed']);
      const empty = createFinding(w.db, newFinding({ statement: 'Genomics is coming.' }), by);
      expect(empty.warnings.map((x) => x.code)).toEqual(['no_evidence', 'not_assessed']);
      expect(() => createFinding(w.db, newFinding({ statement: 'x', passageIds: ['8b0f5f8e-0000-4000-8000-000000000000'] }), by)).toThrow(/no longer exists/);
      expect(listFindings(w.db).map((x) => x.number)).toEqual([1, 2, 3]);
      expect(() => NewFinding.parse({ statement: '   ' })).toThrow(/Write the finding’s statement/);
    });
  });

  it('records a CERQual assessment with who and when, and changes status, statement and themes', () => {
    withReview((w, { themes, p }) => {
      const f = createFinding(w.db, newFinding({ statement: 'Draft', themeIds: [themes.ai], passageIds: [p.triage, p.nurses] }), by);
      const assessed = assessFinding(w.db, f.id, assessment, OTHER_REVIEWER.id);
      expect(assessed.cerqual).toMatchObject({ ...assessment, assessedBy: { name: 'Grace Hopper' } });
      expect(assessed.cerqual.assessedAt).toMatch(/^\d{4}-/);
      expect(assessed.confidence).toBe('moderate');
      expect(assessed.warnings.map((x) => x.code)).toEqual([]);
      const agreed = updateFinding(w.db, { id: f.id, status: 'agreed', statement: 'Agreed statement', themeIds: [themes.ethics, themes.ai] }, by);
      expect(agreed).toMatchObject({ status: 'agreed', statement: 'Agreed statement', themeIds: [themes.ethics, themes.ai] });
      expect(getFinding(w.db, f.id).cerqual.adequacy).toEqual({ concern: 'moderate', note: 'Two participants.' });
      expect(() => updateFinding(w.db, { id: f.id, themeIds: ['gone'] }, by)).toThrow(/theme no longer exists/);
      // A failed change leaves everything as it was.
      expect(getFinding(w.db, f.id).themeIds).toEqual([themes.ethics, themes.ai]);
    });
  });

  it('is traceable both ways and never loses its evidence silently', () => {
    withReview((w, { themes, p, notes }) => {
      const f = createFinding(w.db, newFinding({ statement: 'S', themeIds: [themes.ai], passageIds: [p.triage, p.scans] }), by);
      addFindingPassages(w.db, f.id, [p.scans, p.ethics], by); // scans already there: kept once
      expect(getFinding(w.db, f.id).passages.map((x) => x.passageId)).toEqual([p.triage, p.scans, p.ethics]);
      const g = createFinding(w.db, newFinding({ statement: 'T', passageIds: [p.scans] }), by);
      expect(findingsCiting(w.db, [p.scans, p.nurses])).toEqual({
        [p.scans]: [
          { id: f.id, number: 1, statement: 'S' },
          { id: g.id, number: 2, statement: 'T' },
        ],
        [p.nurses]: [],
      });

      // Its text deleted from the note: detached, still shown. The passage deleted outright: its text kept, marked deleted.
      const text = notes.moorfields.text();
      const at = Array.from(text.slice(0, text.indexOf('ethics of'))).length;
      notes.moorfields.remove(at, at + 'ethics of automated imaging'.length);
      deletePassage(w.db, p.scans);
      const after = getFinding(w.db, f.id);
      expect(after.passages.map((x) => [x.state, x.quotedText])).toEqual([
        ['attached', 'AI triage'],
        ['deleted', 'read scans'],
        ['detached', 'ethics of automated imaging'],
      ]);
      expect(after.passages[1]).toMatchObject({ source: null, participant: null, themeIds: [] });
      expect(after.spread).toMatchObject({ passages: 2, detached: 1, deleted: 1 });
      expect(after.warnings.map((x) => x.code)).toEqual(expect.arrayContaining(['detached', 'deleted']));
      expect(findingsCiting(w.db, [p.scans])[p.scans]).toHaveLength(2);

      const removed = removeFindingPassage(w.db, f.id, p.scans, by);
      expect(removed.passages.map((x) => x.passageId)).toEqual([p.triage, p.ethics]);
      expect(() => removeFindingPassage(w.db, f.id, p.scans, by)).toThrow(/no longer supports/);
    });
  });

  it('says before a theme is deleted what findings it holds, and follows a merge', () => {
    withReview((w, { themes, p }) => {
      const f = createFinding(w.db, newFinding({ statement: 'S', themeIds: [themes.imaging, themes.training], passageIds: [p.scans, p.nurses] }), by);
      expect(previewDelete(w.db, themes.imaging)).toMatchObject({ findings: 1, citedPassagesDeleted: 1, passagesLeftUntagged: 1 });
      expect(previewDelete(w.db, themes.ethics)).toMatchObject({ findings: 0, citedPassagesDeleted: 0 });
      mergeThemes(w.db, themes.imaging, themes.ai);
      expect(getFinding(w.db, f.id).themeIds).toEqual([themes.ai, themes.training]);
      mergeThemes(w.db, themes.ai, themes.training);
      expect(getFinding(w.db, f.id).themeIds).toEqual([themes.training]);
      deleteTheme(w.db, themes.training);
      const left = getFinding(w.db, f.id);
      expect(left.themeIds).toEqual([]);
      expect(left.passages.map((x) => x.state)).toEqual(['deleted', 'deleted']);
      expect(left.passages.map((x) => x.quotedText)).toEqual(['read scans', 'time for training']);
    });
  });

  it('keeps its order by fractional keys, groups by theme for the report, and never reuses a number', () => {
    withReview((w, { themes, p }) => {
      const a = createFinding(w.db, newFinding({ statement: 'A', themeIds: [themes.training], passageIds: [p.nurses] }), by);
      const b = createFinding(w.db, newFinding({ statement: 'B', themeIds: [themes.ai] }), by);
      const c = createFinding(w.db, newFinding({ statement: 'C', themeIds: [themes.training] }), by);
      const d = createFinding(w.db, newFinding({ statement: 'D' }), by);
      moveFinding(w.db, c.id, 0, by);
      expect(listFindings(w.db).map((x) => x.statement)).toEqual(['C', 'A', 'B', 'D']);
      moveFinding(w.db, c.id, 99, by);
      expect(listFindings(w.db).map((x) => x.statement)).toEqual(['A', 'B', 'D', 'C']);
      expect(listFindings(w.db, { themeId: themes.training }).map((x) => x.statement)).toEqual(['A', 'C']);
      expect(listFindings(w.db, { themeId: themes.ai }).map((x) => x.statement)).toEqual(['B']);

      const grouped = findingsByTheme(w.db);
      expect(grouped.map((g) => [g.theme?.name ?? null, g.findings.map((x) => x.statement)])).toEqual([
        ['AI', ['B']],
        ['Training', ['A', 'C']],
        [null, ['D']],
      ]);
      expect(grouped[1]!.findings[0]!.passages[0]!.quotedText).toBe('time for training');

      const r = createRecommendation(w.db, { groupId: 'health_system', text: 'Protect time', findingIds: [a.id, b.id] }, by);
      expect(previewFindingDelete(w.db, a.id)).toEqual({ recommendations: [r.number] });
      expect(getFinding(w.db, a.id).citedBy).toEqual([{ id: r.id, number: 1, groupId: 'health_system' }]);
      deleteFinding(w.db, d.id);
      expect(() => deleteFinding(w.db, d.id)).toThrow(/no longer exists/);
      expect(createFinding(w.db, newFinding({ statement: 'E' }), by).number).toBe(5);
    });
  });
});
