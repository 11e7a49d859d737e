import type { engagementMethods } from '../../../shared/contract/engagements';
import {
  createEngagement,
  deleteEngagement,
  getEngagement,
  listEngagements,
  updateEngagement,
} from '../services/engagements';
import { previewEngagementDelete } from '../services/removal';
import type { DomainHandlers, HandlerContext } from './context';

export function engagementHandlers(ctx: HandlerContext): DomainHandlers<typeof engagementMethods> {
  const db = () => ctx.requireWorkspace().db;
  return {
    'engagements.list': (filter) => listEngagements(db(), filter),
    'engagements.get': ({ id }) => getEngagement(db(), id),
    'engagements.create': (input) => createEngagement(db(), input, ctx.requireReviewer().id),
    'engagements.update': (input) => updateEngagement(db(), input),
    'engagements.deletePreview': ({ id }) => previewEngagementDelete(db(), id),
    'engagements.delete': ({ id }) => {
      deleteEngagement(db(), id);
      return null;
    },
  };
}
