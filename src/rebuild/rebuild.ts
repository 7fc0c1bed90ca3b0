/**
 * `vitsnap rebuild`'s pipeline, shared by the CLI and (later) the action: copy the sources, build
 * once as the control and once with the variations on, capture each build's outputs into a
 * snapshot, compare them, and optionally bisect which variations made the difference.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { createCauseClassifier } from '../compare/causes.js';
import { compareSources, type CompareResult, type IgnoreProfile } from '../compare/compare.js';
import { DEFAULT_COMPARATORS } from '../compare/comparators/index.js';
import { openSides } from '../compare/sources.js';
import { OperationError } from '../errors.js';
import { onInterrupt } from '../interrupt.js';
import { captureSnapshot } from '../snapshot/capture.js';
import { bisectVariations, type BisectOutcome } from './bisect.js';
import { planBuild } from './build-env.js';
import { mountDisorder, type DisorderMount } from './disorder.js';
import { findExecutable } from './probe.js';
import { runBuild } from './run-build.js';
import { copySourceTree, readSourceTree, type SourceTree } from './source-copy.js';
import { CLI_WORDING, type RebuildWording } from './wording.js';
import { checkVariations, VARIATION_NAMES, type Availability, type Variation, type VariationName } from './variations.js';

export interface RebuildOptions {
  /** The build command's argv, run in the build directory (no shell: pass `sh -c '…'` for one). */
  command: readonly string[];
  /** Globs of the outputs, relative to the build directory; empty: every file there. */
  outputs: readonly string[];
  /** The source tree: the git work tree's tracked files, or (plainSource) everything under it. */
  sourceDir: string;
  plainSource: boolean;
  /** The variations to apply; the others are reported as not selected. */
  vary: readonly VariationName[];
  bisect: boolean;
  /** Upper bound on all builds of the run, the first two included. */
  maxBuilds: number;
  timeoutSeconds: number;
  /** Where to keep the two snapshots and the build logs; null: nowhere (they are removed). */
  keepDir: string | null;
  /** The environment the builds inherit (variations change only what they set). */
  env: NodeJS.ProcessEnv;
  /** Differences to accept, as `vitsnap diff --ignore`. */
  ignore?: readonly IgnoreProfile[];
  /** Where the run's work directory goes (default: the system's temp directory). */
  tmpDir?: string;
  /** How messages name the options (default: the CLI's). */
  wording?: RebuildWording;
  /** One line per step, for the CLI's progress notes. */
  onProgress?: (line: string) => void;
}

export interface VariationRecord {
  name: VariationName;
  status: 'tested' | 'skipped';
  /** What the control and the varied build got (tested only). */
  control: string | null;
  varied: string | null;
  /** Why it was not tested (skipped only). */
  reason: string | null;
  note: string | null;
}

export interface RebuildResult {
  /** Control and varied build gave identical outputs (modulo `ignore`). */
  reproducible: boolean;
  command: string[];
  outputs: string[];
  /** Every variation of the catalogue, in its order: tested, or skipped with the reason. */
  variations: VariationRecord[];
  /** Control (before) vs varied (after). */
  compare: CompareResult;
  /** Null unless asked for and the builds differed. */
  bisect: BisectOutcome<VariationName> | null;
  /** Builds run in all. */
  builds: number;
  /** The snapshots and logs in `keepDir`; null when not kept. */
  kept: { control: string; varied: string; controlLog: string; variedLog: string } | null;
}

interface Run {
  options: RebuildOptions;
  tree: SourceTree;
  workDir: string;
  /** Where snapshots and logs that may be kept go: the keep directory, else the work directory. */
  out: string;
  active: Variation[];
}

function recordsFor(selected: ReadonlySet<VariationName>, checks: ReadonlyMap<VariationName, Availability>): VariationRecord[] {
  return VARIATION_NAMES.map((name) => {
    const check = checks.get(name);
    if (!selected.has(name) || check === undefined) return { name, status: 'skipped', control: null, varied: null, reason: 'not selected (--vary)', note: null };
    if (!check.available) return { name, status: 'skipped', control: null, varied: null, reason: check.reason, note: null };
    const v = check.variation;
    return { name, status: 'tested', control: v.control.describe, varied: v.varied.describe, reason: null, note: v.note ?? null };
  });
}

/** Builds once with `on` varied, captures the outputs into `snapshot`; the build directory is gone afterwards. */
async function buildAndCapture(run: Run, on: ReadonlySet<VariationName>, label: string, snapshot: string, logFile: string): Promise<void> {
  const { options, workDir } = run;
  const plan = planBuild(run.active, on, options.env, options.command);
  const buildDir = join(workDir, plan.dirName);
  const backing = join(workDir, 'disorder-backing');
  options.onProgress?.(`${label}: in ${buildDir}`);
  let mount: DisorderMount | null = null;
  try {
    copySourceTree(run.tree, plan.disorder ? backing : buildDir, [workDir, ...(options.keepDir === null ? [] : [options.keepDir])]);
    if (plan.disorder) mount = await mountDisorder(backing, buildDir, options.env);
    try {
      await runBuild({ label, argv: plan.argv, cwd: buildDir, env: plan.env, logFile, logKept: options.keepDir !== null, timeoutMs: options.timeoutSeconds * 1000, wording: options.wording ?? CLI_WORDING });
    } catch (error) {
      // The build's failure is the news; a view that will not unmount after it is secondary.
      try {
        mount?.release();
      } catch {
        // Lazy unmount failed too: rare, and the build's error is what to report.
      }
      throw error;
    }
    mount?.release();
    await capture(plan.disorder ? backing : buildDir, options.outputs, snapshot, label, options.wording ?? CLI_WORDING);
  } finally {
    rmSync(buildDir, { recursive: true, force: true });
    rmSync(backing, { recursive: true, force: true });
  }
}

