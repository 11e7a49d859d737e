import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnalysisFilter } from '../../../shared/domain/analysis';
import { NewParticipant } from '../../../shared/domain/participant';
import { analysisWorkspace } from '../testing/analysisFixtures';
import { TEST_REVIEWER, tempFolders } from '../testing/tempWorkspace';
import { matrix } from './matrix';
import { createParticipant } from './participants';
import { themeView } from './themeView';

const folders = tempFolders();
afterEach(() => folders.cleanup());

const GROUPS = ['doctor', 'nurse', 'pharmacist'] as const;
const TYPES = ['site_visit', 'workshop'] as const;

/** One paragraph of a note: who speaks (or nobody), the themes its passage carries (by index), key quote or not. */
const paragraph = fc.record({
  speaker: fc.option(fc.nat({ max: 3 }), { nil: null }),
  themes: fc.uniqueArray(fc.nat({ max: 4 }), { minLength: 1, maxLength: 3 }),
  keyQuote: fc.boolean(),
  engagement: fc.nat({ max: 2 }),
});
const filters: fc.Arbitrary<AnalysisFilter> = fc.record(
  {
    staffGroups: fc.subarray([...GROUPS], { minLength: 1 }),
    engagementTypes: fc.subarray([...TYPES], { minLength: 1 }),
    keyQuotesOnly: fc.boolean(),
  },
  { requiredKeys: [] },
);

describe('framework matrix (property)', () => {
  it('adds up, row by row, to the theme view under the same filters', () => {
    // One workspace for every run (creating one is most of a run's time): each run adds its own themes,
    // people and engagements, and checks only its own rows, so what earlier runs left is only more evidence
    // of other themes around them.
    const w = analysisWorkspace(folders);
    let run = 0;
    try {
      fc.assert(
        fc.property(fc.array(paragraph, { minLength: 1, maxLength: 12 }), fc.array(filters, { minLength: 1, maxLength: 3 }), (paras, filterSets) => {
          run++;
          // Codebook: 0 › 1 › 2; 3; 4 › (none) — sub-themes roll up into their parents.
          const t0 = w.theme(`Zero ${run}`);
          const t1 = w.theme('One', t0);
          const t2 = w.theme('Two', t1);
          const themes = [t0, t1, t2, w.theme(`Three ${run}`), w.theme(`Four ${run}`)];
          const engagements = [0, 1, 2].map((i) => w.engagement({ title: `E${i} of run ${run}`, type: TYPES[i % 2], date: `2018-0${i + 1}-01` }));
          const codes = [0, 1, 2, 3].map(
            (i) => createParticipant(w.db, NewParticipant.parse({ staffGroup: GROUPS[i % 3] }), TEST_REVIEWER.id).code,
          );
          engagements.forEach((e, i) => {
            const mine = paras.filter((p) => p.engagement === i);
            if (mine.length === 0) return;
            const texts = mine.map((p, j) => `${p.speaker === null ? '' : `${codes[p.speaker]}: `}Passage ${i}-${j} here.`);
            const note = w.note(e, texts);
            mine.forEach((p, j) => note.tag(`Passage ${i}-${j}`, p.themes.map((k) => themes[k]!), { keyQuote: p.keyQuote }));
          });
          for (const f of filterSets) {
            const byGroup = matrix(w.db, { dimension: 'staffGroup', filters: f });
            const byEngagement = matrix(w.db, { dimension: 'engagement', filters: f });
            for (const id of themes) {
              const view = themeView(w.db, { themeIds: [id], mode: 'any', includeSubthemes: true, filters: f, limit: 1 }).counts;
              const row = byGroup.rows.find((r) => r.themeId === id)!;
              const cells = Object.values(row.cells);
              // Each passage has one staff group (or none), and each participant one staff group.
              expect(cells.reduce((s, c) => s + c.passages, 0)).toBe(view.passages);
              expect(cells.reduce((s, c) => s + c.participants, 0)).toBe(view.participants);
              expect(row.total).toEqual({ passages: view.passages, participants: view.participants });
              const byE = byEngagement.rows.find((r) => r.themeId === id)!;
              expect(Object.values(byE.cells).reduce((s, c) => s + c.passages, 0)).toBe(view.passages);
              expect(Object.keys(byE.cells)).toHaveLength(view.engagements);
            }
          }
        }),
        { numRuns: 15 },
      );
    } finally {
      w.close();
    }
  });
});
