import { z } from 'zod';
import { AnalysisFilter, AnalysisReviewer, SearchResult, ThemeViewResult } from '../domain/analysis';
import { method } from './method';

const Page = { limit: z.number().int().min(1).max(5000).optional(), offset: z.number().int().min(0).optional() };

/** Full-text search and the theme view over passages (issue 4). */
export const searchMethods = {
  'search.query': method({
    input: z
      .object({
        /** Words, "a phrase", or a prefix* — diacritics and case ignored. */
        query: z.string().trim().min(1, 'Type something to search for.').max(500),
        filters: AnalysisFilter.optional(),
        ...Page,
      })
      .strict(),
    output: SearchResult,
    doc: 'Full-text search over notes and passage memos, with snippets and positions.',
  }),
  'themes.view': method({
    input: z
      .object({
        themeIds: z.array(z.string().min(1).max(100)).min(1).max(50),
        /** any: passages with at least one of the themes; all: passages with every one. */
        mode: z.enum(['any', 'all']).default('any'),
        /** Include passages of the themes' sub-themes. */
        includeSubthemes: z.boolean().default(true),
        filters: AnalysisFilter.optional(),
        ...Page,
      })
      .strict(),
    output: ThemeViewResult,
    doc: 'Every passage of one or more themes, with its source, speaker and context, and the counts.',
  }),
  'analysis.reviewers': method({
    input: z.object({}).strict(),
    output: z.array(AnalysisReviewer),
    doc: 'The reviewers who have worked in this workspace, for the reviewer filter.',
  }),
} as const;
