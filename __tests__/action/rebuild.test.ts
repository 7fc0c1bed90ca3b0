/**
 * `mode: rebuild` end to end: the bundled action runs examples/workflows/reproducible.yml's inputs
 * on small C projects made here (a Makefile, git-tracked so the tracked files are the source),
 * against the loopback emulators that take the artifact upload. One project stamps __DATE__ into
 * its binary, one does not: the release gate fails the first with the cause named, and passes the
 * second. Three action runs in all; the builds are a gcc call each.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { VARIATION_NAMES } from '../../src/rebuild/variations.js';
import { addRepo, addRun, addToken, createWorld, startEmulator, type Artifact, type Emulator, type World } from '../github/emulators/index.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { actionBundle } from './bundle.js';
import { runAction, type ActionRun } from './harness.js';
import { EXAMPLES_DIR, exampleSteps } from './workflow-examples.js';

// Bisecting a dozen variations is about ten builds, each with its capture; a loaded machine is slow.
jest.setTimeout(300_000);

const REPO = 'octo/app';
const EXAMPLE = 'reproducible.yml';
// Modes pinned, so the umask variation leaves the outputs alone; relative paths and no -g, so the build path does too.
const MAKEFILE = 'out/app: main.c\n\tmkdir -p out\n\t$(CC) -O2 -o out/app main.c\n\tchmod 0755 out out/app\n';
const STAMPED = '#include <stdio.h>\nint main(void) { puts("built " __DATE__); return 0; }\n';
const PLAIN = '#include <stdio.h>\nint main(void) { puts("hello"); return 0; }\n';

let scratch: string;
let dist: string;
let world: World;
let emulator: Emulator;
let token: string;
let counter = 0;

/** A git work tree holding the project; an untracked file is left beside it, which the builds must not see. */
function project(name: string, mainC: string): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'Makefile'), MAKEFILE);
  writeFileSync(join(dir, 'main.c'), mainC);
  execFileSync('git', ['init', '-q', dir]);
  execFileSync('git', ['-C', dir, 'add', 'Makefile', 'main.c']);
  writeFileSync(join(dir, 'notes.txt'), 'untracked\n');
  return dir;
}

async function act(workspace: string, inputs: Record<string, string>): Promise<ActionRun & { runId: number }> {
  const run = addRun(world, { repo: REPO, workflow: EXAMPLE, event: 'push', headBranch: 'v1.0.0', ref: 'refs/tags/v1.0.0', headSha: 'a'.repeat(40), status: 'in_progress' });
  // The harness gives the action PATH and HOME only, so SOURCE_DATE_EPOCH never reaches the builds and __DATE__ follows the clock.
  const r = await runAction({ emulator, run, dist, workspace, scratch: join(scratch, `run-${++counter}`), runnerTemp: join(scratch, 'runner-temp'), inputs, event: { repository: { default_branch: 'main' } }, token, timeoutMs: 240_000 });
  return { ...r, runId: run.id };
}

function artifactFiles(artifact: Artifact): string[] {
  const blob = world.blobs.get(artifact.blobKey);
  if (blob === undefined) throw new Error(`no blob for artifact ${artifact.id}`);
  const zip = join(scratch, `artifact-${artifact.id}.zip`);
  writeFileSync(zip, blob.content ?? Buffer.concat([...blob.committedBlocks.values()]));
  return execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n').sort();
}

/** The summary's variations table: name → its status and what follows. */
function variationRows(summary: string): Map<string, { status: string; what: string }> {
  const rows = new Map<string, { status: string; what: string }>();
  for (const m of summary.matchAll(/^\| ([a-z-]+) \| (tested|not tested) \| (.*) \|$/gm)) rows.set(m[1] as string, { status: m[2] as string, what: m[3] as string });
  return rows;
}

const hasFaketime = spawnSync('faketime', ['-f', '+0', 'true']).status === 0;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'vitsnap-action-rebuild-'));
  dist = await actionBundle();
  world = createWorld();
  addRepo(world, { owner: 'octo', name: 'app', workflows: [EXAMPLE] });
  token = addToken(world).token;
  emulator = await startEmulator(world);
}, 900_000); // building the bundle alone took over 5 min on a loaded 2-core machine

