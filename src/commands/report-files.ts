/**
 * Report files a diff writes (`--html`, `--output`): opened before the comparison, so a missing
 * or read-only directory fails in a second rather than after a long diff, and written whole or
 * not at all (AtomicFile), so a failed run never leaves half a report.
 */
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { OperationError } from '../errors.js';
import { AtomicFile } from '../snapshot/atomic-file.js';

function onOption(error: unknown, option: string): unknown {
  const e = error as { name?: unknown; code?: unknown; message?: unknown } | null;
  if (e?.name !== 'OperationError' || typeof e.message !== 'string') return error;
  return new OperationError(e.code as OperationError['code'], `${option}: ${e.message}`);
}

export class ReportFile {
  private readonly file: AtomicFile;
  private constructor(file: AtomicFile) {
    this.file = file;
  }

  /** Checks where `path` (given to `option`) would go and reserves it; E_NOT_FOUND/E_IO/E_INPUT naming the path otherwise. */
  static open(cwd: string, option: string, path: string): ReportFile {
    const target = resolve(cwd, path);
    const dir = dirname(target);
    const where = statSync(dir, { throwIfNoEntry: false });
    if (where === undefined) throw new OperationError('E_NOT_FOUND', `${option} ${path}: directory ${dir} does not exist; create it or write the report elsewhere`);
    if (!where.isDirectory()) throw new OperationError('E_INPUT', `${option} ${path}: ${dir} is not a directory; write the report elsewhere`);
    if (statSync(target, { throwIfNoEntry: false })?.isDirectory() === true) {
      throw new OperationError('E_INPUT', `${option} ${path} is a directory; give a file name such as ${resolve(target, 'report')}`);
    }
    try {
      return new ReportFile(new AtomicFile(target));
    } catch (error) {
      // AtomicFile's error names the path and the system's reason; the option says which report.
      throw onOption(error, option);
    }
  }

  /** Writes the whole report and puts it in place. */
  commit(text: string): void {
    this.file.write(Buffer.from(text));
    this.file.commit();
  }

  /** Leaves no trace when the diff fails. */
  abort(): void {
    this.file.abort();
  }
}
