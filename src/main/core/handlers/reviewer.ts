import type { reviewerMethods } from '../../../shared/contract/reviewer';
import { actAs } from '../services/reviewer';
import type { DomainHandlers, HandlerContext } from './context';

export function reviewerHandlers(ctx: HandlerContext): DomainHandlers<typeof reviewerMethods> {
  const { settings, session } = ctx;
  return {
    'reviewer.get': () => settings.reviewer(),
    'reviewer.set': (input) => {
      const reviewer = settings.setReviewer(input);
      if (session.workspace) actAs(session.workspace.db, reviewer, settings.installationId());
      return reviewer;
    },
  };
}
