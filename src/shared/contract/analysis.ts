import { z } from 'zod';
import { AnalysisFilter, AnalysisReviewer, ThemeViewResult } from '../domain/analysis';
import { CooccurrenceResult, CoverageResult } from '../domain/matrix';
import { method, Id, Page } from './method';

/** What the analysis screens filter by (issue 4), co-occurrence of themes and coverage (issue 8). */
export const analysisMethods = {
  'analysis.reviewers': method({
    input: z.object({}).strict(),
    output: z.array(AnalysisReviewer),
    doc: 'The reviewers who have worked in this workspace, for the reviewer filter.',
  }),
  'analysis.cooccurrence': method({
    input: z.object({ themeIds: z.array(Id).max(60).optional(), filters: AnalysisFilter.optional() }).strict(),
    output: CooccurrenceResult,
    doc: 'For chosen themes (by default the 30 largest), passages carrying both of each pair and pairs overlapping in the text.',
  }),
  'analysis.cooccurrencePassages': method({
    input: z.object({ a: Id, b: Id, kind: z.enum(['both', 'overlapping']), filters: AnalysisFilter.optional(), ...Page }).strict(),
    output: ThemeViewResult,
    doc: 'The passages behind a co-occurrence cell.',
  }),
  'analysis.coverage': method({
    input: z.object({ thinBelow: z.number().int().min(1).max(1000).optional() }).strict(),
    output: CoverageResult,
    doc: 'Themes with no or thin evidence, under-represented staff groups and engagement types, participants never quoted, engagements never tagged.',
  }),
} as const;
