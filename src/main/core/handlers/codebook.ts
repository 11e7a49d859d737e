import type { codebookMethods } from '../../../shared/contract/codebook';
import { applyTemplate, exportQdc, importQdc, previewQdc } from '../codebook/codebook';
import { saveAs } from '../files/saveAs';
import type { DomainHandlers, HandlerContext } from './context';

export function codebookHandlers(ctx: HandlerContext): DomainHandlers<typeof codebookMethods> {
  const db = () => ctx.requireWorkspace().db;
  return {
    'codebook.applyTemplate': () => applyTemplate(db(), ctx.requireReviewer().id),
    'codebook.exportQdc': ({ qualifyNames, ...target }) => {
      // Built first, so an empty codebook is refused before a save dialog opens.
      const { fileName, xml } = exportQdc(db(), ctx.options.version, qualifyNames);
      return saveAs(ctx.options, fileName, target, () => xml);
    },
    'codebook.previewQdc': ({ xml }) => previewQdc(db(), xml),
    'codebook.importQdc': ({ xml }) => importQdc(db(), xml, ctx.requireReviewer().id),
  };
}
