import type { findingMethods } from '../../../shared/contract/findings';
import {
  addFindingPassages,
  assessFinding,
  createFinding,
  deleteFinding,
  findingsByTheme,
  findingsCiting,
  getFinding,
  listFindings,
  moveFinding,
  previewFindingDelete,
  removeFindingPassage,
  updateFinding,
} from '../services/findings';
import type { DomainHandlers, HandlerContext } from './context';

export function findingHandlers(ctx: HandlerContext): DomainHandlers<typeof findingMethods> {
  const db = () => ctx.requireWorkspace().db;
  const by = () => ctx.requireReviewer().id;
  return {
    'findings.list': (input) => listFindings(db(), input),
    'findings.byTheme': () => findingsByTheme(db()),
    'findings.get': ({ id }) => getFinding(db(), id),
    'findings.create': (input) => createFinding(db(), input, by()),
    'findings.update': (input) => updateFinding(db(), input, by()),
    'findings.assess': ({ id, cerqual }) => assessFinding(db(), id, cerqual, by()),
    'findings.addPassages': ({ id, passageIds }) => addFindingPassages(db(), id, passageIds, by()),
    'findings.removePassage': ({ id, passageId }) => removeFindingPassage(db(), id, passageId, by()),
    'findings.move': ({ id, index }) => moveFinding(db(), id, index, by()),
    'findings.deletePreview': ({ id }) => previewFindingDelete(db(), id),
    'findings.delete': ({ id }) => {
      deleteFinding(db(), id);
      return null;
    },
    'findings.citing': ({ passageIds }) => findingsCiting(db(), passageIds),
  };
}
