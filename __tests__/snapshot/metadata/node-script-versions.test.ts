import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runFile } from '../../../src/snapshot/metadata/commands.js';
import { probeToolchains, type ToolRunner } from '../../../src/snapshot/metadata/toolchains.js';
import { REPO_ROOT } from '../../helpers/cli.js';

let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'vitsnap-nodever-'));
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** The real runner, with a record of every file it was asked to run. */
function countingRunner(): { runner: ToolRunner; ran: string[] } {
  const ran: string[] = [];
  const runner: ToolRunner = (file, args, options) => {
    ran.push(file);
    return runFile(file, args, options);
  };
  return { runner, ran };
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function writeFile(file: string, text: string, mode: number): void {
  writeFileSync(file, text);
  chmodSync(file, mode);
}

describe('Node-script tools read from their package.json', () => {
  it('records npm as `npm --version` prints it, without running npm', async () => {
    const shell = spawnSync('/bin/sh', ['-c', 'command -v npm'], { encoding: 'utf8' });
    expect(shell.status).toBe(0);
    const npm = shell.stdout.trim();
    const printed = execFileSync(npm, ['--version'], { encoding: 'utf8' }).trim();
    const { runner, ran } = countingRunner();
    const [probe] = await probeToolchains({ names: ['npm'], env: process.env, runner });
    expect(probe).toEqual({
      name: 'npm',
      command: 'npm --version',
      found: true,
      path: npm,
      realpath: realpathSync(npm),
      sha256: sha256(realpathSync(npm)),
      version: printed,
    });
    expect(ran).toEqual([]);
  });

  it("records tsc as `tsc --version` prints it (`Version x.y.z`), from this repo's typescript, without running it", async () => {
    const bin = mkdtempSync(join(tmp, 'tsc-bin-'));
    const script = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    symlinkSync(script, join(bin, 'tsc'));
    const env = { PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`, HOME: tmp };
    const printed = execFileSync(join(bin, 'tsc'), ['--version'], { encoding: 'utf8', env }).trim();
    expect(printed).toMatch(/^Version \d+\.\d+\.\d+/);
    const { runner, ran } = countingRunner();
    const [probe] = await probeToolchains({ names: ['tsc'], env, runner, cwd: tmp });
    expect(probe.path).toBe(join(bin, 'tsc'));
    expect(probe.realpath).toBe(realpathSync(script));
    expect(probe.version).toBe(printed);
    expect(ran).toEqual([]);
  });
});

describe('Node-script tools that are run as before', () => {
  /**
   * A package that would qualify (name `tool`, version 1.2.3, a node script declared as its bin)
   * but for what each case breaks. When run, the script prints something else, so the record
   * says which way it was made.
   */
  function fixture(tool: string, packageJson: string | null, scriptPath = 'bin/cli.js'): { env: NodeJS.ProcessEnv; cwd: string } {
    const dir = mkdtempSync(join(tmp, `${tool}-`));
    const pkg = join(dir, 'lib', 'node_modules', tool);
    mkdirSync(join(pkg, 'bin'), { recursive: true, mode: 0o755 });
    if (packageJson !== null) writeFile(join(pkg, 'package.json'), packageJson, 0o644);
    writeFile(join(pkg, scriptPath), "#!/usr/bin/env node\nconsole.log('ran 9.9.9');\n", 0o755);
    const bin = join(dir, 'bin');
    mkdirSync(bin, { mode: 0o755 });
    symlinkSync(join(pkg, scriptPath), join(bin, tool));
    const cwd = join(dir, 'project');
    mkdirSync(cwd, { mode: 0o755 });
    const home = join(dir, 'home');
    mkdirSync(home, { mode: 0o755 });
    return { env: { PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`, HOME: home }, cwd };
  }

  const manifest = (name: string, bin: unknown = { npm: 'bin/cli.js', pnpm: 'bin/cli.js', yarn: 'bin/cli.js' }): string => JSON.stringify({ name, version: '1.2.3', bin });

  it.each([
    { what: 'the package is the expected one (control)', tool: 'npm', pkg: manifest('npm'), version: '1.2.3', runs: 0 },
    { what: 'the package has another name', tool: 'npm', pkg: manifest('not-npm'), version: 'ran 9.9.9', runs: 1 },
    { what: 'there is no package.json', tool: 'npm', pkg: null, version: 'ran 9.9.9', runs: 1 },
    { what: 'package.json is not an object', tool: 'npm', pkg: '["npm", "1.2.3"]', version: 'ran 9.9.9', runs: 1 },
    { what: 'the version is not a version', tool: 'npm', pkg: JSON.stringify({ name: 'npm', version: 'latest', bin: { npm: 'bin/cli.js' } }), version: 'ran 9.9.9', runs: 1 },
    { what: 'the package does not declare the script as the tool', tool: 'npm', pkg: manifest('npm', { npx: 'bin/cli.js' }), version: 'ran 9.9.9', runs: 1 },
  ])('$tool: $what', async ({ tool, pkg, version, runs }) => {
    const { env, cwd } = fixture(tool, pkg);
    const { runner, ran } = countingRunner();
    const [probe] = await probeToolchains({ names: [tool], env, cwd, runner });
    expect(probe.version).toBe(version);
    expect(ran).toHaveLength(runs);
  });

  it.each([
    { tool: 'pnpm', setting: 'package.json', text: JSON.stringify({ name: 'app', packageManager: 'pnpm@8.15.0' }) },
    { tool: 'yarn', setting: 'package.json', text: JSON.stringify({ name: 'app', packageManager: 'yarn@4.1.0' }) },
    { tool: 'yarn', setting: '.yarnrc', text: 'yarn-path ".yarn/releases/yarn-1.0.0.cjs"\n' },
    { tool: 'yarn', setting: '.yarnrc.yml', text: 'yarnPath: .yarn/releases/yarn-4.1.0.cjs\n' },
  ])('$tool runs when a project $setting may choose another version', async ({ tool, setting, text }) => {
    const { env, cwd } = fixture(tool, manifest(tool));
    const { runner: quiet, ran: none } = countingRunner();
    expect((await probeToolchains({ names: [tool], env, cwd, runner: quiet }))[0]?.version).toBe('1.2.3');
    expect(none).toEqual([]);

    writeFile(join(cwd, '..', setting), text, 0o644);
    const sub = join(cwd, 'sub');
    mkdirSync(sub, { mode: 0o755 });
    const { runner, ran } = countingRunner();
    const [probe] = await probeToolchains({ names: [tool], env, cwd: sub, runner });
    expect(probe.version).toBe('ran 9.9.9');
    expect(ran).toHaveLength(1);
  });
});
