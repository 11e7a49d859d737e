import { afterEach, describe, expect, it } from 'vitest';
import { NewFinding } from '../../../shared/domain/finding';
import { analysisWorkspace } from '../testing/analysisFixtures';
import { TEST_REVIEWER, tempFolders } from '../testing/tempWorkspace';
import { createFinding, deleteFinding } from './findings';
import {
  citedLabels,
  createGroup,
  createRecommendation,
  deleteGroup,
  deleteRecommendation,
  listRecommendations,
  moveGroup,
  moveRecommendation,
  renameGroup,
  updateRecommendation,
} from './recommendations';

const folders = tempFolders();
afterEach(() => folders.cleanup());
const by = TEST_REVIEWER.id;

function withWorkspace(fn: (w: ReturnType<typeof analysisWorkspace>) => void) {
  const w = analysisWorkspace(folders);
  try {
    fn(w);
  } finally {
    w.close();
  }
}

const texts = (w: ReturnType<typeof analysisWorkspace>) =>
  Object.fromEntries(listRecommendations(w.db).map((g) => [g.name, g.recommendations.map((r) => r.text)]));

describe('recommendations', () => {
  it('start with the Topol Review’s three groups, in order, and the groups can be edited', () => {
    withWorkspace((w) => {
      expect(listRecommendations(w.db).map((g) => [g.id, g.name])).toEqual([
        ['citizen_patient', 'The citizen and patient'],
        ['healthcare_professionals', 'Healthcare professionals'],
        ['health_system', 'The health system'],
      ]);
      const regulators = createGroup(w.db, 'Regulators');
      expect(() => createGroup(w.db, 'regulators')).toThrow(/already a group called “Regulators”/);
      renameGroup(w.db, regulators.id, 'Regulators and royal colleges');
      moveGroup(w.db, regulators.id, 0);
      expect(listRecommendations(w.db).map((g) => g.name)).toEqual([
        'Regulators and royal colleges',
        'The citizen and patient',
        'Healthcare professionals',
        'The health system',
      ]);
      createRecommendation(w.db, { groupId: regulators.id, text: 'Accredit AI training', findingIds: [] }, by);
      expect(() => deleteGroup(w.db, regulators.id)).toThrow(/still holds a recommendation. Move or delete it first/);
      deleteGroup(w.db, 'citizen_patient');
      expect(listRecommendations(w.db)).toHaveLength(3);
    });
  });

  it('cite findings, reorder within and across groups by one key, and stop citing a deleted finding', () => {
    withWorkspace((w) => {
      const f1 = createFinding(w.db, NewFinding.parse({ statement: 'One' }), by);
      const f2 = createFinding(w.db, NewFinding.parse({ statement: 'Two' }), by);
      const a = createRecommendation(w.db, { groupId: 'health_system', text: 'A', findingIds: [f2.id, f1.id, f2.id] }, by);
      expect(a.findings.map((f) => f.number)).toEqual([2, 1]);
      expect(citedLabels(a)).toBe('F2, F1');
      const b = createRecommendation(w.db, { groupId: 'health_system', text: 'B', findingIds: [] }, by);
      const c = createRecommendation(w.db, { groupId: 'health_system', text: 'C', findingIds: [f1.id] }, by);
      expect([a.number, b.number, c.number]).toEqual([1, 2, 3]);
      moveRecommendation(w.db, { id: c.id, groupId: 'health_system', index: 0 }, by);
      expect(texts(w)['The health system']).toEqual(['C', 'A', 'B']);
      moveRecommendation(w.db, { id: c.id, groupId: 'health_system', index: 1 }, by);
      expect(texts(w)['The health system']).toEqual(['A', 'C', 'B']);
      moveRecommendation(w.db, { id: a.id, groupId: 'citizen_patient', index: 0 }, by);
      expect(texts(w)).toMatchObject({ 'The citizen and patient': ['A'], 'The health system': ['C', 'B'] });

      const updated = updateRecommendation(w.db, { id: b.id, text: 'B, revised', findingIds: [f1.id] }, by);
      expect(updated).toMatchObject({ text: 'B, revised', findings: [{ number: 1, statement: 'One' }], updatedBy: { name: 'Ada Lovelace' } });
      expect(() => updateRecommendation(w.db, { id: b.id, findingIds: ['gone'] }, by)).toThrow(/finding it cites no longer exists/);

      deleteFinding(w.db, f1.id);
      const after = listRecommendations(w.db).flatMap((g) => g.recommendations);
      expect(after.find((r) => r.id === a.id)!.findings.map((f) => f.number)).toEqual([2]);
      deleteRecommendation(w.db, b.id);
      expect(() => deleteRecommendation(w.db, b.id)).toThrow(/no longer exists/);
      expect(createRecommendation(w.db, { groupId: 'health_system', text: 'D', findingIds: [] }, by).number).toBe(4);
    });
  });
});
