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
  | 'E_BUSY'
  | 'E_INPUT'
  | 'E_AUTH'
  | 'E_NETWORK'
  | 'E_REGISTRY'
  | 'E_PARENT'
  | 'E_CHAIN'
  | 'E_BUILD';

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

/** What a system error code means to a user, and what they can do about it. */
const SYSTEM_ERRORS: Readonly<Record<string, { code: OperationErrorCode; what: string; next: string }>> = {
  ENOENT: { code: 'E_NOT_FOUND', what: 'no such file or directory', next: 'check the path' },
  EACCES: { code: 'E_IO', what: 'permission denied', next: 'check ownership and permissions' },
  EPERM: { code: 'E_IO', what: 'operation not permitted', next: 'check ownership, permissions and file attributes (lsattr)' },
  ENOSPC: { code: 'E_IO', what: 'no space left on device', next: 'free disk space (or inodes: df -i) and retry' },
  EDQUOT: { code: 'E_IO', what: 'disk quota exceeded', next: 'free space within your quota and retry' },
  EFBIG: { code: 'E_IO', what: 'file too large', next: 'raise the file-size limit (ulimit -f) or use a file system that allows larger files' },
  ENAMETOOLONG: { code: 'E_IO', what: 'file name too long', next: 'use a shorter path (a name may have at most 255 bytes)' },
  EEXIST: { code: 'E_IO', what: 'already exists', next: 'remove it or choose another path' },
  EISDIR: { code: 'E_IO', what: 'is a directory', next: 'pass a file path, or remove the directory' },
  ENOTDIR: { code: 'E_IO', what: 'a component of the path is not a directory', next: 'check the path; a file is where a directory is expected' },
  ENOTEMPTY: { code: 'E_IO', what: 'directory not empty', next: 'empty or remove it' },
  EROFS: { code: 'E_IO', what: 'read-only file system', next: 'choose a writable location' },
  EMFILE: { code: 'E_IO', what: 'too many open files', next: 'raise the open-file limit (ulimit -n) and retry' },
  ENFILE: { code: 'E_IO', what: 'too many open files in the system', next: 'close other programs or raise the system limit, and retry' },
  ELOOP: { code: 'E_IO', what: 'too many levels of symbolic links', next: 'check the path for a symlink loop' },
  EXDEV: { code: 'E_IO', what: 'cannot move across file systems', next: 'keep the target on one file system' },
  EBUSY: { code: 'E_IO', what: 'resource busy', next: 'retry when it is no longer in use' },
  ETXTBSY: { code: 'E_IO', what: 'file is being executed', next: 'stop the program using it and retry' },
  EIO: { code: 'E_IO', what: 'input/output error', next: 'check the disk (dmesg) and retry' },
  EINVAL: { code: 'E_IO', what: 'invalid argument', next: 'check the path and the file system it is on' },
};

/** True for an error thrown by a Node system call (it has an errno-style `code` and a `syscall`). */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  if (typeof error !== 'object' || error === null) return false;
  const { code, syscall } = error as { code?: unknown; syscall?: unknown };
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) && typeof syscall === 'string';
}

/**
 * Maps a Node system error (ENOENT, EACCES, ENOSPC …) to an OperationError that names the path
 * and a next step. `action` says what vitsnap was doing ("cannot restore a/b").
 */
export function fromSystemError(error: unknown, action: string): Error {
  if (isVitsnapError(error)) return error as unknown as Error;
  const sys = error as NodeJS.ErrnoException & { dest?: string };
  // The path the system call failed on, unless `action` already names it.
  const where = sys.path === undefined || action.includes(sys.path) ? '' : ` (${sys.path}${sys.dest !== undefined ? ` -> ${sys.dest}` : ''})`;
  const known = typeof sys.code === 'string' ? SYSTEM_ERRORS[sys.code] : undefined;
  if (known !== undefined) return new OperationError(known.code, `${action}: ${known.what}${where}; ${known.next}`);
  const detail = typeof sys.code === 'string' ? `${sys.code}${sys.syscall !== undefined ? ` in ${sys.syscall}` : ''}` : (sys.message ?? String(error));
  return new OperationError('E_IO', `${action}: system error ${detail}${where}; check the path and retry`);
}
