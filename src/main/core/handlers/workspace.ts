import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { workspaceMethods } from '../../../shared/contract/workspace';
import { FieldnotesError } from '../../../shared/rpc/result';
import { listBackups } from '../backup/backups';
import { keyForFile, newKey } from '../workspace/encryption';
import { restoreWorkspace, setLogAside } from '../workspace/workspace';
import type { DomainHandlers, HandlerContext } from './context';

export function workspaceHandlers(ctx: HandlerContext): DomainHandlers<typeof workspaceMethods> {
  const { options, settings, session } = ctx;
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
  const { open, create } = ctx.opener;

  return {
    'workspace.recent': () => settings.recent().map((r) => ({ ...r, exists: existsSync(r.path) })),
    'workspace.forget': ({ id }) => {
      settings.forget(id);
      return null;
    },
    'workspace.create': ({ path, name, passphrase }) => create(typedPath(path), name, passphrase),
    'workspace.createChosen': async ({ name, passphrase }) => {
      ctx.requireReviewer(); // before the dialog, so nobody chooses a place only to be refused
      const path = await (options.dialogs ?? noDialogs()).chooseNewWorkspace(name);
      return path ? create(path, name, passphrase) : null;
    },
    'workspace.open': ({ path, passphrase }) => open(typedPath(path), passphrase),
    'workspace.setPassphrase': async ({ passphrase }) => {
      const workspace = ctx.requireWorkspace();
      const { keychain } = ctx.opener;
      const remembered = workspace.encrypted() && keychain.recall(workspace.path) !== undefined;
      const next = passphrase ? await newKey(passphrase) : null;
      workspace.setKey(next);
      // A remembered key follows the new passphrase; without one there is nothing to remember.
      if (next && remembered) keychain.remember(workspace.path, next);
      else keychain.forget(workspace.path);
      return workspace.info();
    },
    'workspace.setLogAside': ({ path }) => setLogAside(typedPath(path)),
    'workspace.backups': ({ path }) => listBackups(typedPath(path)).map((b) => ({ ...b, name: basename(b.path) })),
    'workspace.restore': async ({ path, backupPath, passphrase }) => {
      const target = resolve(typedPath(path));
      const key = passphrase && existsSync(backupPath) ? await keyForFile(backupPath, passphrase) : undefined;
      return restoreWorkspace(target, typedPath(backupPath), key, (own) => {
        if (session.workspace?.path === own) session.closeWorkspace();
      });
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
      session.closeWorkspace();
      return null;
    },
  };
}
