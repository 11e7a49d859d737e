import { z } from 'zod';
import { Reviewer } from './reviewer';

/** A reviewer who has tagged passages, and how much: the candidates for an agreement check. */
export const Coder = Reviewer.extend({ passages: z.number().int(), notes: z.number().int() });
export type Coder = z.infer<typeof Coder>;

export const AgreementCounts = z.object({
  both: z.number().int(),
  onlyA: z.number().int(),
  onlyB: z.number().int(),
  neither: z.number().int(),
});

/** Percent agreement and Cohen's kappa over code points, and passage overlap, for one theme or all. */
export const AgreementFigures = z.object({
  counts: AgreementCounts,
  units: z.number().int(),
  percent: z.number().nullable(),
  kappa: z.number().nullable(),
  /** Passages (per theme) each reviewer made, and how many overlap one of the other's with the same theme. */
  passagesA: z.number().int(),
  passagesB: z.number().int(),
  overlappingA: z.number().int(),
  overlappingB: z.number().int(),
});
export type AgreementFigures = z.infer<typeof AgreementFigures>;

export const ThemeAgreement = AgreementFigures.extend({ themeId: z.string(), themeName: z.string() });
export type ThemeAgreement = z.infer<typeof ThemeAgreement>;

/** Text one reviewer coded with a theme and the other did not. */
export const AgreementDifference = z.object({
  noteId: z.string(),
  noteTitle: z.string(),
  engagementId: z.string(),
  themeId: z.string(),
  themeName: z.string(),
  /** Who coded it: reviewer a or b. */
  codedBy: z.enum(['a', 'b']),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
});
export type AgreementDifference = z.infer<typeof AgreementDifference>;

export const AgreementResult = z.object({
  a: Reviewer,
  b: Reviewer,
  /** The notes both reviewers tagged, over which agreement is counted. */
  notes: z.number().int(),
  /** 'coded': only text either reviewer tagged counts; 'all': every character of those notes. */
  units: z.enum(['coded', 'all']),
  /** All themes pooled: the counts summed over themes, then the figures. */
  overall: AgreementFigures,
  themes: z.array(ThemeAgreement),
  differences: z.array(AgreementDifference),
  /** How many differences there are in all (the list may be cut short). */
  differenceCount: z.number().int(),
});
export type AgreementResult = z.infer<typeof AgreementResult>;
