/**
 * Results cross every process boundary as values, never as thrown exceptions:
 * a renderer must be able to show a sentence a person can act on, and a
 * malformed call must never crash the core.
 */
export const errorCodes = [
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'NOT_A_WORKSPACE',
  'CORRUPT_WORKSPACE',
  'NEWER_VERSION',
  'READ_ONLY',
  'ALREADY_OPEN',
  'FILE_EXISTS',
  'CONFLICT',
  'NOT_FOUND',
  'NO_WORKSPACE',
  'NO_REVIEWER',
  'DISK_FULL',
  /** A file to import or attach that is not what it says, damaged, empty or of a kind we do not read. */
  'UNSUPPORTED_FILE',
  /** A file over its size limit. */
  'TOO_LARGE',
  'UNAVAILABLE',
  /** The recovery log (-wal) beside a workspace is damaged: opening would drop saved changes. */
  'WAL_DAMAGED',
  /** The recovery log (-wal) beside a workspace is not its own (a restored or copied file). */
  'WAL_MISMATCH',
  /** The workspace is encrypted: ask for its passphrase. */
  'PASSPHRASE_NEEDED',
  /** The passphrase given does not open the workspace. */
  'WRONG_PASSPHRASE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface RpcError {
  code: ErrorCode;
  /** A sentence for the person using the app: what happened and what to do. */
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: RpcError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

/** Thrown inside the core; turned into a failed Result at the boundary. */
export class FieldnotesError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FieldnotesError';
  }
}
