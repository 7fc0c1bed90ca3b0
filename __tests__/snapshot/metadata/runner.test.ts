import { describe, it, expect, afterAll } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { arch, platform, release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeRunner, parseOsRelease } from '../../../src/snapshot/metadata/runner.js';

const tmp = mkdtempSync(join(tmpdir(), 'vitsnap-runner-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('describeRunner', () => {
  it('reports the OS, arch, kernel and the distribution the shell reads from os-release', () => {
    const info = describeRunner({});
    expect(info.os).toBe(platform());
    expect(info.arch).toBe(arch());
    expect(info.release).toBe(execFileSync('uname', ['-r']).toString().trim());
    expect(info.release).toBe(release());
    if (existsSync('/etc/os-release')) {
      // os-release is shell syntax: let the shell be the reference parser.
      const pretty = execFileSync('/bin/sh', ['-c', '. /etc/os-release && printf %s "$PRETTY_NAME"']).toString();
      expect(pretty).not.toBe('');
      expect(info.distro).toBe(pretty);
    }
    expect(info).not.toHaveProperty('image');
    expect(info).not.toHaveProperty('imageVersion');
  });

  it('records the GitHub runner image when set', () => {
    const info = describeRunner({ ImageOS: 'ubuntu24', ImageVersion: '20250601.1.0' });
    expect(info.image).toBe('ubuntu24');
    expect(info.imageVersion).toBe('20250601.1.0');
  });

  it('tolerates a missing os-release and falls back to the next file', () => {
    expect(describeRunner({}, [join(tmp, 'missing')])).not.toHaveProperty('distro');
    const second = join(tmp, 'os-release');
    writeFileSync(second, 'NAME=Test\nPRETTY_NAME="Test Linux 1 (\\"quoted\\")"\n');
    expect(describeRunner({}, [join(tmp, 'missing'), second]).distro).toBe('Test Linux 1 ("quoted")');
  });
});

describe('parseOsRelease', () => {
  it('reads quoted, single-quoted and bare values and skips comments', () => {
    const fields = parseOsRelease("# comment\nA=\"x y\"\nB='it is'\nC=bare\n\nnot a line\n");
    expect(fields).toEqual({ A: 'x y', B: 'it is', C: 'bare' });
  });
});
