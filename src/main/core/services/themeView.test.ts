import { afterEach, describe, expect, it } from 'vitest';
import { analysisWorkspace, OTHER_REVIEWER, type AnalysisWorkspace } from '../testing/analysisFixtures';
import { tempFolders } from '../testing/tempWorkspace';
import { methods, type MethodInput } from '../../../shared/contract/methods';
import { themeView, type ThemeViewInput } from './themeView';

/** Half of a surrogate pair without its other half: a character cut in two. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const folders = tempFolders();
afterEach(() => folders.cleanup());

/**
 * Two engagements, three speakers, a small codebook:
 *   AI › Imaging;  Training;  Ethics
 */
function review(w: AnalysisWorkspace) {
  const ai = w.theme('AI');
  const imaging = w.theme('Imaging', ai);
  const training = w.theme('Training');
  const ethics = w.theme('Ethics');
  const nurse = w.participant('nurse');
  const ahp = w.participant('allied_health_professional');
  const later = w.engagement({ title: 'Leeds workshop', type: 'workshop', organisation: 'Leeds Teaching Hospitals', date: '2018-09-03' });
  const first = w.engagement({ title: 'Moorfields visit', type: 'site_visit', organisation: 'Moorfields Eye Hospital', date: '2018-06-19' });
  const leeds = w.note(later, [`${nurse}: Nurses need time for training in AI tools.`]);
  const moorfields = w.note(first, [`${ahp}: AI triage helps radiographers read scans every day.`, 'The ethics of automated imaging came up.']);
  const p = {
    triage: moorfields.tag('AI triage', [ai, training]),
    scans: moorfields.tag('read scans', [imaging], { keyQuote: true, by: OTHER_REVIEWER.id }),
    ethicsOfImaging: moorfields.tag('ethics of automated imaging', [ethics, imaging]),
    nurses: leeds.tag('time for training', [training], { memo: 'Protected learning time.' }),
  };
  return { themes: { ai, imaging, training, ethics }, p, notes: { leeds, moorfields }, codes: { nurse, ahp } };
}

/** The view as `themes.view` answers a request: parsed by the contract (its defaults filled in) first. */
const view = (w: AnalysisWorkspace, input: MethodInput<'themes.view'>) => themeView(w.db, methods['themes.view'].input.parse(input));
const ids = (w: AnalysisWorkspace, input: MethodInput<'themes.view'>) => view(w, input).passages.map((p) => p.passageId);

