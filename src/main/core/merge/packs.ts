import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type Database from 'better-sqlite3';
import type { MergePackInfo } from '../../../shared/domain/merge';
import { FieldnotesError } from '../../../shared/rpc/result';
import { listReviewers } from '../store/reviewers';
import { readMeta } from '../store/workspaceMeta';
import { CHECK_FOLDER_PREFIX } from '../workspace/examine';
import { consistentCopy } from '../workspace/recovery';
import { openSnapshot } from '../workspace/snapshot';
import type { Workspace } from '../workspace/workspace';

/**
 * A merge pack is a consistent copy of a whole workspace (VACUUM INTO, so the
 * one being typed in is never half-copied), written out through saveAs like
 * every export. It is itself a workspace file: the person receiving it can
 * open it to look, and `fieldnotes check` reads it. A merge never opens the
 * pack itself: it reads a private copy (openSnapshot), so the pack is left
 * exactly as it came, and merging it again finds it unchanged.
 */
export const packBytes = (db: Database.Database): Buffer => consistentCopy(db);

/** Open a pack (a path on disk, as the CLI has it) for reading. Refusals name the pack as the person knows it. */
export function openPack(path: string, shownAs = basename(path)): Workspace {
  try {
    return openSnapshot(path);
  } catch (error) {
    if (!(error instanceof FieldnotesError)) throw error;
    if (error.code === 'PASSPHRASE_NEEDED') {
      throw new FieldnotesError('UNAVAILABLE', `"${shownAs}" is encrypted; merging an encrypted pack is not possible yet. Ask for a pack sent from an unencrypted copy.`);
    }
    // The checks ran on a private copy; say which file they were about.
    throw new FieldnotesError(error.code, error.message.replace(/"(w|pack)\.fieldnotes"|\S*\/w\.fieldnotes/g, `"${shownAs}"`));
  }
}

/** Open an uploaded pack (the app's "Merge in…"): its bytes go to a private temporary file first. */
export function openPackBytes(bytes: Uint8Array, fileName: string): Workspace {
  const folder = mkdtempSync(join(tmpdir(), `${CHECK_FOLDER_PREFIX}${process.pid}-`));
  try {
    const file = join(folder, 'pack.fieldnotes');
    writeFileSync(file, bytes, { mode: 0o600 });
    return openPack(file, fileName);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** What the person sees of a pack before merging it. */
export function describePack(pack: Database.Database, fileName: string): MergePackInfo {
  return { fileName, name: readMeta(pack, 'name') ?? fileName, reviewers: listReviewers(pack).map((r) => r.name) };
}
