import { FieldnotesError } from '../../shared/rpc/result';
import { sqliteCode } from './db/sqlite';

/**
 * Failures any action can meet, named for the person using the app. The
 * renderer keeps unsaved edits in memory on these and retries.
 */
export function explainStorageError(error: unknown): FieldnotesError | undefined {
  const code = sqliteCode(error) ?? '';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code.startsWith('SQLITE_IOERR')) {
    return new FieldnotesError(
      'DISK_FULL',
      code.startsWith('SQLITE_IOERR')
        ? 'Fieldnotes could not write to the disk. Your edits are kept in this window; check the drive is still connected and has space.'
        : 'The disk is full, so this could not be saved. Your edits are kept in this window and will be saved when you free some space.',
    );
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new FieldnotesError('READ_ONLY', 'The workspace file has become read-only, so this could not be saved. Your edits are kept in this window.');
  }
  return undefined;
}
