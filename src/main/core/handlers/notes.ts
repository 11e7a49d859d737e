import type { noteMethods } from '../../../shared/contract/notes';
import type { DomainHandlers, HandlerContext } from './context';

export function noteHandlers(_ctx: HandlerContext): DomainHandlers<typeof noteMethods> {
  return {};
}
