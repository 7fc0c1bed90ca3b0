/** The action's inputs, read and validated in one place: a bad input names itself and the valid values. */
import * as core from '@actions/core';
import { IGNORE_PROFILES, type IgnoreProfile } from './compare/compare.js';
import { parseStripHash, type StripHash } from './compare/renames.js';
import { TRUSTED_EVENTS, type TrustedEvent } from './github/baseline.js';
import { parseReference } from './oci/reference.js';
import { OperationError } from './errors.js';
import type { VariationName } from './rebuild/variations.js';
import { parseVaryList } from './rebuild/vary-list.js';
import { parsePatternList } from './snapshot/globs.js';
import { parseMetadataCommand } from './snapshot/metadata/commands.js';
import { parseProbeList } from './snapshot/metadata/toolchains.js';
import { Inputs } from './constants.js';

export const MODES = ['auto', 'capture', 'compare', 'post', 'rebuild'] as const;
export const FAIL_ON = ['never', 'drift', 'unexplained'] as const;
export const COMMENT = ['auto', 'always', 'on-drift', 'never'] as const;
export const IF_NO_FILES_FOUND = ['warn', 'error', 'ignore'] as const;
export const UPLOAD = ['delta', 'full'] as const;
const BASELINE_KINDS = ['auto', 'artifact', 'cache', 'oci', 'none'] as const;

export type Mode = (typeof MODES)[number];
export type FailOn = (typeof FAIL_ON)[number];
export type CommentPolicy = (typeof COMMENT)[number];
export type IfNoFilesFound = (typeof IF_NO_FILES_FOUND)[number];
export type UploadKind = (typeof UPLOAD)[number];
export type BaselineSource = { kind: (typeof BASELINE_KINDS)[number] } | { kind: 'path'; path: string };

/** What `mode: rebuild` builds and varies. */
export interface RebuildInputs {
  /** A shell script (one line or several), run with `sh -e -c` in each build's copy of the workspace. */
  command: string;
  vary: VariationName[];
  bisect: boolean;
  /** Builds in all, the control and the varied build included. */
  maxBuilds: number;
}

export interface ActionInputs {
  patterns: string[];
  /** Capture paths with a segment starting with `.` (default false; `.git` never). */
  includeHiddenFiles: boolean;
  ifNoFilesFound: IfNoFilesFound;
  name: string;
  mode: Mode;
  baseline: BaselineSource;
  /** Branch whose runs hold baselines; '' means the PR's base branch, else the default branch. */
  baselineRef: string;
  /** Events whose runs may hold baselines (default: push). */
  baselineEvents: TrustedEvent[];
  /** Workflow file (or id) whose runs hold baselines; '' means the current workflow. */
  workflow: string;
  metadataCommands: { name: string; command: string }[];
  envAllowlist: string[];
  /** Toolchains to probe; null: the built-in list. */
  probes: string[] | null;
  ignore: IgnoreProfile[];
  exclude: string[];
  /** How one-sided files are paired across renames. */
  stripHash: StripHash;
  failOn: FailOn;
  failOnMissingBaseline: boolean;
  comment: CommentPolicy;
  maxAnnotations: number;
  /** null: the repository's default retention. */
  retentionDays: number | null;
  /** How a run with a baseline uploads its snapshot: a delta against the baseline, or whole. */
  upload: UploadKind;
  /** `oci://REGISTRY/REPOSITORY` for `baseline: oci` (no tag), else ''. */
  registry: string;
  htmlReport: boolean;
  token: string;
  /** `mode: rebuild` only; null in the other modes. */
  rebuild: RebuildInputs | null;
}

function invalid(input: string, got: string, valid: string): OperationError {
  return new OperationError('E_INPUT', `input '${input}' must be ${valid} (got ${JSON.stringify(got)})`);
}

