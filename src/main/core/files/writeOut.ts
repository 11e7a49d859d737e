import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { FieldnotesError } from '../../../shared/rpc/result';
import { isOpenWorkspaceFile } from '../workspace/openHere';

/**
 * The one way the core writes a file a person asked for (a copy of an
 * attachment, a codebook, later reports and exchange files).
 *
 * The bytes go to a temporary file beside the target, are flushed to the
 * disk, and the finished file is moved into place whole; the folder is then
 * flushed where the system allows it, so the new name survives a power cut.
 * A full disk or a crash never leaves half a file under the chosen name, and
 * an existing file is replaced only when `overwrite` says so (the native save
 * dialog has already asked the person; the typed-path form asks first).
 */
export async function writeFileAtomic(
  path: string,
  data: Uint8Array | string,
  options: { overwrite?: boolean; privateFile?: boolean } = {},
): Promise<void> {
  const target = resolve(path);
  const overwrite = options.overwrite ?? false;
  await checkTarget(target, overwrite);
  const temporary = `${target}.fieldnotes-${randomBytes(4).toString('hex')}.part`;
  try {
    // A copy of a workspace is as private as the workspace (0600); an export is made to be shared.
    const handle = await open(temporary, 'wx', options.privateFile ? 0o600 : 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (overwrite) await rename(temporary, target);
    else await placeWithoutOverwriting(temporary, target);
    await syncFolder(dirname(target));
  } catch (error) {
    throw explainWrite(error, target);
  } finally {
    await rm(temporary, { force: true });
  }
}

/**
 * Whether `writeFileAtomic` could write there, asked before long work (an
 * export of minutes) so the person hears of a taken name at once, not at the end.
 */
export const checkWriteTarget = (path: string, overwrite = false): Promise<void> => checkTarget(resolve(path), overwrite);

async function checkTarget(target: string, overwrite: boolean): Promise<void> {
  const folder = dirname(target);
  const folderStat = await stat(folder).catch(() => null);
  if (!folderStat?.isDirectory()) {
    throw new FieldnotesError('NOT_FOUND', `The folder "${folder}" does not exist. Choose another.`);
  }
  const existing = await stat(target).catch(() => null);
  if (!existing) return;
  if (existing.isDirectory()) throw new FieldnotesError('FILE_EXISTS', `"${basename(target)}" is a folder. Choose a file name.`);
  if (isOpenWorkspaceFile(target)) {
    throw new FieldnotesError('FILE_EXISTS', `"${basename(target)}" is the workspace open now; it cannot be replaced by an export. Choose another name.`);
  }
  if (!overwrite) throw exists(target);
}

async function placeWithoutOverwriting(temporary: string, target: string): Promise<void> {
  try {
    await link(temporary, target); // fails if the name was taken meanwhile
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EEXIST') throw error;
    // Some drives (FAT, exFAT, network shares) have no hard links.
    await copyFile(temporary, target, constants.COPYFILE_EXCL);
  }
}

/** Flush the folder's entry for the new name. Windows and some file systems cannot open a folder for this. */
async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // The file itself is on disk; only the rename's durability is left to the system.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

const exists = (target: string) =>
  new FieldnotesError('FILE_EXISTS', `There is already a file called "${basename(target)}" there. Choose another name.`);

function explainWrite(error: unknown, target: string): unknown {
  if (error instanceof FieldnotesError) return error;
  switch ((error as { code?: unknown } | null)?.code) {
    case 'EEXIST':
      return exists(target);
    case 'ENOSPC':
    case 'EDQUOT':
      return new FieldnotesError('DISK_FULL', `The disk is full, so "${basename(target)}" could not be saved. Free some space, then try again.`);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new FieldnotesError('READ_ONLY', `Fieldnotes cannot write to the folder "${dirname(target)}". Choose a folder you can write to.`);
    case 'ENOENT':
      return new FieldnotesError('NOT_FOUND', `The folder "${dirname(target)}" is no longer there. Choose another.`);
    default:
      return error;
  }
}