afterAll(async () => {
  await emulator?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('mode: rebuild, as in examples/workflows/reproducible.yml', () => {
  const [inputs] = exampleSteps(EXAMPLE);

  it('fails the release when __DATE__ makes the builds differ, and names the variations that did it', async () => {
    expect(inputs).toMatchObject({ mode: 'rebuild', 'build-command': 'make', bisect: 'true', 'fail-on': 'drift' });
    const r = await act(project('stamped', STAMPED), inputs as Record<string, string>);

    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error::the build is not reproducible: the varied build's outputs differ from the control build's \(drift-explained: 1 modified, 0 added, 0 removed, 0 mode\/type\/link\) and fail-on is 'drift'$/m);
    // __DATE__ follows the clock (time) and the day the time zone puts it on (TZ=GMT+12 vs GMT-14 are always a day apart).
    const culprits = hasFaketime ? 'time,timezone' : 'timezone';
    expect(r.outputs).toMatchObject({ reproducible: 'false', drift: 'true', verdict: 'drift-explained', culprits, 'changed-count': '1', 'added-count': '0', 'removed-count': '0' });

    const builds = /\*\*caused by:\*\* (.*) \((\d+) builds\)$/m.exec(r.summary);
    expect(builds?.[1]).toBe(culprits.replace(',', ', '));
    expect(Number(builds?.[2])).toBeGreaterThan(2);
    const rows = variationRows(r.summary);
    expect([...rows.keys()]).toEqual([...VARIATION_NAMES]);
    // The build command is `sh`: the row says that static or Go programs it starts are out of faketime's reach.
    if (hasFaketime) {
      expect(rows.get('time')).toEqual({
        status: 'tested',
        what: 'the real clock → faketime +3 years (NO_FAKE_STAT=1: file times stay real)<br>note: faketime reaches dynamically linked programs only: a static or Go program the build starts keeps the real clock',
      });
    }
    else expect(rows.get('time')).toMatchObject({ status: 'not tested', what: expect.stringContaining('faketime is not on PATH') });
    expect(rows.get('timezone')).toEqual({ status: 'tested', what: 'TZ=GMT+12 → TZ=GMT-14' });
    expect(r.summary).toMatch(/^Control build vs varied build of <code>make<\/code> \(varied: build-path, time/m);
    expect(r.summary).toContain('### vitsnap: <code>control build</code> → <code>varied build</code>');
    expect(r.summary).toContain('<code>out/app</code>');
    expect(r.annotations.some((a) => a.properties.file === 'out/app')).toBe(true);

    // Both snapshots and every build's log went up; the untracked file never reached a build.
    const artifact = world.artifacts.find((a) => a.runId === r.runId && a.name === 'vitsnap-snapshot-rebuild' && a.finalized) as Artifact;
    expect(r.outputs['artifact-id']).toBe(String(artifact.id));
    const files = artifactFiles(artifact);
    expect(files).toEqual(expect.arrayContaining(['control.log', 'control.vitsnap', 'varied.log', 'varied.vitsnap', 'bisect-1.log']));
    expect(basename(r.outputs['snapshot-path'] as string)).toBe('varied.vitsnap');
    const json = JSON.parse(readFileSync(join(r.outputs['report-path'] as string, 'rebuild.json'), 'utf8')) as { schema: string; reproducible: boolean; command: string[] };
    expect(json).toMatchObject({ schema: 'vitsnap-rebuild/1', reproducible: false, command: ['sh', '-e', '-c', 'make'] });
  });

  it('passes a reproducible build, listing every variation as tested or not tested with the reason', async () => {
    const r = await act(project('plain', PLAIN), inputs as Record<string, string>);
    expect(r.stdout).not.toContain('::error::');
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ reproducible: 'true', drift: 'false', verdict: 'identical', culprits: '' });
    const rows = variationRows(r.summary);
    expect([...rows.keys()]).toEqual([...VARIATION_NAMES]);
    for (const [name, row] of rows) expect([name, row.what]).toEqual([name, expect.stringMatching(row.status === 'tested' ? / → / : /\S/)]);
    expect(rows.get('umask')).toEqual({ status: 'tested', what: 'umask 0022 → umask 0002' });
    expect(r.summary).toContain('**Identical**');
    expect(r.summary).not.toContain('caused by');
  });

  it("fails with E_INPUT before building when 'build-command' is missing", async () => {
    const r = await act(project('plain', PLAIN), { ...(inputs as Record<string, string>), 'build-command': '' });
    expect(r.code).toBe(1);
    expect(r.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([expect.stringMatching(/^E_INPUT: 'mode: rebuild' needs input 'build-command'/)]);
    expect(existsSync(join(r.runnerTemp, 'vitsnap-snapshot-rebuild'))).toBe(false);
  });

  it('the README shows the example workflow exactly', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`\`\`\`yaml\n${readFileSync(join(EXAMPLES_DIR, EXAMPLE), 'utf8')}\`\`\``);
  });
});
