import { z } from 'zod';
import { BackupSummary } from '../domain/backup';
import { FilePath, RecentWorkspace, WorkspaceInfo } from '../domain/workspace';
import { method, None } from './method';

/** A new passphrase: long enough to resist guessing with Argon2id in the way. */
export const NewPassphrase = z.string().min(8, 'Use a passphrase of at least 8 characters.').max(1024);

/** A backup as the loopback host's typed-path methods list it: with its path. */
export const BackupFile = BackupSummary.extend({ path: z.string() });

/**
 * Workspace files: the recent list, creating and opening (through the native dialogs in the desktop app, by typed
 * path on the loopback host), the passphrase, and what a closed workspace offers (its log, its backups).
 */
export const workspaceMethods = {
  'workspace.recent': method({
    input: None,
    output: z.array(RecentWorkspace),
    doc: 'Recently opened workspaces, newest first.',
  }),
  'workspace.forget': method({
    input: z.object({ id: z.string().max(100) }).strict(),
    output: z.null(),
    doc: 'Remove a workspace from the recent list (the file is not touched).',
  }),
  'workspace.create': method({
    input: z
      .object({ path: FilePath, name: z.string().trim().min(1, 'Name the workspace.').max(200), passphrase: NewPassphrase.optional() })
      .strict(),
    output: WorkspaceInfo,
    doc: 'Create a workspace at a typed path and open it. The loopback host only: the desktop app never takes a path from the page (workspace.createChosen).',
  }),
  'workspace.createChosen': method({
    input: z.object({ name: z.string().trim().min(1, 'Name the workspace.').max(200), passphrase: NewPassphrase.optional() }).strict(),
    output: WorkspaceInfo.nullable(),
    doc: 'Ask where to save a new workspace (the native Save dialog), create it there and open it; null if the person cancelled.',
  }),
  'workspace.open': method({
    input: z.object({ path: FilePath, passphrase: z.string().max(1024).optional() }).strict(),
    output: WorkspaceInfo,
    doc: 'Open a workspace at a typed path, checking it first; an encrypted one answers PASSPHRASE_NEEDED until its passphrase is given. The loopback host only (the desktop app: workspace.openChosen).',
  }),
  'workspace.openChosen': method({
    input: None,
    output: WorkspaceInfo.nullable(),
    doc: 'Ask which workspace to open (the native Open dialog) and open it; null if the person cancelled.',
  }),
  'workspace.openRecent': method({
    input: z.object({ id: z.string().max(100) }).strict(),
    output: WorkspaceInfo,
    doc: 'Open a workspace from the recent list, named by its id.',
  }),
  'workspace.openHanded': method({
    input: None,
    output: WorkspaceInfo.nullable(),
    doc: 'Open the workspace the operating system handed the app (a double-clicked file, a second launch), if there is one.',
  }),
  'workspace.setPassphrase': method({
    input: z.object({ passphrase: NewPassphrase.nullable() }).strict(),
    output: WorkspaceInfo,
    doc: 'Encrypt the open workspace, change its passphrase, or (null) remove it. Earlier backups are replaced by one under the new protection.',
  }),
  'workspace.setLogAside': method({
    input: z.object({ path: FilePath }).strict(),
    output: z.string(),
    doc: "Rename the recovery log (-wal) beside a workspace that refused it (WAL_MISMATCH, WAL_DAMAGED), so the file opens as it is. Returns the log's new name; nothing is deleted.",
  }),
  'workspace.backups': method({
    input: z.object({ path: FilePath }).strict(),
    output: z.array(BackupFile),
    doc: "A workspace's automatic backups, newest first, with their contents counts.",
  }),
  'workspace.restore': method({
    input: z.object({ path: FilePath, backupPath: FilePath, passphrase: z.string().max(1024).optional() }).strict(),
    output: z.object({ setAside: z.string().nullable() }),
    doc: 'Put a backup in a closed workspace\'s place; the file it replaces is kept beside it.',
  }),
  'workspace.current': method({
    input: None,
    output: WorkspaceInfo.nullable(),
    doc: 'The workspace open in this window, if any.',
  }),
  'workspace.close': method({ input: None, output: z.null(), doc: 'Close the open workspace.' }),
} as const;
