import { z } from 'zod';
import { AnalysisFilter, SearchResult } from '../domain/analysis';
import { method, Page } from './method';

/** Full-text search over notes and memos (issue 4). */
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
} as const;
