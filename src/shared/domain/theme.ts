import { z } from 'zod';

/** A theme's colour: a highlight that must stay legible in light and dark modes; never the only cue. */
export const ThemeColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #1F77B4.');

export const Theme = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  /** Optional short code, e.g. "AI-IMG". */
  code: z.string().nullable(),
  colour: ThemeColour,
  /** What belongs under this theme. */
  definition: z.string(),
  /** What does not belong, to keep coders consistent. */
  exclusions: z.string(),
  position: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type Theme = z.infer<typeof Theme>;

/** The default highlight colours, chosen to read as tints behind text in both light and dark modes. */
export const themePalette = [
  '#1F77B4', '#D62728', '#2CA02C', '#9467BD', '#FF7F0E', '#17BECF', '#8C564B', '#E377C2', '#7F7F7F', '#BCBD22',
] as const;

// ---- Inputs and answers of the codebook methods (issue 4). ----

/** A name is one line, and holds no character XML cannot carry (so every theme can be exported). */
const hasControl = (s: string) => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f || c === 0xfffe || c === 0xffff) return true;
  }
  return false;
};

/**
 * When two theme names are the same name — the one rule, which the core
 * applies among siblings: Unicode NFC (composed and decomposed "Éthique" are
 * one spelling) and case ignored ("Barriers", "barriers", "BARRIERS"), by
 * full Unicode lower-casing rather than SQLite's ASCII-only NOCASE. Accents
 * are kept: "Ethique" and "Éthique" are different names.
 */
export const themeNameKey = (name: string): string => name.trim().normalize('NFC').toLowerCase();

export const ThemeName = z
  .string()
  .trim()
  .min(1, 'Give the theme a name.')
  .max(200, 'Keep a theme’s name under 200 characters; put the detail in its definition.')
  .refine((s) => !hasControl(s), 'A theme’s name must be a single line of text.');

export const ThemeCode = z
  .string()
  .trim()
  .max(40, 'Keep the short code under 40 characters, e.g. "AI-IMG".')
  .refine((s) => !hasControl(s), 'The short code must be a single line of text.');

/**
 * Line ends as \n, and no character XML cannot carry (a stray control
 * character from a paste), so what is stored is exactly what a .qdc keeps.
 */
