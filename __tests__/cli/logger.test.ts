/**
 * The logger's status line for work of unknown size (a directory diff), and the line `diff` shows:
 * drawn on a TTY only, never under --quiet, and cleared before results are printed.
 */
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { progressLine } from '../../src/commands/diff-run.js';
import { createLogger } from '../../src/commands/logger.js';

function captureStderr(): { written: string[]; restore: () => void } {
  const written: string[] = [];
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  return { written, restore: () => spy.mockRestore() };
}

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

describe('status line', () => {
  it('draws on a TTY and is cleared by done()', () => {
    const stderr = captureStderr();
    restore = stderr.restore;
    const log = createLogger({ quiet: false, stderrIsTTY: true });
    log.status('comparing: 3 changed, 1 explained');
    log.done();
    expect(stderr.written).toEqual(['\r\x1b[2Kcomparing: 3 changed, 1 explained', '\r\x1b[2K']);
  });

  it('stays silent when stderr is not a TTY or under --quiet', () => {
    const stderr = captureStderr();
    restore = stderr.restore;
    createLogger({ quiet: false, stderrIsTTY: false }).status('x');
    createLogger({ quiet: true, stderrIsTTY: true }).status('x');
    expect(stderr.written).toEqual([]);
  });

  it('says how far a diff has got, with checked bytes only for directory sides', () => {
    expect(progressLine({ filesChecked: 19960, bytesRead: 1976 * 1024 * 1024, filesChanged: 200, filesExplained: 57 })).toBe(
      'comparing: 19,960 files checked (1.93 GiB read), 200 changed, 57 explained',
    );
    expect(progressLine({ filesChecked: 0, bytesRead: 0, filesChanged: 200, filesExplained: 3 })).toBe('comparing: 200 changed, 3 explained');
  });
});
