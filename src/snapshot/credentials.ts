/**
 * Files that look like credentials. A snapshot is uploaded as an artifact anyone with read access
 * can download, so capturing a token is a leak: callers warn, naming the file and what to exclude.
 * By name, and for package-manager config files by content (they are ordinary config until they
 * hold a token).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';

const BY_NAME: [RegExp, string][] = [
  [/^\.env(\..+)?$/, 'an environment file (often holds secrets)'],
  [/\.(pem|key|p12|pfx)$/, 'a private key or certificate bundle'],
  [/^id_(rsa|dsa|ecdsa|ed25519)$/, 'an SSH private key'],
  [/^\.git-credentials$/, 'stored git credentials'],
  [/^\.netrc$/, 'stored login credentials'],
  [/^\.pypirc$/, 'PyPI upload credentials'],
];

const BY_CONTENT: [RegExp, RegExp, string][] = [
  [/^\.npmrc$/, /_authToken|_auth\s*=|_password/, 'an npm auth token'],
  [/^\.yarnrc\.yml$/, /npmAuthToken|npmAuthIdent/, 'a Yarn registry token'],
];

/** The first 64 KiB of a file: enough to see a token line in a config file. */
function head(path: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(64 * 1024);
    return buf.toString('utf8', 0, readSync(fd, buf, 0, buf.length, 0));
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Why the file at `path` (relative to `root`) looks like a credential, or null. */
export function credentialReason(root: string, path: string): string | null {
  const name = path.slice(path.lastIndexOf('/') + 1);
  for (const [pattern, reason] of BY_NAME) if (pattern.test(name)) return reason;
  for (const [pattern, content, reason] of BY_CONTENT) if (pattern.test(name) && content.test(head(join(root, path)))) return reason;
  return null;
}

/** Captured files that look like credentials, with the reason, in path order. */
export function findCredentials(root: string, paths: readonly string[]): { path: string; reason: string }[] {
  const found: { path: string; reason: string }[] = [];
  for (const path of paths) {
    const reason = credentialReason(root, path);
    if (reason !== null) found.push({ path, reason });
  }
  return found;
}
