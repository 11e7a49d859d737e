import type { engagementTypeMethods } from '../../../shared/contract/engagementTypes';
import { addEngagementType, listEngagementTypes } from '../services/engagements';
import type { DomainHandlers, HandlerContext } from './context';

export function engagementTypeHandlers(ctx: HandlerContext): DomainHandlers<typeof engagementTypeMethods> {
  const db = () => ctx.requireWorkspace().db;
  return {
    'engagementTypes.list': () => listEngagementTypes(db()),
    'engagementTypes.add': ({ label }) => addEngagementType(db(), label),
  };
}
