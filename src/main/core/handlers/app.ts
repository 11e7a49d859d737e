import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { appMethods } from '../../../shared/contract/app';
import { FieldnotesError } from '../../../shared/rpc/result';
import { recordReviewer } from '../services/reviewers';
import { listBackups } from '../backup/backups';
import { keyForFile, newKey } from '../workspace/encryption';
import { createWorkspace, openWorkspace, restoreWorkspace, setLogAside, type Workspace } from '../workspace/workspace';
import type { DomainHandlers, HandlerContext } from './context';

export function appHandlers(ctx: HandlerContext): DomainHandlers<typeof appMethods> {
  const { options, settings, session } = ctx;
  const adopt = (workspace: Workspace) => {
    session.workspace?.close();
    session.workspace = workspace;
    const reviewer = settings.reviewer();
    if (reviewer) recordReviewer(workspace.db, reviewer, settings.installationId());
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
  const open = async (path: string, passphrase?: string) => {
    if (session.workspace && session.workspace.path === path) return session.workspace.info();
    // Argon2id is asynchronous; an encrypted file's salt is its first 16 bytes.
    const key = passphrase && existsSync(path) ? await keyForFile(path, passphrase) : undefined;
    return adopt(openWorkspace(path, { onBackup: (b) => options.log?.(`backed up to ${b}`), backups: {}, key }));
  };
  const create = async (path: string, name: string, passphrase?: string) => {
    const key = passphrase ? await newKey(passphrase) : undefined;
    return adopt(createWorkspace(path, { name, createdBy: ctx.requireReviewer() }, { key, backups: {} }));
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
      if (session.workspace) recordReviewer(session.workspace.db, reviewer, settings.installationId());
      return reviewer;
    },

    'workspace.recent': () => settings.recent().map((r) => ({ ...r, exists: existsSync(r.path) })),
    'workspace.forget': ({ id }) => {
      settings.forget(id);
      return null;
    },
    'workspace.create': ({ path, name, passphrase }) => create(typedPath(path), name, passphrase),
    'workspace.createChosen': async ({ name }) => {
      ctx.requireReviewer(); // before the dialog, so nobody chooses a place only to be refused
      const path = await (options.dialogs ?? noDialogs()).chooseNewWorkspace(name);
      return path ? create(path, name) : null;
    },
    'workspace.open': ({ path, passphrase }) => open(typedPath(path), passphrase),
    'workspace.setPassphrase': async ({ passphrase }) => {
      const workspace = ctx.requireWorkspace();
      workspace.setKey(passphrase ? await newKey(passphrase) : null);
      return workspace.info();
    },
    'workspace.setLogAside': ({ path }) => setLogAside(typedPath(path)),
    'workspace.backups': ({ path }) => listBackups(typedPath(path)),
    'workspace.restore': async ({ path, backupPath, passphrase }) => {
      const target = resolve(typedPath(path));
      if (session.workspace?.path === target) {
        session.workspace.close();
        session.workspace = null;
      }
      const key = passphrase && existsSync(backupPath) ? await keyForFile(backupPath, passphrase) : undefined;
      return restoreWorkspace(target, typedPath(backupPath), key);
    },
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
