import { existsSync } from 'node:fs';
import type { Handlers } from '../../shared/rpc/dispatch';
import { FieldnotesError } from '../../shared/rpc/result';
import type { Reviewer } from '../../shared/domain/reviewer';
import type { CoreOptions } from './ports';
import { createEngagement, listEngagements } from './services/engagements';
import { recordReviewer } from './services/reviewers';
import type { InstallationSettings } from './settings/settings';
import { createWorkspace, openWorkspace, type Workspace } from './workspace/workspace';

/** The state one window's core holds: at most one open workspace. */
export interface Session {
  workspace: Workspace | null;
}

/** Map each contract method to the service that answers it. */
export function createHandlers(
  options: CoreOptions,
  settings: InstallationSettings,
  session: Session,
): Handlers {
  const requireReviewer = (): Reviewer => {
    const reviewer = settings.reviewer();
    if (!reviewer) {
      throw new FieldnotesError('NO_REVIEWER', 'Enter your name and initials first.');
    }
    return reviewer;
  };
  const requireWorkspace = (): Workspace => {
    if (!session.workspace) {
      throw new FieldnotesError('NO_WORKSPACE', 'Open or create a workspace first.');
    }
    return session.workspace;
  };
  const adopt = (workspace: Workspace) => {
    session.workspace?.close();
    session.workspace = workspace;
    const reviewer = settings.reviewer();
    if (reviewer) recordReviewer(workspace.db, reviewer);
    const info = workspace.info();
    settings.rememberOpened(info.path, info.name);
    return info;
  };
  const noDialogs = () => {
    throw new FieldnotesError('UNAVAILABLE', 'File dialogs are not available here; type a path.');
  };

  return {
    'app.info': () => ({
      version: options.version,
      nativeDialogs: Boolean(options.dialogs),
      defaultFolder: options.defaultFolder,
      host: options.host,
    }),

    'reviewer.get': () => settings.reviewer(),
    'reviewer.set': (input) => {
      const reviewer = settings.setReviewer(input);
      if (session.workspace) recordReviewer(session.workspace.db, reviewer);
      return reviewer;
    },

    'workspace.recent': () =>
      settings.recent().map((r) => ({ ...r, exists: existsSync(r.path) })),
    'workspace.forget': ({ path }) => {
      settings.forget(path);
      return null;
    },
    'workspace.create': ({ path, name }) =>
      adopt(createWorkspace(path, { name, createdBy: requireReviewer() })),
    'workspace.open': ({ path }) => {
      if (session.workspace && session.workspace.path === path) return session.workspace.info();
      return adopt(openWorkspace(path, { onBackup: (b) => options.log?.(`backed up to ${b}`) }));
    },
    'workspace.current': () => session.workspace?.info() ?? null,
    'workspace.close': () => {
      session.workspace?.close();
      session.workspace = null;
      return null;
    },

    'dialog.chooseNewWorkspace': ({ suggestedName }) =>
      options.dialogs ? options.dialogs.chooseNewWorkspace(suggestedName) : noDialogs(),
    'dialog.chooseWorkspace': () =>
      options.dialogs ? options.dialogs.chooseWorkspace() : noDialogs(),

    'engagements.list': () => listEngagements(requireWorkspace().db),
    'engagements.create': (input) =>
      createEngagement(requireWorkspace().db, input, requireReviewer().id),
  };
}