async function capture(root: string, outputs: readonly string[], output: string, label: string, wording: RebuildWording): Promise<void> {
  try {
    await captureSnapshot({ root, patterns: [...outputs], output, metadata: null });
  } catch (error) {
    const e = error as { name?: unknown; code?: unknown };
    if (e.name === 'OperationError' && e.code === 'E_NOT_FOUND' && /^no files under/.test((error as Error).message)) {
      const what = outputs.length === 0 ? 'no files at all' : `nothing matched ${wording.outputs} ${outputs.join(' ')}`;
      throw new OperationError('E_NOT_FOUND', `after the ${label}, ${what}; the globs are relative to the build directory (the copy of the source tree)`);
    }
    throw error;
  }
}

async function compareSnapshots(before: string, after: string, ignore: readonly IgnoreProfile[]): Promise<CompareResult> {
  // Relative labels: reports name control.vitsnap and varied.vitsnap, not a temporary path.
  const sides = await openSides(basename(before), relative(dirname(before), after), { cwd: dirname(before) });
  try {
    const result = await compareSources(sides, { comparators: DEFAULT_COMPARATORS, ...createCauseClassifier(), ignore, exclude: [] });
    // Both snapshots were written by this run a moment ago: "run vitsnap verify" on unread blocks is no advice here.
    const unread = result.verification?.note;
    if (unread !== undefined && result.notes !== undefined) result.notes = result.notes.filter((n) => n !== unread);
    return result;
  } finally {
    await sides.close();
  }
}

export async function runRebuild(options: RebuildOptions): Promise<RebuildResult> {
  const [program] = options.command;
  if (program === undefined) throw new OperationError('E_USAGE', "no build command: give it after '--', e.g. vitsnap rebuild -- make");
  if (options.maxBuilds < 2) throw new OperationError('E_USAGE', `${(options.wording ?? CLI_WORDING).maxBuilds} must allow the control and the varied build (at least 2, got ${options.maxBuilds})`);
  const executable = findExecutable(program, options.env, options.sourceDir);
  if (executable === null) {
    const where = program.includes('/') ? `is not an executable file (looked in ${options.sourceDir}, the tree that is copied)` : 'is not on PATH';
    throw new OperationError('E_USAGE', `build command ${JSON.stringify(program)} ${where}; check the command after '--'`);
  }
  const tree = await readSourceTree(options.sourceDir, options.plainSource, options.env, options.wording ?? CLI_WORDING);
  const workDir = mkdtempSync(join(options.tmpDir ?? tmpdir(), 'vitsnap-rebuild-'));
  const forget = onInterrupt(() => rmSync(workDir, { recursive: true, force: true }));
  try {
    const selected = new Set(options.vary);
    const checks = await checkVariations([...selected], { env: options.env, workDir, executable });
    const variations = recordsFor(selected, checks);
    const active = [...checks.values()].flatMap((c) => (c.available ? [c.variation] : []));
    active.sort((a, b) => VARIATION_NAMES.indexOf(a.name) - VARIATION_NAMES.indexOf(b.name));
    const keep = options.keepDir;
    if (keep !== null) mkdirSync(keep, { recursive: true });
    const out = keep ?? workDir;
    const run: Run = { options, tree, workDir, out, active };

    const files = { control: join(out, 'control.vitsnap'), varied: join(out, 'varied.vitsnap'), controlLog: join(out, 'control.log'), variedLog: join(out, 'varied.log') };
    const all = new Set(active.map((v) => v.name));
    await buildAndCapture(run, new Set(), 'control build', files.control, files.controlLog);
    await buildAndCapture(run, all, 'varied build', files.varied, files.variedLog);
    let builds = 2;
    options.onProgress?.('comparing the control and the varied build');
    const ignore = options.ignore ?? [];
    const compare = await compareSnapshots(files.control, files.varied, ignore);
    const reproducible = compare.verdict === 'identical';

    let bisect: BisectOutcome<VariationName> | null = null;
    if (!reproducible && options.bisect) {
      bisect = await bisectRun(run, [...all], files.control, ignore);
      builds += bisect.builds;
    }
    return { reproducible, command: [...options.command], outputs: [...options.outputs], variations, compare, bisect, builds, kept: keep === null ? null : files };
  } finally {
    forget();
    rmSync(workDir, { recursive: true, force: true });
  }
}

async function bisectRun(run: Run, names: VariationName[], controlSnapshot: string, ignore: readonly IgnoreProfile[]): Promise<BisectOutcome<VariationName>> {
  if (names.length === 0) {
    // Nothing was varied and still the outputs differ: no build can narrow that down.
    return { culprits: [], combined: [], unresolved: [], nondeterministic: true, builds: 0, exhausted: false };
  }
  let n = 0;
  const differs = async (on: readonly VariationName[]): Promise<boolean> => {
    n++;
    const snapshot = join(run.workDir, `bisect-${n}.vitsnap`);
    const label = `bisect build ${n} (varying ${on.length === 0 ? 'nothing' : on.join(', ')})`;
    try {
      await buildAndCapture(run, new Set(on), label, snapshot, join(run.out, `bisect-${n}.log`));
      const result = await compareSnapshots(controlSnapshot, snapshot, ignore);
      run.options.onProgress?.(`${label}: ${result.verdict === 'identical' ? 'same as the control' : 'differs'}`);
      return result.verdict !== 'identical';
    } finally {
      rmSync(snapshot, { force: true });
    }
  };
  return bisectVariations(names, differs, run.options.maxBuilds - 2);
}
