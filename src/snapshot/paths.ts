/** Rules every entry path in a snapshot obeys; capture skips, and the reader rejects, any path that breaks one. */
import { LIMITS } from './format.js';

const SLASH = 0x2f;
const BACKSLASH = 0x5c;
const DOT = 0x2e;

/** UTF-8 length of s[from, to): one pass, no allocation. */
function utf8Length(s: string, from: number, to: number): number {
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Returns why `path` is not a safe snapshot path, or null when it is. A single pass over the
 * characters: the reader checks every entry of manifests with 100k+ entries.
 */
export function entryPathProblem(path: string): string | null {
  const n = path.length;
  if (n === 0) return 'empty path';
  if (path.charCodeAt(0) === SLASH) return 'absolute path';
  // A lone surrogate has no UTF-8 form: `x\ud800` and `x\udbff` would both be written as
  // `x\ufffd` and land on one file. Node decodes real file names as UTF-8 (invalid bytes become
  // U+FFFD), so capture never sees one; only a forged manifest can hold it.
  if (!path.isWellFormed()) return 'path is not well-formed Unicode (it has a lone surrogate)';
  // Per segment (split on '/'): not empty, not '.' or '..', at most segmentBytes long.
  // Per backslash-separated piece: never '..' (a separator on Windows).
  let segStart = 0;
  let pieceStart = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? path.charCodeAt(i) : SLASH;
    if (c === 0) return 'path contains a NUL byte';
    if (c === BACKSLASH || c === SLASH) {
      if (i - pieceStart === 2 && path.charCodeAt(pieceStart) === DOT && path.charCodeAt(pieceStart + 1) === DOT) {
        return c === BACKSLASH || path.charCodeAt(pieceStart - 1) === BACKSLASH
          ? 'path has a ".." segment (with a backslash separator)'
          : 'path has a ".." segment';
      }
      pieceStart = i + 1;
    }
    if (c === SLASH) {
      const len = i - segStart;
      if (len === 0) return 'path has an empty segment';
      if (len === 1 && path.charCodeAt(segStart) === DOT) return 'path has a "." segment';
      // UTF-8 is at most 3 bytes per UTF-16 unit: count bytes only when the limit could be reached.
      if (len * 3 > LIMITS.segmentBytes && utf8Length(path, segStart, i) > LIMITS.segmentBytes) {
        return `a path segment is longer than ${LIMITS.segmentBytes} bytes`;
      }
      segStart = i + 1;
    }
  }
  if (n * 3 > LIMITS.pathBytes && utf8Length(path, 0, n) > LIMITS.pathBytes) return `path is longer than ${LIMITS.pathBytes} bytes`;
  const c1 = path.charCodeAt(1);
  if (n >= 3 && c1 === 0x3a && /[A-Za-z]/.test(path[0] as string) && (path.charCodeAt(2) === SLASH || path.charCodeAt(2) === BACKSLASH)) {
    return 'path starts with a drive letter';
  }
  return null;
}
