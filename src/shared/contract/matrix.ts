import { z } from 'zod';
import { AnalysisFilter, ThemeViewResult } from '../domain/analysis';
import { Dimension, DimensionOption, MatrixResult, MatrixSummary } from '../domain/matrix';
import { method, Id, Page } from './method';

const Value = z.string().max(500);

/** The framework matrix and its cell summaries (issue 8). */
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
} as const;
