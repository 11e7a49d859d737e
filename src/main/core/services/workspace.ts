import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { FieldnotesError } from '../../../shared/rpc/result';
import type { MigrationReport } from '../db/migrate';
import { buildInBackground } from './analysisIndex';
import { actAs } from './reviewer';
import { keyForFile, newKey, type WorkspaceKey } from '../workspace/encryption';
import { DamagedWorkspaceError } from '../workspace/errors';
import { rememberedKeys } from '../workspace/rememberedKeys';
import { createWorkspace, openWorkspace, refuseNewWorkspacePath, type Workspace } from '../workspace/workspace';
import type { HandlerContext } from '../handlers/context';

/** Refusals the page can act on for the same file without naming it again (protection.*, recovery.*). */
const ACTIONABLE = new Set(['PASSPHRASE_NEEDED', 'WRONG_PASSPHRASE', 'WAL_MISMATCH', 'WAL_DAMAGED', 'CORRUPT_WORKSPACE']);

/** How every way in opens a workspace: checked, held as the window's one workspace, its refusals remembered. */
export function workspaceOpener(ctx: HandlerContext) {
  const { options, settings, session } = ctx;
  const keychain = rememberedKeys(options.keychain);
  const adopt = (workspace: Workspace) => {
    session.adopt(workspace);
    session.refused = null;
    const reviewer = settings.reviewer();
    if (reviewer) actAs(workspace.db, reviewer, settings.installationId());
    const info = workspace.info();
    settings.rememberOpened(info.path, info.name);
    // So the first analysis screen does not wait for the index (seconds at four times review scale).
    buildInBackground(workspace.db);
    return info;
  };
  const withKey = (inputPath: string, key: WorkspaceKey | undefined) => {
    const path = resolve(inputPath);
    let upgrading: string | null = null;
    let told = 0;
    const tell = (notice: string, done: number | null, total: number | null, finished: boolean) => {
      told = performance.now();
      options.emit?.('workspace.upgrading', { notice, done, total, finished });
    };
    try {
      // Logged before and after; the page is told too, as it goes (at most every 200 ms), since the open call
      // it waits on answers only when the migration is over.
      const onMigration: MigrationReport = ({ migration, seconds, done, total }) => {
        const notice = migration.notice ?? migration.name;
        if (done !== undefined) {
          if (performance.now() - told >= 200 || done === total) tell(notice, done, total ?? null, false);
          return;
        }
        options.log?.(seconds === undefined ? `updating the workspace: ${migration.notice}` : `updated the workspace (${migration.name}) in ${seconds.toFixed(1)} s`);
        upgrading = seconds === undefined ? notice : null;
        tell(notice, null, null, seconds !== undefined);
      };
      return adopt(openWorkspace(path, { onBackup: (b) => options.log?.(`backed up to ${b}`), onMigration, backups: {}, key }));
    } catch (error) {
      if (upgrading) tell(upgrading, null, null, true); // the open failed part-way: the page stops waiting for it
      if (error instanceof FieldnotesError && ACTIONABLE.has(error.code)) {
        session.refused = { path, code: error.code, findings: error instanceof DamagedWorkspaceError ? error.findings : [], key };
      }
      throw error;
    }
  };
  return {
    keychain,
    adopt,
    withKey,
    /**
     * Open by path; an encrypted file with no passphrase given is tried with the key remembered for it,
     * when the person asked for that (`useRemembered`: not after an idle lock, which asks again).
     */
    async open(path: string, passphrase?: string, useRemembered = true) {
      if (session.workspace && session.workspace.path === resolve(path)) return session.workspace.info();
      // Argon2id is asynchronous; an encrypted file's salt is its first 16 bytes.
      if (passphrase && existsSync(path)) return withKey(path, await keyForFile(path, passphrase));
      try {
        return withKey(path, undefined);
      } catch (error) {
        const remembered = useRemembered && error instanceof FieldnotesError && error.code === 'PASSPHRASE_NEEDED' ? keychain.recall(path) : undefined;
        if (!remembered) throw error;
        try {
          return withKey(path, remembered);
        } catch (second) {
          if (second instanceof FieldnotesError && second.code === 'WRONG_PASSPHRASE') {
            keychain.forget(path);
            throw error; // ask for the passphrase, as if nothing had been remembered
          }
          throw second;
        }
      }
    },
    async create(path: string, name: string, passphrase?: string) {
      refuseNewWorkspacePath(path); // before the key: a refusal should not wait for Argon2id
      const key = passphrase ? await newKey(passphrase) : undefined;
      return adopt(createWorkspace(path, { name, createdBy: ctx.requireReviewer() }, { key, backups: {} }));
    },
  };
}

export type WorkspaceOpener = ReturnType<typeof workspaceOpener>;
