import { resolve } from 'node:path';
import type { SaveTarget } from '../../../shared/contract/fileOut';
import { FieldnotesError } from '../../../shared/rpc/result';
import type { CoreOptions } from '../ports';
import { writeFileAtomic } from './writeOut';

/**
 * The one way an export reaches a file. Where the host has a save dialog
 * (Electron), the person chooses there (the dialog has already asked before
 * replacing) and any page-supplied path is ignored; elsewhere the typed path
 * from the export form is used. The bytes are then written atomically.
 */
export async function saveAs(
  options: Pick<CoreOptions, 'dialogs'>,
  suggestedName: string,
  target: SaveTarget,
  contents: () => Uint8Array | string,
  file: { privateFile?: boolean } = {},
): Promise<{ path: string; size: number } | null> {
  const chosen = await chooseTarget(options, suggestedName, target);
  if (!chosen) return null;
  const data = contents();
  await writeFileAtomic(chosen.path, data, { overwrite: chosen.overwrite, ...file });
  return { path: resolve(chosen.path), size: typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength };
}

async function chooseTarget(
  options: Pick<CoreOptions, 'dialogs'>,
  suggestedName: string,
  target: SaveTarget,
): Promise<{ path: string; overwrite: boolean } | null> {
  if (options.dialogs) {
    const path = await options.dialogs.chooseSaveFile(suggestedName);
    return path ? { path, overwrite: true } : null;
  }
  if (!target.path) throw new FieldnotesError('INVALID_INPUT', 'Say where to save the file.');
  return { path: target.path, overwrite: target.overwrite ?? false };
}
