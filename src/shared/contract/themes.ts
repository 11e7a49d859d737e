import { z } from 'zod';
import { AnalysisFilter, ThemeViewResult } from '../domain/analysis';
import {
  CodebookAddResult,
  DeletePreview,
  DeleteResult,
  MAX_QDC_CHARS,
  MergeResult,
  NewTheme,
  QdcPreview,
  Theme,
  ThemeDelete,
  ThemeListItem,
  ThemeMerge,
  ThemeMove,
  ThemeUpdate,
} from '../domain/theme';
import { None } from './app';
import { SavedFile, SaveTarget } from './fileOut';
import { method } from './method';
import { Page } from './search';

const QdcText = z
  .object({
    xml: z
      .string()
      .min(1, 'The file is empty. Choose a codebook (.qdc) exported from Fieldnotes, NVivo, ATLAS.ti, MAXQDA or QualCoder.')
      .max(MAX_QDC_CHARS, 'That file is larger than 20 MB, too large for a codebook. Check it is a .qdc file.'),
  })
  .strict();

/** The codebook: hierarchical themes with colour, definition and code; the Topol template; REFI-QDA .qdc (issue 4). */
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
  'codebook.applyTemplate': method({
    input: z.object({ template: z.literal('topol') }).strict(),
    output: CodebookAddResult,
    doc: 'Add the Topol Review template; themes already present by name are kept as they are.',
  }),
  'codebook.exportQdc': method({
    /** qualifyNames: themes sharing a name under different parents go out as "Parent::Name" (refi.exportCheck lists them). */
    input: z.object({ ...SaveTarget, qualifyNames: z.boolean().optional() }).strict(),
    output: SavedFile,
    doc: 'Write the codebook as a REFI-QDA .qdc file (Codebook.xsd 1.0) where the person chooses; null if they cancelled.',
  }),
  'codebook.previewQdc': method({
    input: QdcText,
    output: QdcPreview,
    doc: 'What importing this .qdc would add or merge, changing nothing.',
  }),
  'codebook.importQdc': method({
    input: QdcText,
    output: CodebookAddResult,
    doc: 'Add a .qdc codebook’s themes, keeping its hierarchy; same-named themes under the same parent are merged.',
  }),
} as const;

