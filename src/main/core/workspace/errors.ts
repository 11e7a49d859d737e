import { accessSync, constants, existsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { FieldnotesError } from '../../../shared/rpc/result';
import { sqliteCode } from '../db/sqlite';

const nodeCode = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;

/**
 * Translate what the file system or SQLite said into a sentence a reviewer can
 * act on. Anything unrecognised is passed on for the boundary to log.
 */
export function explainOpenError(error: unknown, path: string): unknown {
  if (error instanceof FieldnotesError) return error;
  const file = basename(path);
  const code = sqliteCode(error) ?? nodeCode(error);
  // Exclusive locking on a file this user may not write fails at the first read,
  // as an I/O error on the lock rather than as SQLITE_READONLY.
  if (code === 'SQLITE_IOERR_LOCK' && existsSync(path) && (!canWrite(path) || !canWrite(dirname(path)))) {
    return readOnly(file);
  }
  switch (code) {
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new FieldnotesError(
        'ALREADY_OPEN',
        `"${file}" is already open in another Fieldnotes window or program. Switch to that window, or close it and try again.`,
      );
    case 'SQLITE_NOTADB':
      return new FieldnotesError(
        'NOT_A_WORKSPACE',
        `"${file}" is not a Fieldnotes workspace, or it is damaged beyond reading. It has not been changed.`,
      );
    case 'SQLITE_CORRUPT':
    case 'SQLITE_CORRUPT_VTAB':
    case 'SQLITE_IOERR_SHORT_READ':
      return corrupt(file);
    case 'SQLITE_READONLY':
    case 'SQLITE_READONLY_DIRECTORY':
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_PERM':
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return readOnly(file);
    case 'EEXIST':
      return new FieldnotesError(
        'FILE_EXISTS',
        `There is already a file called "${file}" there. Choose another name, or open the existing workspace.`,
      );
    case 'SQLITE_FULL':
    case 'ENOSPC':
      return new FieldnotesError(
        'DISK_FULL',
        `The disk holding "${file}" is full. Free some space, then try again.`,
      );
    default:
      return error;
  }
}

const canWrite = (path: string): boolean => {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

const readOnly = (file: string) =>
  new FieldnotesError(
    'READ_ONLY',
    `Fieldnotes cannot write to "${file}" or to its folder (it is read-only). Copy the workspace to a folder you can write to, or change the folder's permissions, then open it again.`,
  );

/** A damaged workspace, carrying what the integrity check found. */
export class DamagedWorkspaceError extends FieldnotesError {
  constructor(
    message: string,
    readonly findings: string[],
  ) {
    super('CORRUPT_WORKSPACE', message);
  }
}

export const corrupt = (file: string, findings: string[] = [], newestBackup?: { path: string; takenAt: string }) =>
  new DamagedWorkspaceError(
    `"${file}" is damaged: its integrity check failed${findings[0] ? ` (${findings[0].slice(0, 200)}${findings.length > 1 ? `, and ${findings.length - 1} more finding(s)` : ''})` : ''}. It has not been changed. ${
      newestBackup
        ? `Its newest backup is from ${newestBackup.takenAt}: restore it (the damaged file is kept aside) with "fieldnotes restore", or open ${newestBackup.path}.`
        : 'Open a backup copy, or run "fieldnotes check" on it to see every finding.'
    }`,
    findings,
  );
