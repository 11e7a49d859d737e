import { z } from 'zod';
import { AnalysisFilter, ThemeViewResult } from '../domain/analysis';
import {
  DeletePreview,
  DeleteResult,
  MergeResult,
  NewTheme,
  Theme,
  ThemeDelete,
  ThemeListItem,
  ThemeMerge,
  ThemeMove,
  ThemeUpdate,
} from '../domain/theme';
import { method, None, Page } from './method';

/** The themes of the codebook: hierarchical, with colour, definition and code, and the passages of each (issue 4). */
export const themeMethods = {
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
  'themes.list': method({
    input: None,
    output: z.array(ThemeListItem),
    doc: 'Every theme, flat, in tree order (a parent before its sub-themes), with depth and passage counts.',
  }),
  'themes.create': method({
    input: NewTheme,
    output: Theme,
    doc: 'Add a theme at the end of its parent’s sub-themes (or the top level); the colour defaults to the next palette colour.',
  }),
  'themes.update': method({ input: ThemeUpdate, output: Theme, doc: 'Rename a theme or change its code, colour, definition or exclusions.' }),
  'themes.move': method({
    input: ThemeMove,
    output: Theme,
    doc: 'Put a theme under another (or at the top level) at a position among its siblings; never under itself.',
  }),
  'themes.merge': method({
    input: ThemeMerge,
    output: MergeResult,
    doc: 'Merge one theme into another: its passages and sub-themes move to the target, and it is deleted.',
  }),
  'themes.deletePreview': method({
    input: ThemeDelete,
    output: DeletePreview,
    doc: 'What deleting a theme would do to passages and sub-themes, so it can be said before it is done.',
  }),
  'themes.delete': method({
    input: ThemeDelete,
    output: DeleteResult,
    doc: 'Delete a theme; sub-themes move up (or go too); passages left with no theme are deleted with it.',
  }),
} as const;
