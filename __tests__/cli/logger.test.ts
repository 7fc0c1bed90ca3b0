/**
 * The logger's status line for work of unknown size (a directory diff), and the line `diff` shows:
 * drawn on a TTY only, never under --quiet, and cleared before results are printed.
 */
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { progressLine } from '../../src/commands/diff-run.js';
import { colourEnabled, createLogger } from '../../src/commands/logger.js';

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

describe('progress bar', () => {
  it('counts bytes by default and other things by name', () => {
    const stderr = captureStderr();
    restore = stderr.restore;
    const log = createLogger({ quiet: false, stderrIsTTY: true });
    log.progress('capturing', 2048, 2048);
    log.progress('verifying', 40, 40, 'block');
    log.progress('verifying', 1, 1, 'block');
    expect(stderr.written[0]).toMatch(/^\r\x1b\[2Kcapturing █+ 100% 2\.00 KiB \/ 2\.00 KiB$/);
    expect(stderr.written[1]).toMatch(/^\r\x1b\[2Kverifying █+ 100% 40 \/ 40 blocks$/);
    expect(stderr.written[2]).toMatch(/ 1 \/ 1 block$/);
  });
});

describe('warnings and notes', () => {
  it('show control characters in what they print as escapes, keeping line breaks', () => {
    const stderr = captureStderr();
    restore = stderr.restore;
    const log = createLogger({ quiet: false, stderrIsTTY: false });
    log.warn('skipped a\x1b[2J: a FIFO');
    log.note('one\ntwo\u202e');
    expect(stderr.written).toEqual(['warning: skipped a\\x1b[2J: a FIFO\n', 'one\ntwo\\u202e\n']);
  });

  it('colour the warning label only when stderr takes colour', () => {
    const stderr = captureStderr();
    restore = stderr.restore;
    createLogger({ quiet: true, stderrIsTTY: false, env: { FORCE_COLOR: '1' } }).warn('w');
    createLogger({ quiet: true, stderrIsTTY: true, env: { NO_COLOR: '1' } }).warn('w');
    expect(stderr.written).toEqual(['\x1b[33mwarning:\x1b[0m w\n', 'warning: w\n']);
  });
});

describe('colour', () => {
  it.each([
    [true, {}, true],
    [false, {}, false],
    [true, { NO_COLOR: '1' }, false],
    [true, { NO_COLOR: '' }, true],
    [true, { TERM: 'dumb' }, false],
    [false, { FORCE_COLOR: '1' }, true],
    [false, { FORCE_COLOR: '' }, true],
    [true, { FORCE_COLOR: '0' }, false],
    [true, { FORCE_COLOR: 'false' }, false],
    [false, { FORCE_COLOR: '3', NO_COLOR: '1' }, true],
  ] as const)('TTY %s with %j → %s', (isTTY, env, expected) => {
    expect(colourEnabled(isTTY, env)).toBe(expected);
  });

  it('is offered to results through the logger, for stdout', () => {
    expect(createLogger({ quiet: false, stderrIsTTY: false, stdoutIsTTY: true, env: {} }).colour).toBe(true);
    expect(createLogger({ quiet: false, stderrIsTTY: false, stdoutIsTTY: true, env: { NO_COLOR: 'x' } }).colour).toBe(false);
    expect(createLogger({ quiet: false, stderrIsTTY: false, stdoutIsTTY: false, env: { FORCE_COLOR: '1' } }).colour).toBe(true);
  });
});
