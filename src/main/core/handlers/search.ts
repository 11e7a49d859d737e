import type { searchMethods } from '../../../shared/contract/search';
import { search } from '../services/search';
import type { DomainHandlers, HandlerContext } from './context';

export function searchHandlers(ctx: HandlerContext): DomainHandlers<typeof searchMethods> {
  const db = () => ctx.requireWorkspace().db;
  return {
    'search.query': (input) => search(db(), input),
  };
}
