import type { agreementMethods } from '../../../shared/contract/agreement';
import { computeAgreement, listCoders } from '../services/agreement';
import type { DomainHandlers, HandlerContext } from './context';

export function agreementHandlers(ctx: HandlerContext): DomainHandlers<typeof agreementMethods> {
  const db = () => ctx.requireWorkspace().db;
  return {
    'agreement.list': () => listCoders(db()),
    'agreement.get': (input) => computeAgreement(db(), input),
  };
}
