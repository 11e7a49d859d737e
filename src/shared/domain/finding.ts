import { z } from 'zod';
import { SourceRef } from './analysis';
import { Speaker } from './participant';
import { Reviewer } from './reviewer';

/**
 * Findings and their GRADE-CERQual assessment (issue 8). CERQual (Lewin et
 * al., Implementation Science 2018) judges confidence in a review finding from
 * four components, each a level of concern, and an overall confidence.
 */
export const cerqualComponents = ['methodological', 'coherence', 'adequacy', 'relevance'] as const;
export type CerqualComponent = (typeof cerqualComponents)[number];

export const componentLabels: Record<CerqualComponent, string> = {
  methodological: 'Methodological limitations',
  coherence: 'Coherence',
  adequacy: 'Adequacy',
  relevance: 'Relevance',
};

/** The question each component asks, shown beside its choice. */
export const componentQuestions: Record<CerqualComponent, string> = {
  methodological: 'Concerns about how the evidence behind this finding was gathered or recorded.',
  coherence: 'How well the finding fits the evidence: are there passages it does not explain?',
  adequacy: 'How rich and how much the evidence is: enough participants, enough detail?',
  relevance: 'How well the evidence speaks to the review’s question, people and settings.',
};

export const concernLevels = ['none', 'minor', 'moderate', 'serious'] as const;
export const Concern = z.enum(concernLevels, { error: 'Choose a level of concern: no or very minor, minor, moderate or serious.' });
export type Concern = z.infer<typeof Concern>;
export const concernLabels: Record<Concern, string> = {
  none: 'No or very minor concerns',
  minor: 'Minor concerns',
  moderate: 'Moderate concerns',
  serious: 'Serious concerns',
};

export const confidenceLevels = ['high', 'moderate', 'low', 'very_low'] as const;
export const Confidence = z.enum(confidenceLevels, { error: 'Choose a confidence: high, moderate, low or very low.' });
export type Confidence = z.infer<typeof Confidence>;
export const confidenceLabels: Record<Confidence, string> = {
  high: 'High confidence',
  moderate: 'Moderate confidence',
  low: 'Low confidence',
  very_low: 'Very low confidence',
};

export const findingStatuses = ['draft', 'agreed'] as const;
export const FindingStatus = z.enum(findingStatuses, { error: 'A finding is a draft or agreed.' });
export type FindingStatus = z.infer<typeof FindingStatus>;
export const findingStatusLabels: Record<FindingStatus, string> = { draft: 'Draft', agreed: 'Agreed' };

/** "F12": how a finding is cited; its number is given once and never reused. */
export const findingLabel = (number: number): string => `F${number}`;

const Note = z.string().max(5000, 'Keep a note under 5,000 characters.');

export const ComponentAssessment = z.object({ concern: Concern.nullable(), note: Note });
export type ComponentAssessment = z.infer<typeof ComponentAssessment>;

/** What a reviewer submits: every component, the overall confidence and why. */
export const CerqualInput = z
  .object({
    methodological: ComponentAssessment,
    coherence: ComponentAssessment,
    adequacy: ComponentAssessment,
    relevance: ComponentAssessment,
    confidence: Confidence.nullable(),
    explanation: z.string().max(5000, 'Keep the explanation under 5,000 characters.'),
  })
  .strict();
export type CerqualInput = z.infer<typeof CerqualInput>;

export const Cerqual = CerqualInput.extend({
  assessedAt: z.string().nullable(),
  assessedBy: Reviewer.nullable(),
});
export type Cerqual = z.infer<typeof Cerqual>;

/**
 * A supporting passage as the finding sees it: `attached` in its note,
 * `detached` (its text was deleted from the note; kept until restored or
 * removed), or `deleted` (the passage itself is gone: only the text it quoted
 * when it was added is left, with no speaker — never to be quoted).
 */
export const EvidenceState = z.enum(['attached', 'detached', 'deleted']);
export type EvidenceState = z.infer<typeof EvidenceState>;

