import type { matrixMethods } from '../../../shared/contract/matrix';
import type { Dimension } from '../../../shared/domain/matrix';
import { listDimensions, listSummaries, matrix, matrixCell, saveSummary } from '../services/matrix';
import type { DomainHandlers, HandlerContext } from './context';

export function matrixHandlers(ctx: HandlerContext): DomainHandlers<typeof matrixMethods> {
  const db = () => ctx.requireWorkspace().db;
  // The contract checks a dimension's form; the services check it exists (a custom attribute may be gone).
  const dim = (d: string) => d as Dimension;
  return {
    'matrix.dimensions': () => listDimensions(db()),
    'matrix.get': ({ dimension, filters }) => matrix(db(), { dimension: dim(dimension), filters }),
    'matrix.cell': (input) => matrixCell(db(), { ...input, dimension: dim(input.dimension) }),
    'matrix.summaries': ({ dimension }) => listSummaries(db(), dimension === undefined ? undefined : dim(dimension)),
    'matrix.saveSummary': (input) => saveSummary(db(), { ...input, dimension: dim(input.dimension) }, ctx.requireReviewer().id),
  };
}
