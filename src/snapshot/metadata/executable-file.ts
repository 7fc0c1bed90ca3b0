/** Whether a path names a regular file this process may execute, as a shell's PATH search decides. */
import { accessSync, constants, statSync } from 'node:fs';

export function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