const plainText = (s: string) =>
  s
    .replace(/\r\n?/g, '\n')
    .replace(/[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .split('')
    .filter((c) => c >= ' ' || c === '\n' || c === '\t')
    .join('')
    .trim();

const ThemeText = (what: string) =>
  z.string().max(20_000, `Keep the ${what} under 20,000 characters.`).transform(plainText);

export const ThemeId = z.string().min(1).max(100);

export const NewTheme = z
  .object({
    name: ThemeName,
    parentId: ThemeId.nullable().optional(),
    colour: ThemeColour.optional(),
    definition: ThemeText('definition').optional(),
    exclusions: ThemeText('exclusions').optional(),
    /** An empty code means none. */
    code: ThemeCode.nullable().optional(),
  })
  .strict();
export type NewTheme = z.infer<typeof NewTheme>;

/** Change any of a theme's details; what is left out stays as it is. */
export const ThemeUpdate = z
  .object({
    id: ThemeId,
    name: ThemeName.optional(),
    colour: ThemeColour.optional(),
    definition: ThemeText('definition').optional(),
    exclusions: ThemeText('exclusions').optional(),
    code: ThemeCode.nullable().optional(),
  })
  .strict();
export type ThemeUpdate = z.infer<typeof ThemeUpdate>;

/** Put a theme under `parentId` (null: the top level) at `position` among its new siblings, counted from 0. */
export const ThemeMove = z
  .object({ id: ThemeId, parentId: ThemeId.nullable(), position: z.number().int().min(0).max(100_000) })
  .strict();
export type ThemeMove = z.infer<typeof ThemeMove>;

export const ThemeMerge = z.object({ sourceId: ThemeId, targetId: ThemeId }).strict();
export type ThemeMerge = z.infer<typeof ThemeMerge>;

/**
 * Delete one theme. Its sub-themes move up to its parent unless `withSubthemes`
 * is set, in which case the whole branch goes.
 */
export const ThemeDelete = z.object({ id: ThemeId, withSubthemes: z.boolean().optional() }).strict();
export type ThemeDelete = z.infer<typeof ThemeDelete>;

/** A theme as the codebook tree shows it: in display order, with its depth and how much evidence it holds. */
export const ThemeListItem = Theme.extend({
  /** 0 for a top-level theme. */
  depth: z.number().int(),
  childCount: z.number().int(),
  /** Passages tagged with this theme itself (not counting its sub-themes). */
  passageCount: z.number().int(),
  /** Distinct passages tagged with it or any theme below it: what the codebook shows a parent with (themes.list gives it). */
  branchPassageCount: z.number().int().optional(),
});
export type ThemeListItem = z.infer<typeof ThemeListItem>;

export const MergeResult = z.object({
  /** Passages that now carry the target because they carried the source. */
  passagesMoved: z.number().int(),
  /** Passages that carried both: they keep the target once. */
  passagesAlreadyTagged: z.number().int(),
  /** Sub-themes that moved under the target. */
  subthemesMoved: z.number().int(),
  /** Sub-themes merged into a sub-theme of the target with the same name. */
  subthemesMerged: z.number().int(),
});
export type MergeResult = z.infer<typeof MergeResult>;

/** What deleting a theme would do, stated before it is done. */
export const DeletePreview = z.object({
  /** Passages tagged with the theme (or, with its sub-themes, with any theme of the branch). */
  passages: z.number().int(),
  /** Of those, the ones that carry no other theme: they are deleted with it. */
  passagesLeftUntagged: z.number().int(),
  /** Direct sub-themes. */
  children: z.number().int(),
  /** Every theme below it, at any depth. */
  descendants: z.number().int(),
  /** Sub-themes whose name a theme at the parent's level already has: they are merged into it rather than moved. */
  childrenMergedByName: z.number().int(),
  /** Findings filed under the theme (or the branch): they stay, without it (issue 8). */
  findings: z.number().int(),
  /** Of the passages deleted with it, those a finding cites: the finding keeps their text, marked deleted. */
  citedPassagesDeleted: z.number().int(),
  /** Framework-matrix cell summaries of the theme (or the branch): deleted with it. */
  summaries: z.number().int(),
});
export type DeletePreview = z.infer<typeof DeletePreview>;

export const DeleteResult = z.object({
  themesDeleted: z.number().int(),
  passagesDeleted: z.number().int(),
  subthemesMoved: z.number().int(),
});
export type DeleteResult = z.infer<typeof DeleteResult>;

/** What adding a codebook (a template or a .qdc file) did: new themes, and ones merged into a same-named theme. */
export const CodebookAddResult = z.object({ added: z.number().int(), merged: z.number().int() });
export type CodebookAddResult = z.infer<typeof CodebookAddResult>;

/** One theme of a codebook about to be imported, in tree order. */
export const QdcPreviewItem = z.object({
  name: z.string(),
  depth: z.number().int(),
  colour: z.string(),
  definition: z.string(),
  /** 'new': will be added; 'merged': a theme of this name already sits here (in the codebook, or earlier in the file) and the two become one. */
  status: z.enum(['new', 'merged']),
});
export type QdcPreviewItem = z.infer<typeof QdcPreviewItem>;

export const QdcPreview = z.object({
  /** The program that wrote the file, as it says ("NVivo for Windows 12.6"). */
  origin: z.string().nullable(),
  items: z.array(QdcPreviewItem),
  added: z.number().int(),
  merged: z.number().int(),
  /** Things the import leaves out or changes, said plainly (sets, uncodable codes…). */
  notes: z.array(z.string()),
});
export type QdcPreview = z.infer<typeof QdcPreview>;

/** A .qdc of text: generous for any real codebook (NVivo's largest are a few MB). */
export const MAX_QDC_CHARS = 20 * 1024 * 1024;