describe('theme view', () => {
  it('lists passages of any or all of the themes, sub-themes counting as their theme, by date then place', () => {
    const w = analysisWorkspace(folders);
    try {
      const { themes, p } = review(w);
      expect(ids(w, { themeIds: [themes.ai] })).toEqual([p.triage, p.scans, p.ethicsOfImaging]);
      expect(ids(w, { themeIds: [themes.ai], includeSubthemes: false })).toEqual([p.triage]);
      expect(ids(w, { themeIds: [themes.training, themes.ai] })).toEqual([p.triage, p.scans, p.ethicsOfImaging, p.nurses]);
      expect(ids(w, { themeIds: [themes.training, themes.ai], mode: 'all' })).toEqual([p.triage]);
      expect(ids(w, { themeIds: [themes.ai, themes.ethics], mode: 'all' })).toEqual([p.ethicsOfImaging]);
      expect(ids(w, { themeIds: [themes.ai, themes.ethics], mode: 'all', includeSubthemes: false })).toEqual([]);
      // A theme and its own sub-theme, all of them: a passage of the sub-theme counts as both.
      expect(ids(w, { themeIds: [themes.ai, themes.imaging], mode: 'all' })).toEqual([p.scans, p.ethicsOfImaging]);
      expect(ids(w, { themeIds: ['no-such-theme'] })).toEqual([]);
    } finally {
      w.close();
    }
  });

  it('gives each passage its source, themes, speaker, memo, key quote and context', () => {
    const w = analysisWorkspace(folders);
    try {
      const { themes, p, notes, codes } = review(w);
      const [triage, scans] = view(w, { themeIds: [themes.ai] }).passages;
      expect(triage).toMatchObject({
        passageId: p.triage,
        quotedText: 'AI triage',
        before: `${codes.ahp}: `,
        after: ' helps radiographers read scans every day.', // not into the next paragraph
        participant: { code: codes.ahp, staffGroup: 'allied_health_professional' },
        keyQuote: false,
        detached: false,
        source: {
          noteId: notes.moorfields.id,
          engagementTitle: 'Moorfields visit',
          engagementType: 'site_visit',
          date: '2018-06-19',
          organisation: 'Moorfields Eye Hospital',
        },
      });
      expect([...triage!.themeIds].sort()).toEqual([themes.ai, themes.training].sort());
      expect(scans).toMatchObject({ keyQuote: true, quotedText: 'read scans' });
      const [nurses] = view(w, { themeIds: [themes.training], filters: { engagementTypes: ['workshop'] } }).passages;
      expect(nurses).toMatchObject({ memo: 'Protected learning time.', participant: { code: codes.nurse, staffGroup: 'nurse' } });
    } finally {
      w.close();
    }
  });

  it('filters by staff group, engagement type, organisation, dates, reviewer and key quotes', () => {
    const w = analysisWorkspace(folders);
    try {
      const { themes, p } = review(w);
      const all = [themes.ai, themes.training, themes.ethics];
      const only = (filters: ThemeViewInput['filters']) => ids(w, { themeIds: all, filters });
      expect(only({ staffGroups: ['nurse'] })).toEqual([p.nurses]);
      // The ethics passage is in a paragraph with no speaker turn: no staff group.
      expect(only({ staffGroups: ['allied_health_professional', 'nurse'] })).toEqual([p.triage, p.scans, p.nurses]);
      expect(only({ engagementTypes: ['site_visit'] })).toEqual([p.triage, p.scans, p.ethicsOfImaging]);
      expect(only({ organisation: 'leeds hospitals' })).toEqual([p.nurses]);
      expect(only({ from: '2018-07-01', to: '2018-12-31' })).toEqual([p.nurses]);
      expect(only({ to: '2018-06-18' })).toEqual([]);
      expect(only({ reviewerIds: [OTHER_REVIEWER.id] })).toEqual([p.scans]);
      expect(only({ keyQuotesOnly: true })).toEqual([p.scans]);
      expect(only({ keyQuotesOnly: true, staffGroups: ['nurse'] })).toEqual([]);
    } finally {
      w.close();
    }
  });

  it('counts passages, participants and engagements of the whole filtered set, whatever the page', () => {
    const w = analysisWorkspace(folders);
    try {
      const { themes, p } = review(w);
      const input = { themeIds: [themes.ai, themes.training], limit: 1, offset: 1 };
      const result = view(w, input);
      expect(result.counts).toEqual({ passages: 4, participants: 2, engagements: 2 });
      expect(result.passages.map((x) => x.passageId)).toEqual([p.scans]);
      expect(view(w, { ...input, filters: { engagementTypes: ['site_visit'] } }).counts).toEqual({ passages: 3, participants: 1, engagements: 1 });
      expect(view(w, { themeIds: [themes.ethics], filters: { staffGroups: ['nurse'] } })).toEqual({
        counts: { passages: 0, participants: 0, engagements: 0 },
        passages: [],
      });
    } finally {
      w.close();
    }
  });

  it('slices context by code points around astral characters, cut to whole words, at most 160 each side', () => {
    const w = analysisWorkspace(folders);
    try {
      const theme = w.theme('Genomics');
      const long = 'word 🧬 '.repeat(60);
      const note = w.note(w.engagement(), [`${long}Whole genome 😀 sequencing🙂 ${long}`]);
      note.tag('genome 😀 sequencing🙂', [theme]);
      const [passage] = view(w, { themeIds: [theme] }).passages;
      expect(passage!.quotedText).toBe('genome 😀 sequencing🙂');
      expect(passage!.before.endsWith('word 🧬 Whole ')).toBe(true);
      expect(passage!.after.startsWith(' word 🧬 word')).toBe(true);
      // "…" where the note goes on; then whole words only, at most 160 code points of the note.
      expect(passage!.before).toMatch(/^…(word|🧬) /u);
      expect(passage!.after).toMatch(/ (word|🧬)…$/u);
      for (const side of [passage!.before.slice(1), passage!.after.slice(0, -1)]) {
        expect(Array.from(side).length).toBeLessThanOrEqual(160);
        expect(Array.from(side).length).toBeGreaterThan(140);
        expect(side).not.toMatch(LONE_SURROGATE);
      }
    } finally {
      w.close();
    }
  });

  it('flags a passage whose text was deleted as detached, without context, and keeps it listed', () => {
    const w = analysisWorkspace(folders);
    try {
      const theme = w.theme('Barriers');
      const note = w.note(w.engagement(), ['Keep this. Funding is the barrier. Keep that.']);
      const id = note.tag('Funding is the barrier.', [theme]);
      note.remove(11, 35);
      expect(note.text()).toBe('Keep this. Keep that.');
      const [passage] = view(w, { themeIds: [theme] }).passages;
      expect(passage).toMatchObject({ passageId: id, detached: true, quotedText: 'Funding is the barrier.', before: '', after: '' });
    } finally {
      w.close();
    }
  });
});
