import type { analysisMethods } from '../../../shared/contract/analysis';
import { cooccurrence, cooccurrencePassages } from '../services/cooccurrence';
import { coverage } from '../services/coverage';
import { reviewersById } from '../store/reviewers';
import type { DomainHandlers, HandlerContext } from './context';

export function analysisHandlers(ctx: HandlerContext): DomainHandlers<typeof analysisMethods> {
  const db = () => ctx.requireWorkspace().db;
  return {
    // For the reviewer filter: by name, as a person looks for one.
    'analysis.reviewers': () => {
      const collator = new Intl.Collator('en', { sensitivity: 'base' });
      return [...reviewersById(db()).values()].sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
    },
    'analysis.cooccurrence': (input) => cooccurrence(db(), input),
    'analysis.cooccurrencePassages': (input) => cooccurrencePassages(db(), input),
    'analysis.coverage': (input) => coverage(db(), input),
  };
}
