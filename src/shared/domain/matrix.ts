import { z } from 'zod';
import { Reviewer } from './reviewer';

/**
 * The framework matrix (issue 8): themes as rows against one dimension of the
 * evidence as columns. A custom participant attribute is `attribute:<id>`.
 */
export const builtinDimensions = ['staffGroup', 'organisation', 'engagementType', 'engagement', 'participant'] as const;
export type BuiltinDimension = (typeof builtinDimensions)[number];
export const dimensionLabels: Record<BuiltinDimension, string> = {
  staffGroup: 'Staff group',
  organisation: 'Organisation',
  engagementType: 'Engagement type',
  engagement: 'Engagement',
  participant: 'Participant',
};

export const Dimension = z
  .string()
  .max(120)
  .refine(
    (d) => (builtinDimensions as readonly string[]).includes(d) || /^attribute:[^\s]{1,100}$/.test(d),
    'Choose a dimension: staff group, organisation, engagement type, engagement, participant, or a participant attribute.',
  );
export type Dimension = BuiltinDimension | `attribute:${string}`;

export const DimensionOption = z.object({ key: z.string(), label: z.string() });
export type DimensionOption = z.infer<typeof DimensionOption>;

/** One column: a value of the dimension ('' is the column of passages with no value, e.g. no speaker linked). */
export const MatrixColumn = z.object({ key: z.string(), label: z.string() });
export type MatrixColumn = z.infer<typeof MatrixColumn>;

export const MatrixCell = z.object({ passages: z.number().int(), participants: z.number().int() });
export type MatrixCell = z.infer<typeof MatrixCell>;

/**
 * One theme's row. Counts roll up: a theme's row counts its passages and its
 * sub-themes' (each passage once), as the theme view does with sub-themes.
 * `cells` holds only non-empty cells, by column key.
 */
export const MatrixRow = z.object({
  themeId: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  colour: z.string(),
  depth: z.number().int(),
  hasChildren: z.boolean(),
  total: MatrixCell,
  cells: z.record(z.string(), MatrixCell),
});
export type MatrixRow = z.infer<typeof MatrixRow>;

export const MatrixSummary = z.object({
  themeId: z.string(),
  dimension: z.string(),
  value: z.string(),
  text: z.string(),
  createdAt: z.string(),
  createdBy: Reviewer,
  updatedAt: z.string(),
  updatedBy: Reviewer,
});
export type MatrixSummary = z.infer<typeof MatrixSummary>;

export const MatrixResult = z.object({
  dimension: z.string(),
  dimensionLabel: z.string(),
  columns: z.array(MatrixColumn),
  rows: z.array(MatrixRow),
  /** Column totals (each passage once). */
  totals: z.record(z.string(), MatrixCell),
  summaries: z.array(MatrixSummary),
});
export type MatrixResult = z.infer<typeof MatrixResult>;

export const CooccurrenceResult = z.object({
  themes: z.array(z.object({ id: z.string(), name: z.string(), colour: z.string(), passages: z.number().int() })),
  /** For each pair (a before b in `themes`): passages carrying both, and pairs of passages whose text overlaps. */
  pairs: z.array(z.object({ a: z.string(), b: z.string(), both: z.number().int(), overlapping: z.number().int() })),
});
export type CooccurrenceResult = z.infer<typeof CooccurrenceResult>;

export const CoverageResult = z.object({
  thinBelow: z.number().int(),
  themes: z.array(
    z.object({
      themeId: z.string(),
      name: z.string(),
      depth: z.number().int(),
      passages: z.number().int(),
      participants: z.number().int(),
      engagements: z.number().int(),
      /** none: no passage; thin: fewer passages than `thinBelow`, or a single participant. */
      evidence: z.enum(['none', 'thin', 'enough']),
    }),
  ),
  /** Share of the passages against share of the participants met; under-represented when under half its share. */
  staffGroups: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      participantsMet: z.number().int(),
      participantsQuoted: z.number().int(),
      passages: z.number().int(),
      underRepresented: z.boolean(),
    }),
  ),
  engagementTypes: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      engagements: z.number().int(),
      engagementsTagged: z.number().int(),
      participantsMet: z.number().int(),
      passages: z.number().int(),
      underRepresented: z.boolean(),
    }),
  ),
  participantsNeverQuoted: z.array(z.object({ id: z.string(), code: z.string(), staffGroup: z.string(), engagements: z.number().int() })),
  engagementsNeverTagged: z.array(
    z.object({ id: z.string(), title: z.string(), type: z.string(), date: z.string(), notes: z.number().int(), words: z.number().int() }),
  ),
});
export type CoverageResult = z.infer<typeof CoverageResult>;
