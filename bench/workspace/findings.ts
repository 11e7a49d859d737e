/**
 * Findings for the review-scale workspace (issue 8): about 60 findings, each
 * with a GRADE-CERQual assessment and its supporting passages (some from
 * participants who may not be quoted, so the report's consent rules have
 * something to hold back), recommendations in the Topol Review's three groups
 * citing them, and framework-matrix cell summaries. Written through the
 * core's services like everything else the generator makes.
 */
import type Database from 'better-sqlite3';
import { assessFinding, createFinding, getFinding } from '../../src/main/core/services/findings';
import { matrix, saveSummary } from '../../src/main/core/services/matrix';
import { createRecommendation, listRecommendations } from '../../src/main/core/services/recommendations';
import { themeView } from '../../src/main/core/services/themeView';
import type { CerqualInput, Concern, Confidence } from '../../src/shared/domain/finding';
import { staffGroupLabels, type StaffGroup } from '../../src/shared/domain/participant';
import type { Random } from './random';

export const FINDINGS_AT_SCALE_1 = 60;

const lower = (s: string) => (/^.[a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

const STATEMENTS = [
  (t: string) => `Staff need structured training in ${t} before it reaches their daily work.`,
  (t: string) => `Confidence with ${t} varies widely between professions and sites.`,
  (t: string) => `Protected learning time is the main barrier to progress on ${t}.`,
  (t: string) => `Leaders who model ${t} make adoption faster and safer.`,
  (t: string) => `Patients expect clinicians to explain ${t} in plain language.`,
  (t: string) => `Evidence about ${t} is rarely shared between trusts.`,
  (t: string) => `Early-career staff are more comfortable with ${t} than their seniors.`,
  (t: string) => `Unclear accountability slows decisions about ${t}.`,
];

const NOTES: Record<keyof Omit<CerqualInput, 'confidence' | 'explanation'>, string[]> = {
  methodological: ['Notes taken live, not recorded.', 'Mostly self-selected participants.', 'Several note-takers; one template.'],
  coherence: ['Consistent across sites.', 'Two dissenting accounts, explained by setting.', 'Some passages point the other way.'],
  adequacy: ['Many participants, rich detail.', 'Few participants for a broad claim.', 'Thin detail beyond the headline.'],
  relevance: ['NHS staff in England, as asked.', 'Mostly acute trusts; primary care less so.', 'Partly from before the pandemic.'],
};

const CONCERNS: Concern[] = ['none', 'minor', 'moderate', 'serious'];
const CONFIDENCE_BY_WORST: Record<Concern, Confidence[]> = {
  none: ['high'],
  minor: ['high', 'moderate'],
  moderate: ['moderate', 'low'],
  serious: ['low', 'very_low'],
};

function assessment(random: Random): CerqualInput {
  const component = (key: keyof typeof NOTES) => ({ concern: CONCERNS[random.weighted([5, 4, 2, 1])]!, note: random.pick(NOTES[key]) });
  const parts = {
    methodological: component('methodological'),
    coherence: component('coherence'),
    adequacy: component('adequacy'),
    relevance: component('relevance'),
  };
  const worst = CONCERNS[Math.max(...Object.values(parts).map((p) => CONCERNS.indexOf(p.concern!)))]!;
  return { ...parts, confidence: random.pick(CONFIDENCE_BY_WORST[worst]), explanation: `Worst concern: ${worst}; see the notes.` };
}

const RECOMMENDATIONS: Record<string, string[]> = {
  citizen_patient: [
    'Explain to patients, in plain language, how AI and genomics inform their care.',
    'Involve patients as partners when digital services are designed and evaluated.',
    'Give patients access to their own data and say who else uses it.',
    'Make digital services accessible to people with low digital literacy.',
  ],
  healthcare_professionals: [
    'Build digital and genomics literacy into every professional curriculum.',
    'Protect learning time for staff adopting new technology.',
    'Create career pathways for clinician-informaticians and bioinformaticians.',
    'Train staff to question and escalate the output of automated systems.',
    'Support lifelong learning through accredited, shared online modules.',
  ],
  health_system: [
    'Fund a national programme of digital leadership for boards.',
    'Evaluate technology in practice before it is adopted at scale.',
    'Set clear accountability for decisions informed by algorithms.',
    'Share evidence about what works between trusts and regions.',
    'Plan the workforce for the gift of time that automation frees.',
  ],
};

export interface GeneratedFindings {
  findings: number;
  withNotForQuotation: number;
  supportingPassages: number;
  recommendations: number;
  cellSummaries: number;
}

export function addFindings(db: Database.Database, random: Random, scale: number, reviewerIds: string[]): GeneratedFindings {
  const count = Math.max(6, Math.round(FINDINGS_AT_SCALE_1 * Math.min(scale, 1)));
  const byStaffGroup = matrix(db, { dimension: 'staffGroup' });
  const themes = byStaffGroup.rows.filter((r) => r.total.passages >= 3).sort((a, b) => b.total.passages - a.total.passages);
  if (themes.length === 0) return { findings: 0, withNotForQuotation: 0, supportingPassages: 0, recommendations: 0, cellSummaries: 0 };
  const weights = themes.map((t) => Math.sqrt(t.total.passages));
  const made: string[] = [];
  let withNotForQuotation = 0;
  let supportingPassages = 0;
  for (let i = 0; i < count; i++) {
    const theme = themes[random.weighted(weights)]!;
    const second = random.chance(0.3) ? themes[random.weighted(weights)]! : null;
    const view = themeView(db, { themeIds: [theme.themeId], mode: 'any', includeSubthemes: true, limit: 60, offset: random.int(0, Math.max(0, theme.total.passages - 60)) });
    const pool = random.shuffle([...view.passages]);
    const passageIds = pool.slice(0, random.int(3, Math.min(9, pool.length))).map((p) => p.passageId);
    const by = random.pick(reviewerIds);
    const finding = createFinding(
      db,
      {
        statement: random.pick(STATEMENTS)(lower(theme.name)),
        themeIds: second && second.themeId !== theme.themeId ? [theme.themeId, second.themeId] : [theme.themeId],
        passageIds,
        status: random.chance(0.7) ? 'agreed' : 'draft',
      },
      by,
    );
    if (random.chance(0.9)) assessFinding(db, finding.id, assessment(random), random.pick(reviewerIds));
    const spread = getFinding(db, finding.id).spread;
    if (spread.notForQuotation > 0) withNotForQuotation++;
    supportingPassages += spread.passages;
    made.push(finding.id);
  }

  let recommendations = 0;
  for (const group of listRecommendations(db)) {
    for (const text of RECOMMENDATIONS[group.id] ?? []) {
      const cited = random.shuffle([...made]).slice(0, random.int(1, 3));
      createRecommendation(db, { groupId: group.id, text, findingIds: cited }, random.pick(reviewerIds));
      recommendations++;
    }
  }

  // Summaries of the busiest cells of the ten largest themes: what the panel would write first.
  let cellSummaries = 0;
  for (const row of themes.slice(0, 10)) {
    const busiest = Object.entries(row.cells)
      .filter(([key]) => key !== '')
      .sort((a, b) => b[1].passages - a[1].passages)
      .slice(0, 3);
    for (const [key, cell] of busiest) {
      const group = staffGroupLabels[key as StaffGroup] ?? key;
      saveSummary(
        db,
        {
          themeId: row.themeId,
          dimension: 'staffGroup',
          value: key,
          text: `${group}s (${cell.participants} people, ${cell.passages} passages) on ${lower(row.name)}: ${random.pick(STATEMENTS)(lower(row.name))}`,
        },
        random.pick(reviewerIds),
      );
      cellSummaries++;
    }
  }
  return { findings: made.length, withNotForQuotation, supportingPassages, recommendations, cellSummaries };
}
