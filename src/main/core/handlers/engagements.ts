import type { engagementMethods } from '../../../shared/contract/engagements';
import { createEngagement, listEngagements } from '../services/engagements';
import type { DomainHandlers, HandlerContext } from './context';

export function engagementHandlers(ctx: HandlerContext): DomainHandlers<typeof engagementMethods> {
  return {
    'engagements.list': () => listEngagements(ctx.requireWorkspace().db),
    'engagements.create': (input) =>
      createEngagement(ctx.requireWorkspace().db, input, ctx.requireReviewer().id),
  };
}
