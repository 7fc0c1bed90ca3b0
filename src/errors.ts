/**
 * The few error classes vitsnap throws. Each carries a stable `code`
 * (listed in docs/format.md, "Errors") and a message that says what to do next. Match on `name`/`code`, never `instanceof`: the action
 * and the CLI are separate bundles.
 */

/** Codes for a `.vitsnap` file that cannot be trusted or read. */
export type FormatErrorCode =
  | 'E_BAD_MAGIC'
  | 'E_VERSION'
  | 'E_TRUNCATED'
  | 'E_CHECKSUM'
  | 'E_LIMIT'
  | 'E_CORRUPT'
  | 'E_MANIFEST';

/** Codes for everything else that stops a command. */
export type OperationErrorCode =
  | 'E_USAGE'
  | 'E_NOT_FOUND'
  | 'E_IO'
  | 'E_UNSAFE_PATH'
  | 'E_CHANGED'
  | 'E_NODE'
  | 'E_INPUT';

export type ErrorCode = FormatErrorCode | OperationErrorCode;

abstract class VitsnapError extends Error {
  abstract readonly code: ErrorCode;
}

/** The snapshot file is damaged, hostile, or from an unknown version. */
export class SnapshotFormatError extends VitsnapError {
  override readonly name = 'SnapshotFormatError';
  readonly code: FormatErrorCode;
  constructor(code: FormatErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Restoring an entry would write outside the target directory or through a symlink. */
export class UnsafePathError extends VitsnapError {
  override readonly name = 'UnsafePathError';
  readonly code = 'E_UNSAFE_PATH' as const;
  readonly entryPath: string;
  constructor(entryPath: string, reason: string) {
    super(`refusing to restore ${JSON.stringify(entryPath)}: ${reason}; nothing was written for it`);
    this.entryPath = entryPath;
  }
}

/** A command could not do its work (bad arguments, missing files, I/O failure, input changed). */
export class OperationError extends VitsnapError {
  override readonly name = 'OperationError';
  readonly code: OperationErrorCode;
  constructor(code: OperationErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export interface CodedError {
  name: string;
  code: ErrorCode;
  message: string;
}

/** True for any vitsnap error, across bundle boundaries. */
export function isVitsnapError(error: unknown): error is CodedError {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return (
    (name === 'SnapshotFormatError' || name === 'UnsafePathError' || name === 'OperationError') &&
    typeof code === 'string' &&
    code.startsWith('E_')
  );
}

/** Maps a Node system error (ENOENT, EACCES …) to an OperationError that names the path and a next step. */
export function fromSystemError(error: unknown, action: string): Error {
  if (isVitsnapError(error)) return error as unknown as Error;
  const sys = error as NodeJS.ErrnoException;
  const where = sys.path ? ` ${sys.path}` : '';
  switch (sys.code) {
    case 'ENOENT':
      return new OperationError('E_NOT_FOUND', `${action}: no such file or directory${where}; check the path`);
    case 'EACCES':
    case 'EPERM':
      return new OperationError('E_IO', `${action}: permission denied${where}; check ownership and permissions`);
    case 'ENOSPC':
      return new OperationError('E_IO', `${action}: no space left on device${where}; free disk space and retry`);
    default:
      return new OperationError('E_IO', `${action}: ${sys.message ?? String(error)}`);
  }
}
