import { z } from 'zod';
import { AnalysisReviewer } from '../domain/analysis';
import { method } from './method';

/** What the analysis screens offer to filter by (issue 4). */
export const analysisMethods = {
  'analysis.reviewers': method({
    input: z.object({}).strict(),
    output: z.array(AnalysisReviewer),
    doc: 'The reviewers who have worked in this workspace, for the reviewer filter.',
  }),
} as const;
