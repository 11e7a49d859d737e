import type { Reviewer } from '../../../shared/domain/reviewer';
import { FieldnotesError } from '../../../shared/rpc/result';
import type { Handlers } from '../../../shared/rpc/dispatch';
import type { CoreOptions } from '../ports';
import type { InstallationSettings } from '../settings/settings';
import type { Session } from '../session';
import type { Workspace } from '../workspace/workspace';
import { workspaceOpener, type WorkspaceOpener } from '../services/workspace';

/** What every domain's handlers may use. */
export interface HandlerContext {
  options: CoreOptions;
  settings: InstallationSettings;
  session: Session;
  requireWorkspace(): Workspace;
  requireReviewer(): Reviewer;
  /** Every way in opens through this: the refusal it meets is kept in `session.refused`. */
  opener: WorkspaceOpener;
}

/** The handlers of one domain: exactly the methods that domain's contract file declares. */
export type DomainHandlers<M extends Record<string, unknown>> = Pick<Handlers, keyof M & keyof Handlers>;

export function createContext(options: CoreOptions, settings: InstallationSettings, session: Session): HandlerContext {
  const ctx: HandlerContext = {
    options,
    settings,
    session,
    opener: undefined as unknown as WorkspaceOpener, // set below: the opener uses this context
    requireWorkspace() {
      if (!session.workspace) throw new FieldnotesError('NO_WORKSPACE', 'Open or create a workspace first.');
      return session.workspace;
    },
    requireReviewer() {
      const reviewer = settings.reviewer();
      if (!reviewer) throw new FieldnotesError('NO_REVIEWER', 'Enter your name and initials first.');
      return reviewer;
    },
  };
  ctx.opener = workspaceOpener(ctx);
  return ctx;
}