function oneOf<T extends string>(input: string, values: readonly T[], fallback: T): T {
  const raw = core.getInput(input).trim();
  if (raw === '') return fallback;
  if (!(values as readonly string[]).includes(raw)) throw invalid(input, raw, `one of ${values.map((v) => `'${v}'`).join(', ')}`);
  return raw as T;
}

function bool(input: string, fallback: boolean): boolean {
  const raw = core.getInput(input).trim().toLowerCase();
  if (raw === '') return fallback;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw invalid(input, raw, "'true' or 'false'");
}

function count(input: string, fallback: number | null, min: number, max: number): number | null {
  const raw = core.getInput(input).trim();
  if (raw === '') return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) throw invalid(input, raw, `a whole number from ${min} to ${max}`);
  return n;
}

// GitHub renders at most 10 annotations per level per step and silently drops the rest, so a
// larger value would promise annotations nobody sees; the summary lists every change instead.
const MAX_ANNOTATIONS = 10;

function maxAnnotations(): number {
  const raw = core.getInput(Inputs.MaxAnnotations).trim();
  if (raw === '') return MAX_ANNOTATIONS;
  if (!/^\d+$/.test(raw) || Number(raw) > MAX_ANNOTATIONS) {
    throw invalid(Inputs.MaxAnnotations, raw, `a whole number from 0 to ${MAX_ANNOTATIONS}: GitHub shows at most ${MAX_ANNOTATIONS} annotations per level per step; every change is listed in the job summary`);
  }
  return Number(raw);
}

function list(input: string): string[] {
  return core
    .getInput(input)
    .split(/[\s,]+/)
    .filter((s) => s !== '');
}

function baselineEvents(): TrustedEvent[] {
  const events = list(Inputs.BaselineEvents);
  for (const e of events) {
    if (!(TRUSTED_EVENTS as readonly string[]).includes(e)) {
      const why = e === 'pull_request' || e === 'pull_request_target' || e === 'merge_group' ? ": those runs build a pull request's code, which must never become the baseline" : '';
      throw invalid(Inputs.BaselineEvents, e, `a comma-separated list of ${TRUSTED_EVENTS.join(', ')}${why}`);
    }
  }
  return events.length === 0 ? ['push'] : [...new Set(events as TrustedEvent[])];
}

function baselineSource(): BaselineSource {
  const raw = core.getInput(Inputs.Baseline).trim();
  if (raw.startsWith('path:')) {
    const path = raw.slice('path:'.length).trim();
    if (path === '') throw invalid(Inputs.Baseline, raw, "'path:' followed by a .vitsnap file, e.g. 'path:baseline/app.vitsnap'");
    return { kind: 'path', path };
  }
  return { kind: oneOf(Inputs.Baseline, BASELINE_KINDS, 'auto') };
}

