/**
 * Versions read instead of run: npm, pnpm, yarn (classic) and tsc are Node scripts whose
 * `--version` prints their own package's version, so that package's package.json says what they
 * would print without a Node start (~0.3 s of CPU each). Whenever anything is not exactly as
 * expected the answer is null and the probe runs the tool as before.
 */
import { closeSync, openSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { isExecutableFile } from './executable-file.js';

interface NodeScriptTool {
  /** `name` in the package.json of the package the executable belongs to. */
  packageName: string;
  /** What `<tool> --version` prints for package version `version`. */
  print: (version: string) => string;
  /** Files a project or user may use to make the tool run another version of itself (yarn-path, packageManager). */
  switchesVersion?: (context: NodeScriptContext) => boolean;
}

export interface NodeScriptContext {
  env: NodeJS.ProcessEnv;
  /** Directory the tool would run in. */
  cwd: string;
  /** Whether `command` resolves on the PATH the tool would run with (for `#!/usr/bin/env node`). */
  isOnPath: (command: string) => boolean;
}

const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
/** How far above the executable its package.json may be (`bin/npm-cli.js`, `dist/bin/x.js`). */
const PACKAGE_DEPTH = 3;

/**
 * pnpm switches to the version a project's `packageManager` (or `devEngines`) names; yarn classic
 * also hands over to a `yarn-path` from any of its rc files, and reads YARN_* settings.
 */
const NODE_SCRIPT_TOOLS: ReadonlyMap<string, NodeScriptTool> = new Map([
  ['npm', { packageName: 'npm', print: (v: string) => v }],
  ['pnpm', { packageName: 'pnpm', print: (v: string) => v, switchesVersion: projectPinsPackageManager }],
  ['yarn', { packageName: 'yarn', print: (v: string) => v, switchesVersion: (c: NodeScriptContext) => projectPinsPackageManager(c) || yarnConfigured(c) }],
  ['tsc', { packageName: 'typescript', print: (v: string) => `Version ${v}` }],
]);

/**
 * The text `<name> --version` would print, read from the package the executable `real` (a
 * realpath) belongs to; null when that is not certain.
 */
export function readNodeScriptVersion(name: string, real: string, context: NodeScriptContext): string | null {
  const tool = NODE_SCRIPT_TOOLS.get(name);
  if (tool === undefined || !runsUnderNode(real, context)) return null;
  const pkg = owningPackage(real);
  if (pkg === null || pkg.json.name !== tool.packageName) return null;
  const version = pkg.json.version;
  if (typeof version !== 'string' || !SEMVER.test(version)) return null;
  if (!declaresBin(pkg.json.bin, name, tool.packageName, pkg.dir, real)) return null;
  if (tool.switchesVersion?.(context) === true) return null;
  return tool.print(version);
}

/** A script the kernel would start with a `node` that exists: `#!/usr/bin/env node` or `#!/abs/node`. */
function runsUnderNode(file: string, context: NodeScriptContext): boolean {
  const words = readShebang(file)?.split(/[ \t]+/).filter((w) => w !== '');
  if (words === undefined) return false;
  const [interpreter, ...args] = words;
  if (interpreter === undefined || !isAbsolute(interpreter)) return false;
  if (interpreter.endsWith('/env')) return args.length === 1 && args[0] === 'node' && isExecutableFile(interpreter) && context.isOnPath('node');
  return args.length === 0 && /\/node[0-9.]*$/.test(interpreter) && isExecutableFile(interpreter);
}

function readShebang(file: string): string | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const head = Buffer.alloc(256);
    const text = head.subarray(0, readSync(fd, head, 0, head.length, 0)).toString('latin1');
    const end = text.indexOf('\n');
    if (!text.startsWith('#!') || end === -1) return null;
    return text.slice(2, end).replace(/\r$/, '').trim();
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

interface PackageJson {
  name?: unknown;
  version?: unknown;
  bin?: unknown;
  packageManager?: unknown;
  devEngines?: unknown;
}

/** The nearest package.json above `file`, parsed; null when there is none close by or it is not JSON. */
function owningPackage(file: string): { dir: string; json: PackageJson } | null {
  let dir = dirname(file);
  for (let depth = 0; depth < PACKAGE_DEPTH; depth++) {
    const json = readPackageJson(join(dir, 'package.json'));
    if (json !== undefined) return json === null ? null : { dir, json };
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return null;
}

/** undefined: no such file; null: there but unreadable or not a JSON object. */
function readPackageJson(file: string): PackageJson | null | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : null;
  }
  try {
    const json: unknown = JSON.parse(text);
    return typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as PackageJson) : null;
  } catch {
    return null;
  }
}

/** Whether the package's `bin` names `command` as exactly the script `real`. */
function declaresBin(bin: unknown, command: string, packageName: string, dir: string, real: string): boolean {
  let target: unknown;
  if (typeof bin === 'string') target = command === packageName ? bin : undefined;
  else if (typeof bin === 'object' && bin !== null && Object.hasOwn(bin, command)) target = (bin as Record<string, unknown>)[command];
  if (typeof target !== 'string' || target === '') return false;
  try {
    return realpathSync(resolve(dir, target)) === real;
  } catch {
    return false;
  }
}

/** A package.json from the working directory up that names a package manager version. */
function projectPinsPackageManager({ cwd }: NodeScriptContext): boolean {
  for (const dir of selfAndAncestors(cwd)) {
    const json = readPackageJson(join(dir, 'package.json'));
    if (json === null) return true;
    if (json !== undefined && (json.packageManager !== undefined || json.devEngines !== undefined)) return true;
  }
  return false;
}

/** Any yarn classic setting: a YARN_* variable, an rc file where yarn looks for one, a .yarnrc.yml. */
function yarnConfigured({ env, cwd }: NodeScriptContext): boolean {
  if (Object.keys(env).some((key) => /^yarn_/i.test(key))) return true;
  const files = ['/etc/yarn/config', '/etc/yarnrc'];
  const home = env.HOME;
  if (home !== undefined && home !== '') {
    files.push(join(home, '.config', 'yarn', 'config'), join(home, '.config', 'yarn'), join(home, '.yarn', 'config'), join(home, '.yarnrc'), join(home, '.yarnrc.yml'));
  }
  for (const dir of selfAndAncestors(cwd)) files.push(join(dir, '.yarnrc'), join(dir, '.yarnrc.yml'));
  return files.some((file) => {
    try {
      return statSync(file).isFile();
    } catch (error) {
      // Only a file that is surely absent is no setting.
      return (error as NodeJS.ErrnoException).code !== 'ENOENT' && (error as NodeJS.ErrnoException).code !== 'ENOTDIR';
    }
  });
}

function selfAndAncestors(start: string): string[] {
  const dirs = [start];
  for (let dir = start, up = dirname(dir); up !== dir; dir = up, up = dirname(dir)) dirs.push(up);
  return dirs;
}
