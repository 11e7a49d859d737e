import type { searchMethods } from '../../../shared/contract/search';
import { FieldnotesError } from '../../../shared/rpc/result';
import type { DomainHandlers, HandlerContext } from './context';

// Placeholder until the search work lands: says so plainly rather than pretending.
const notYet = (): never => {
  throw new FieldnotesError('UNAVAILABLE', 'Search and the theme view are not built yet.');
};

export function searchHandlers(_ctx: HandlerContext): DomainHandlers<typeof searchMethods> {
  return { 'search.query': notYet, 'themes.view': notYet };
}
