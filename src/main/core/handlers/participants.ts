import type { participantMethods } from '../../../shared/contract/participants';
import type { DomainHandlers, HandlerContext } from './context';

export function participantHandlers(_ctx: HandlerContext): DomainHandlers<typeof participantMethods> {
  return {};
}