export function getInputs(): ActionInputs {
  const mode = oneOf(Inputs.Mode, MODES, 'auto');
  const patterns = parsePatternList(core.getInput(Inputs.Path));
  // `post` only delivers a comment another run prepared: it captures nothing.
  if (patterns.length === 0 && mode !== 'post') {
    const what = mode === 'rebuild' ? "the build's outputs, relative to the workspace" : 'what to capture';
    throw new OperationError('E_INPUT', `input '${Inputs.Path}' needs at least one glob (${what}), one per line, e.g. 'dist/**'`);
  }
  const name = core.getInput(Inputs.Name).trim() || 'snapshot';
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(name)) throw invalid(Inputs.Name, name, '1–64 characters of A–Z a–z 0–9 . _ -');
  const metadataCommands = core
    .getMultilineInput(Inputs.MetadataCommands)
    .filter((line) => line.trim() !== '')
    .map(parseMetadataCommand);
  const ignore = list(Inputs.Ignore);
  for (const p of ignore) if (!(p in IGNORE_PROFILES)) throw invalid(Inputs.Ignore, p, `a comma-separated list of ${Object.keys(IGNORE_PROFILES).join(', ')}`);
  return {
    patterns,
    includeHiddenFiles: bool(Inputs.IncludeHiddenFiles, false),
    ifNoFilesFound: oneOf(Inputs.IfNoFilesFound, IF_NO_FILES_FOUND, 'warn'),
    name,
    mode,
    baseline: baselineSource(),
    baselineRef: core.getInput(Inputs.BaselineRef).trim(),
    baselineEvents: baselineEvents(),
    workflow: core.getInput(Inputs.Workflow).trim(),
    metadataCommands,
    envAllowlist: list(Inputs.EnvAllowlist),
    probes: parseProbeList(list(Inputs.Probes), `input '${Inputs.Probes}'`, 'E_INPUT'),
    ignore: ignore as IgnoreProfile[],
    exclude: parsePatternList(core.getInput(Inputs.Exclude)),
    stripHash: parseStripHash(core.getInput(Inputs.StripHash), `input '${Inputs.StripHash}'`, 'E_INPUT'),
    failOn: oneOf(Inputs.FailOn, FAIL_ON, 'never'),
    failOnMissingBaseline: bool(Inputs.FailOnMissingBaseline, false),
    comment: oneOf(Inputs.Comment, COMMENT, 'auto'),
    maxAnnotations: maxAnnotations(),
    // 0, like '': the repository's setting (upload-artifact reads it the same way).
    retentionDays: count(Inputs.RetentionDays, null, 0, 90) || null,
    upload: oneOf(Inputs.Upload, UPLOAD, 'delta'),
    htmlReport: bool(Inputs.HtmlReport, true),
    token: core.getInput(Inputs.Token).trim(),
    registry: registryInput(),
    rebuild: rebuildInputs(mode),
  };
}

const DEFAULT_MAX_BUILDS = 32;

function rebuildInputs(mode: Mode): RebuildInputs | null {
  const command = core.getInput(Inputs.BuildCommand).trim();
  if (mode !== 'rebuild') {
    // Silently ignoring it would leave a user believing the build was checked.
    if (command !== '') throw new OperationError('E_INPUT', `input '${Inputs.BuildCommand}' is used only by 'mode: rebuild' (mode is '${mode}'): set 'mode: rebuild', or remove it and build in an earlier step`);
    return null;
  }
  if (command === '') throw new OperationError('E_INPUT', `'mode: rebuild' needs input '${Inputs.BuildCommand}': the shell command that builds what 'path' names, e.g. 'make' or 'npm ci && npm run build'`);
  let vary: VariationName[];
  try {
    vary = parseVaryList([core.getInput(Inputs.Vary)], `input '${Inputs.Vary}'`);
  } catch (error) {
    throw new OperationError('E_INPUT', (error as Error).message);
  }
  return { command, vary, bisect: bool(Inputs.Bisect, false), maxBuilds: count(Inputs.MaxBuilds, DEFAULT_MAX_BUILDS, 2, 1000) ?? DEFAULT_MAX_BUILDS };
}

/** The `registry` input as `oci://host/repo`, checked by the reference grammar (repositories are lower case). */
function registryInput(): string {
  const raw = core.getInput(Inputs.Registry).trim();
  const baseline = core.getInput(Inputs.Baseline).trim();
  if (raw === '') {
    if (baseline === 'oci') throw new OperationError('E_INPUT', `'baseline: oci' needs input '${Inputs.Registry}', e.g. 'ghcr.io/\${{ github.repository }}-vitsnap'`);
    return '';
  }
  const bare = raw.replace(/^oci:\/\//, '').replace(/\/+$/, '');
  const slash = bare.indexOf('/');
  const text = slash < 0 ? bare : `${bare.slice(0, slash)}${bare.slice(slash).toLowerCase()}`;
  try {
    const ref = parseReference(`oci://${text}`, { allowMissingTag: true });
    if (ref.tag !== undefined || ref.digest !== undefined) throw new Error('a tag or digest');
  } catch {
    throw invalid(Inputs.Registry, raw, "a registry and repository without a tag, e.g. 'ghcr.io/owner/repo-vitsnap'");
  }
  return `oci://${text}`;
}
