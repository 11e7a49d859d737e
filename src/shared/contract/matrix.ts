import { z } from 'zod';
import { AnalysisFilter, ThemeViewResult } from '../domain/analysis';
import { CooccurrenceResult, CoverageResult, Dimension, DimensionOption, MatrixResult, MatrixSummary } from '../domain/matrix';
import { method } from './method';

const Id = z.string().min(1).max(100);
const Page = { limit: z.number().int().min(1).max(5000).optional(), offset: z.number().int().min(0).optional() };
const Value = z.string().max(500);

/** The framework matrix, its cell summaries, co-occurrence and coverage (issue 8). */
export const matrixMethods = {
  'matrix.dimensions': method({
    input: z.object({}).strict(),
    output: z.array(DimensionOption),
    doc: 'What the matrix’s columns can be: staff group, organisation, engagement type, engagement, participant, each custom attribute.',
  }),
  'matrix.get': method({
    input: z.object({ dimension: Dimension, filters: AnalysisFilter.optional() }).strict(),
    output: MatrixResult,
    doc: 'Every theme × the dimension’s columns: passages and distinct participants per cell (rolled up the tree), and the summaries.',
  }),
  'matrix.cell': method({
    input: z.object({ themeId: Id, dimension: Dimension, value: Value, filters: AnalysisFilter.optional(), ...Page }).strict(),
    output: ThemeViewResult,
    doc: 'The passages of one cell, as the theme view lists them.',
  }),
  'matrix.summaries': method({
    input: z.object({ dimension: Dimension.optional() }).strict(),
    output: z.array(MatrixSummary),
    doc: 'Cell summaries, of one dimension or all, with who wrote them and when.',
  }),
  'matrix.saveSummary': method({
    input: z.object({ themeId: Id, dimension: Dimension, value: Value, text: z.string().max(20_000, 'Keep a summary under 20,000 characters.') }).strict(),
    output: MatrixSummary.nullable(),
    doc: 'Write a cell’s summary (empty text removes it).',
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
