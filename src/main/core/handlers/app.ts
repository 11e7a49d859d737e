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
  const noDialogs = (): never => {
    throw new FieldnotesError('UNAVAILABLE', 'File dialogs are not available here; type a path.');
  };
  // The desktop app trusts no path the page sends: a workspace comes from a native dialog, the recent list
  // (by id), or the operating system. Typed paths are the loopback host's form, where there are no dialogs.
  const typedPath = (path: string): string => {
    if (options.host === 'electron') {
      throw new FieldnotesError('UNAVAILABLE', 'In the desktop app, choose the workspace in the Open or Save dialog.');
    }
    return path;
  };
  const open = (path: string) => {
    if (session.workspace && session.workspace.path === path) return session.workspace.info();
    return adopt(openWorkspace(path, { onBackup: (b) => options.log?.(`backed up to ${b}`), backups: {} }));
  };
  const create = (path: string, name: string) => adopt(createWorkspace(path, { name, createdBy: ctx.requireReviewer() }));

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
    'workspace.forget': ({ id }) => {
      settings.forget(id);
      return null;
    },
    'workspace.create': ({ path, name }) => create(typedPath(path), name),
    'workspace.createChosen': async ({ name }) => {
      ctx.requireReviewer(); // before the dialog, so nobody chooses a place only to be refused
      const path = await (options.dialogs ?? noDialogs()).chooseNewWorkspace(name);
      return path ? create(path, name) : null;
    },
    'workspace.open': ({ path }) => open(typedPath(path)),
    'workspace.openChosen': async () => {
      const path = await (options.dialogs ?? noDialogs()).chooseWorkspace();
      return path ? open(path) : null;
    },
    'workspace.openRecent': ({ id }) => {
      const recent = settings.recentById(id);
      if (!recent) throw new FieldnotesError('NOT_FOUND', 'That workspace is no longer in the recent list; open it from its file.');
      return open(recent.path);
    },
    'workspace.openHanded': () => {
      const path = options.takeHandedWorkspace?.() ?? null;
      return path ? open(path) : null;
    },
    'workspace.current': () => session.workspace?.info() ?? null,
    'workspace.close': () => {
      session.workspace?.close();
      session.workspace = null;
      return null;
    },

  };
}
