import type { fileMethods } from '../../../shared/contract/files';
import type { DomainHandlers, HandlerContext } from './context';

export function fileHandlers(_ctx: HandlerContext): DomainHandlers<typeof fileMethods> {
  return {};
}
