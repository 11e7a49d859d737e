import { afterEach, describe, expect, it } from 'vitest';
import { analysisWorkspace, OTHER_REVIEWER } from '../testing/analysisFixtures';
import { TEST_REVIEWER, tempFolders } from '../testing/tempWorkspace';
import { computeAgreement, listCoders } from './agreement';

const folders = tempFolders();
afterEach(() => folders.cleanup());

const SENTENCE = 'Radiographers need structured training before AI triage is introduced.';

/** Two reviewers tag one note; a second note only the first tags (it is not shared, so it does not count). */
function twoCoders() {
  const ws = analysisWorkspace(folders);
  const training = ws.theme('Education and training');
  const ai = ws.theme('Automated image interpretation');
  const engagement = ws.engagement();
  const note = ws.note(engagement, [SENTENCE]);
  note.tag('structured training', [training], { by: TEST_REVIEWER.id });
  note.tag('need structured training', [training], { by: OTHER_REVIEWER.id });
  note.tag('AI triage', [ai], { by: OTHER_REVIEWER.id });
  ws.note(engagement, ['Only the first reviewer read this.']).tag('first reviewer', [ai], { by: TEST_REVIEWER.id });
  return { ...ws, training, ai };
}

describe('inter-coder agreement in a workspace, against figures computed by hand', () => {
  it('counts only text either reviewer coded, per theme and pooled', () => {
    const ws = twoCoders();
    const result = computeAgreement(ws.db, { a: TEST_REVIEWER.id, b: OTHER_REVIEWER.id });
    expect(result.notes).toBe(1);
    expect(result.units).toBe('coded');
    // Units: "need structured training" (24) ∪ "AI triage" (9) = 33 code points.
    const training = result.themes.find((t) => t.themeId === ws.training)!;
    expect(training.counts).toEqual({ both: 19, onlyA: 0, onlyB: 5, neither: 9 });
    // po = 28/33, pe = (19·24 + 14·9)/33² = 582/1089, kappa = 342/507
    expect(training.percent).toBeCloseTo(28 / 33, 10);
    expect(training.kappa).toBeCloseTo(342 / 507, 10);
    expect([training.passagesA, training.passagesB, training.overlappingA, training.overlappingB]).toEqual([1, 1, 1, 1]);

    const ai = result.themes.find((t) => t.themeId === ws.ai)!;
    expect(ai.counts).toEqual({ both: 0, onlyA: 0, onlyB: 9, neither: 24 });
    expect(ai.kappa).toBeCloseTo(0, 10);
    expect([ai.passagesA, ai.passagesB, ai.overlappingB]).toEqual([0, 1, 0]);

    // Pooled: 19 both, 14 only B, 33 neither of 66: po = 52/66, pe = 0.5, kappa = 38/66.
    expect(result.overall.counts).toEqual({ both: 19, onlyA: 0, onlyB: 14, neither: 33 });
    expect(result.overall.kappa).toBeCloseTo(38 / 66, 10);

    expect(result.differenceCount).toBe(2);
    expect(result.differences.map((d) => [d.themeName, d.codedBy, d.text])).toEqual([
      ['Education and training', 'b', 'need '],
      ['Automated image interpretation', 'b', 'AI triage'],
    ]);
    ws.close();
  });

  it('counting every character of the note raises agreement, as the option says', () => {
    const ws = twoCoders();
    const all = computeAgreement(ws.db, { a: TEST_REVIEWER.id, b: OTHER_REVIEWER.id, leaveOutUncoded: false });
    const coded = computeAgreement(ws.db, { a: TEST_REVIEWER.id, b: OTHER_REVIEWER.id });
    const length = Array.from(SENTENCE).length;
    const training = all.themes.find((t) => t.themeId === ws.training)!;
    expect(training.counts).toEqual({ both: 19, onlyA: 0, onlyB: 5, neither: length - 24 });
    expect(training.kappa!).toBeGreaterThan(coded.themes.find((t) => t.themeId === ws.training)!.kappa!);
    ws.close();
  });

  it('swapping the reviewers swaps their sides and changes no figure', () => {
    const ws = twoCoders();
    const ab = computeAgreement(ws.db, { a: TEST_REVIEWER.id, b: OTHER_REVIEWER.id });
    const ba = computeAgreement(ws.db, { a: OTHER_REVIEWER.id, b: TEST_REVIEWER.id });
    expect(ba.overall.kappa).toBe(ab.overall.kappa);
    expect(ba.themes.map((t) => [t.themeId, t.kappa, t.percent])).toEqual(ab.themes.map((t) => [t.themeId, t.kappa, t.percent]));
    expect(ba.differences.map((d) => d.codedBy)).toEqual(ab.differences.map((d) => (d.codedBy === 'a' ? 'b' : 'a')));
    ws.close();
  });

  it('lists who has tagged, and refuses a reviewer the workspace does not know', () => {
    const ws = twoCoders();
    expect(listCoders(ws.db).map((c) => [c.name, c.passages, c.notes])).toEqual([
      ['Ada Lovelace', 2, 2],
      ['Grace Hopper', 2, 1],
    ]);
    expect(() => computeAgreement(ws.db, { a: TEST_REVIEWER.id, b: 'nobody' })).toThrow(/not recorded in this workspace/);
    ws.close();
  });
});
