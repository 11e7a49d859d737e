import type { searchMethods } from '../../../shared/contract/search';
import type { DomainHandlers, HandlerContext } from './context';

export function searchHandlers(_ctx: HandlerContext): DomainHandlers<typeof searchMethods> {
  return {};
}
