/** The action's `path` input resolved like upload-artifact's: relative, absolute in the workspace or runner temp, Windows separators. */
import { describe, expect, it } from '@jest/globals';
import { planCapture } from '../../src/github/capture-paths.js';

const LINUX = { workspace: '/home/runner/work/app/app', runnerTemp: '/home/runner/work/_temp', platform: 'linux' as const };
const WINDOWS = { workspace: 'D:\\a\\app\\app', runnerTemp: 'D:\\a\\_temp', platform: 'win32' as const };

describe('planCapture', () => {
  it('keeps relative globs relative to the workspace', () => {
    expect(planCapture(['dist/**', '!**/*.map', './out'], LINUX)).toEqual({ root: LINUX.workspace, patterns: ['dist/**', '!**/*.map', 'out'] });
  });

  it('turns absolute paths inside the workspace into relative ones', () => {
    expect(planCapture(['/home/runner/work/app/app/build/**', '!/home/runner/work/app/app/build/tmp'], LINUX).patterns).toEqual(['build/**', '!build/tmp']);
  });

  it('captures from the runner temp directory when every positive path is there', () => {
    expect(planCapture(['/home/runner/work/_temp/out', '!/home/runner/work/_temp/out/*.log'], LINUX)).toEqual({
      root: LINUX.runnerTemp,
      patterns: ['out', '!out/*.log'],
    });
  });

  it('refuses paths elsewhere, and a mix of workspace and temp, saying what to do', () => {
    expect(() => planCapture(['/etc/passwd'], LINUX)).toThrow(/outside the workspace .* and the runner's temp directory/);
    expect(() => planCapture(['dist/**', '/home/runner/work/_temp/out'], LINUX)).toThrow(/mixes files in the workspace with files in the runner's temp directory/);
  });

  it('reads \\ as a separator on Windows, drive letters in any case', () => {
    expect(planCapture(['build\\bin\\**'], WINDOWS).patterns).toEqual(['build/bin/**']);
    expect(planCapture(['d:\\a\\app\\app\\build\\**'], WINDOWS)).toEqual({ root: WINDOWS.workspace, patterns: ['build/**'] });
    expect(planCapture(['D:\\a\\_temp\\out'], WINDOWS)).toEqual({ root: WINDOWS.runnerTemp, patterns: ['out'] });
  });

  it('keeps \\ an escape on Linux', () => {
    expect(planCapture(['a\\*b'], LINUX).patterns).toEqual(['a\\*b']);
  });
});
