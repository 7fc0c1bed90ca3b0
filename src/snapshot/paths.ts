/** Rules every entry path in a snapshot obeys; capture skips, and the reader rejects, any path that breaks one. */
import { LIMITS } from './format.js';

/** Returns why `path` is not a safe snapshot path, or null when it is. */
export function entryPathProblem(path: string): string | null {
  if (path.length === 0) return 'empty path';
  if (path.includes('\0')) return 'path contains a NUL byte';
  if (Buffer.byteLength(path) > LIMITS.pathBytes) return `path is longer than ${LIMITS.pathBytes} bytes`;
  if (path.startsWith('/')) return 'absolute path';
  for (const segment of path.split('/')) {
    if (segment === '') return 'path has an empty segment';
    if (segment === '.' || segment === '..') return `path has a "${segment}" segment`;
    if (Buffer.byteLength(segment) > LIMITS.segmentBytes) return `a path segment is longer than ${LIMITS.segmentBytes} bytes`;
  }
  // A backslash is an ordinary character on POSIX, but a separator on Windows: never let it form "..".
  if (/(^|[\\/])\.\.([\\/]|$)/.test(path)) return 'path has a ".." segment (with a backslash separator)';
  if (/^[A-Za-z]:[\\/]/.test(path)) return 'path starts with a drive letter';
  return null;
}
