/**
 * The action as the runner runs it: INPUT_* variables (hyphens kept), action.yml defaults applied,
 * GITHUB_OUTPUT as a file. Today the action captures a snapshot and outputs its path.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { SnapshotReader } from '../../src/snapshot/reader.js';
import { REPO_ROOT, TS_HOOKS } from '../helpers/cli.js';
import { actionDefaults, parseOutputs } from './harness.js';

const execFileAsync = promisify(execFile);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vitsnap-action-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

async function runAction(inputs: Record<string, string>, workspace: string): Promise<{ code: number; stdout: string; outputs: Record<string, string> }> {
  const outputFile = join(dir, `output-${Math.random().toString(36).slice(2)}`);
  await writeFile(outputFile, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...actionDefaults(),
    ...inputs,
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'octo/app',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_OUTPUT: outputFile,
    RUNNER_TEMP: dir,
  };
  const args = ['--disable-warning=ExperimentalWarning', '--import', TS_HOOKS, resolve(REPO_ROOT, 'src/index.ts')];
  try {
    const { stdout } = await execFileAsync(process.execPath, args, { env, timeout: 60_000 });
    return { code: 0, stdout, outputs: parseOutputs(await readFile(outputFile, 'utf8')) };
  } catch (error) {
    const e = error as { code?: number; stdout?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', outputs: parseOutputs(await readFile(outputFile, 'utf8')) };
  }
}

describe('the action (capture)', () => {
  it('captures the globs given in `path` and outputs the snapshot path', async () => {
    const ws = join(dir, 'ws');
    await mkdir(join(ws, 'dist'), { recursive: true });
    await writeFile(join(ws, 'dist/app.js'), 'console.log(1)\n');
    await writeFile(join(ws, 'dist/app.js.map'), '{}');
    await writeFile(join(ws, 'README.md'), 'not captured');
    const r = await runAction({ 'INPUT_PATH': 'dist/**\n!**/*.map', 'INPUT_METADATA-COMMANDS': 'hello=echo hi', 'INPUT_PROBES': 'sh, absent-tool-xyz' }, ws);
    expect(r.code).toBe(0);
    expect(r.outputs['snapshot-path']).toBe(join(dir, 'vitsnap-snapshot.vitsnap'));
    // No artifact service here: the upload fails, the step does not, and the log says where the snapshot is.
    expect(r.stdout).toContain(`::warning::could not upload the snapshot artifact`);
    expect(r.stdout).toContain(`the snapshot is still at ${join(dir, 'vitsnap-snapshot.vitsnap')}`);
    expect(r.outputs['artifact-id']).toBe('');
    const reader = SnapshotReader.open(r.outputs['snapshot-path'] as string);
    try {
      expect(reader.manifest.entries.map((e) => e.path)).toEqual(['dist', 'dist/app.js']);
      expect(reader.summary.metadata?.commands).toEqual([{ name: 'hello', command: 'echo hi', exitCode: 0, stdout: 'hi' }]);
      // Only the tools the `probes` input names.
      expect(reader.summary.metadata?.toolchains.map((t) => [t.name, t.found])).toEqual([['absent-tool-xyz', false], ['sh', true]]);
    } finally {
      reader.close();
    }
  });

  it('fails the step with the input name when `name` is invalid', async () => {
    const r = await runAction({ INPUT_PATH: 'x', INPUT_NAME: 'bad name!' }, dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error::E_INPUT: input 'name' must be/m);
  });

  it('fails with a clear error when nothing matches and if-no-files-found is error (default: a warning)', async () => {
    const r = await runAction({ INPUT_PATH: 'nothing/**', 'INPUT_IF-NO-FILES-FOUND': 'error' }, dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::E_NOT_FOUND: no files match input 'path' \(nothing\/\*\*\) under /);
    const warned = await runAction({ INPUT_PATH: 'nothing/**' }, dir);
    expect(warned.code).toBe(0);
    expect(warned.stdout).toMatch(/^::warning::no files match input 'path' \(nothing\/\*\*\)/m);
  });
});