export const FindingPassage = z.object({
  passageId: z.string(),
  state: EvidenceState,
  /** The passage's text now, or (deleted) the text it quoted when it was added. */
  quotedText: z.string(),
  source: SourceRef.nullable(),
  participant: Speaker.nullable(),
  /** With no participant: its turn's code when that code is linked to nobody (consent unknown, never quoted until linked). */
  unknownSpeaker: z.string().nullable(),
  keyQuote: z.boolean(),
  memo: z.string(),
  themeIds: z.array(z.string()),
  addedAt: z.string(),
  addedBy: Reviewer,
});
export type FindingPassage = z.infer<typeof FindingPassage>;

/** How far a finding's evidence reaches (attached and detached passages; deleted ones have no source). */
export const EvidenceSpread = z.object({
  passages: z.number().int(),
  participants: z.number().int(),
  staffGroups: z.number().int(),
  engagements: z.number().int(),
  /** Passages of participants who may not be quoted. */
  notForQuotation: z.number().int(),
  /** Passages with no speaker: no participant, and no turn of a code linked to nobody. */
  noSpeaker: z.number().int(),
  /** Passages said in a turn of a speaker code linked to no participant: their consent is unknown. */
  unknownSpeaker: z.number().int(),
  detached: z.number().int(),
  deleted: z.number().int(),
});
export type EvidenceSpread = z.infer<typeof EvidenceSpread>;

export const findingWarningCodes = [
  'no_evidence',
  'one_participant',
  'one_engagement',
  'not_for_quotation',
  'unknown_speaker',
  'detached',
  'deleted',
  'not_assessed',
] as const;
export const FindingWarning = z.object({ code: z.enum(findingWarningCodes), message: z.string() });
export type FindingWarning = z.infer<typeof FindingWarning>;

export const FindingRef = z.object({ id: z.string(), number: z.number().int(), statement: z.string() });
export type FindingRef = z.infer<typeof FindingRef>;

/** A finding in a list: enough to read it and see how well it stands. */
export const FindingSummary = z.object({
  id: z.string(),
  number: z.number().int(),
  statement: z.string(),
  status: FindingStatus,
  /** The first is the theme it is reported under. */
  themeIds: z.array(z.string()),
  position: z.string(),
  confidence: Confidence.nullable(),
  spread: EvidenceSpread,
  warnings: z.array(FindingWarning),
  createdAt: z.string(),
  createdBy: Reviewer,
  updatedAt: z.string(),
  updatedBy: Reviewer,
});
export type FindingSummary = z.infer<typeof FindingSummary>;

export const Finding = FindingSummary.extend({
  cerqual: Cerqual,
  passages: z.array(FindingPassage),
  /** Recommendations that cite it. */
  citedBy: z.array(z.object({ id: z.string(), number: z.number().int(), groupId: z.string() })),
});
export type Finding = z.infer<typeof Finding>;

/** Findings grouped under the theme they are reported under, in codebook order (theme null: findings with no theme). */
export const FindingsByTheme = z.array(
  z.object({
    theme: z.object({ id: z.string(), name: z.string(), depth: z.number().int(), colour: z.string() }).nullable(),
    findings: z.array(Finding),
  }),
);
export type FindingsByTheme = z.infer<typeof FindingsByTheme>;

const Id = z.string().min(1).max(100);
const Statement = z
  .string()
  .trim()
  .min(1, 'Write the finding’s statement, for example “Radiographers need structured training before AI triage is introduced”.')
  .max(2000, 'Keep a statement under 2,000 characters; put detail in the CERQual notes.');

export const NewFinding = z
  .object({
    statement: Statement,
    themeIds: z.array(Id).max(20).default([]),
    passageIds: z.array(Id).max(500).default([]),
    status: FindingStatus.default('draft'),
  })
  .strict();
export type NewFinding = z.infer<typeof NewFinding>;

export const FindingUpdate = z
  .object({
    id: Id,
    statement: Statement.optional(),
    status: FindingStatus.optional(),
    themeIds: z.array(Id).max(20).optional(),
  })
  .strict();
export type FindingUpdate = z.infer<typeof FindingUpdate>;
