import { existsSync } from 'node:fs';
import type { appMethods } from '../../../shared/contract/app';
import { FieldnotesError } from '../../../shared/rpc/result';
import { recordReviewer } from '../services/reviewers';
import { createWorkspace, openWorkspace, type Workspace } from '../workspace/workspace';
import type { DomainHandlers, HandlerContext } from './context';

export function appHandlers(ctx: HandlerContext): DomainHandlers<typeof appMethods> {
  const { options, settings, session } = ctx;
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

    'app.closeAnswer': ({ close }) => {
      options.onCloseAnswer?.(close);
      return null;
    },

    'reviewer.get': () => settings.reviewer(),
    'reviewer.set': (input) => {
      const reviewer = settings.setReviewer(input);
      if (session.workspace) recordReviewer(session.workspace.db, reviewer);
      return reviewer;
    },

    'workspace.recent': () => settings.recent().map((r) => ({ ...r, exists: existsSync(r.path) })),
    'workspace.forget': ({ path }) => {
      settings.forget(path);
      return null;
    },
    'workspace.create': ({ path, name }) => adopt(createWorkspace(path, { name, createdBy: ctx.requireReviewer() })),
    'workspace.open': ({ path }) => {
      if (session.workspace && session.workspace.path === path) return session.workspace.info();
      return adopt(openWorkspace(path, { onBackup: (b) => options.log?.(`backed up to ${b}`), backups: {} }));
    },
    'workspace.current': () => session.workspace?.info() ?? null,
    'workspace.close': () => {
      session.workspace?.close();
      session.workspace = null;
      return null;
    },

    'dialog.chooseNewWorkspace': ({ suggestedName }) =>
      options.dialogs ? options.dialogs.chooseNewWorkspace(suggestedName) : noDialogs(),
    'dialog.chooseWorkspace': () => (options.dialogs ? options.dialogs.chooseWorkspace() : noDialogs()),
  };
}
