/**
 * pyenv shims, seen through: a shim is a bash script that runs `pyenv exec`, which costs ~0.25 s
 * before the interpreter starts, and every shim has the same bytes whichever Python it selects.
 * When the version pyenv would select is certain, the probe runs that version's executable the way
 * `pyenv exec` does and records its realpath and digest; otherwise it runs the shim as before.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, normalize } from 'node:path';
import { homedir } from 'node:os';
import { isExecutableFile } from './executable-file.js';

export interface PyenvTarget {
  /** `$PYENV_ROOT/versions/<version>/bin/<tool>`: what `pyenv which <tool>` prints. */
  executable: string;
  /** The environment `pyenv exec` gives it: PYENV_ROOT, PYENV_VERSION, the version's bin first on PATH. */
  env: NodeJS.ProcessEnv;
  version: string;
}

/** Longer than any shim pyenv writes (~400 bytes). */
const SHIM_MAX_BYTES = 4096;
/** A single version name: `3.12.1`, `pypy3.10-7.3.15`, a virtualenv's name. Not `a:b`, not a path. */
const VERSION_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;
const HOOKED_COMMANDS = ['version-name', 'which', 'exec'];
const SYSTEM_HOOK_DIRS = ['/usr/etc/pyenv.d', '/usr/local/etc/pyenv.d', '/etc/pyenv.d', '/usr/lib/pyenv/hooks'];
/** pyenv-virtualenv's `which` hooks only act when the selected version lacks the command, and a target needs it. */
const VIRTUALENV_WHICH_HOOKS = ['conda.bash', 'python-config.bash', 'system-site-packages.bash'];

/**
 * What pyenv would run for the shim `found` (a file PATH resolved), or null when that is not
 * certain: not a shim of this PYENV_ROOT, a version that is `system`, several, missing or a
 * prefix pyenv resolves itself, an unknown hook, PYENV_DIR or PYENV_DEBUG set.
 */
export function resolvePyenvShim(found: string, env: NodeJS.ProcessEnv, cwd: string): PyenvTarget | null {
  const root = pyenvRoot(env);
  if (root === null || dirname(found) !== join(root, 'shims')) return null;
  if (nonEmpty(env.PYENV_DIR) || nonEmpty(env.PYENV_DEBUG)) return null;
  const pyenv = readShim(found, root);
  if (pyenv === null) return null;
  const version = selectedVersion(root, env, cwd);
  if (version === null || !isDirectory(join(root, 'versions', version))) return null;
  const executable = join(root, 'versions', version, 'bin', basename(found));
  if (!isExecutableFile(executable) || !hooksAreInert(root, pyenv, env)) return null;
  return {
    executable,
    version,
    env: { ...env, PYENV_ROOT: root, PYENV_VERSION: version, PATH: nonEmpty(env.PATH) ? `${dirname(executable)}:${env.PATH}` : dirname(executable) },
  };
}

function nonEmpty(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}

/** `$PYENV_ROOT` without trailing slashes, else `~/.pyenv`, as pyenv itself decides. */
function pyenvRoot(env: NodeJS.ProcessEnv): string | null {
  if (nonEmpty(env.PYENV_ROOT)) {
    const root = env.PYENV_ROOT.replace(/\/+$/, '');
    return isAbsolute(root) ? root : null;
  }
  const home = nonEmpty(env.HOME) ? env.HOME : homedir();
  return isAbsolute(home) ? join(home, '.pyenv') : null;
}

/**
 * The pyenv executable a shim of `root` hands over to; null when `file` is not such a shim, line
 * by line: `pyenv rehash` writes them from one template, and any other line could do anything.
 */
function readShim(file: string, root: string): string | null {
  let text: string;
  try {
    if (statSync(file).size > SHIM_MAX_BYTES) return null;
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  if (lines[0] !== '#!/usr/bin/env bash') return null;
  const ownRoot = `export PYENV_ROOT=${JSON.stringify(root)}`;
  let pyenv: string | null = null;
  let exportsRoot = false;
  let namesProgram = false;
  for (const line of lines.slice(1)) {
    const exec = /^exec "(\/[^"$`\\]+\/pyenv)" exec "\$program" "\$@"$/.exec(line);
    if (exec !== null && pyenv === null) pyenv = exec[1] ?? null;
    else if (line === ownRoot) exportsRoot = true;
    else if (line === 'program="${0##*/}"') namesProgram = true;
    else if (!INERT_SHIM_LINES.some((pattern) => pattern.test(line))) return null;
  }
  return exportsRoot && namesProgram ? pyenv : null;
}

/** The shim's other lines: strict mode, debug tracing (PYENV_DEBUG is refused), and the shim-path bookkeeping that only matters for `system`. */
const INERT_SHIM_LINES: readonly RegExp[] = [
  /^#/,
  /^set -e$/,
  /^\[ -n "\$PYENV_DEBUG" \] && set -x$/,
  /^SHIM_PATH=\$\{0%\/\*\}$/,
  /^if \[\[ \$SHIM_PATH != "[^"$`\\]+" \]\]; then$/,
  /^export _PYENV_SHIM_PATH="\$SHIM_PATH"$/,
  /^fi$/,
];

/**
 * The one version pyenv would select: PYENV_VERSION, else the nearest `.python-version` from the
 * working directory up (as the shell sees that directory), else `$PYENV_ROOT/version`. null for
 * `system`, several versions, an unreadable or empty file, or a name that is not a plain version.
 */
function selectedVersion(root: string, env: NodeJS.ProcessEnv, cwd: string): string | null {
  const names = nonEmpty(env.PYENV_VERSION) ? env.PYENV_VERSION.split(':') : readVersionFile(versionFile(root, env, cwd));
  if (names === null || names.length !== 1) return null;
  const [name] = names;
  return name !== undefined && name !== 'system' && VERSION_NAME.test(name) ? name : null;
}

function versionFile(root: string, env: NodeJS.ProcessEnv, cwd: string): string | null {
  const start = shellDirectory(cwd, env);
  if (start === null) return null;
  for (let dir = start; ; dir = dirname(dir)) {
    const file = join(dir, '.python-version');
    try {
      if (statSync(file).isFile()) return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && (error as NodeJS.ErrnoException).code !== 'ENOTDIR') return null;
    }
    if (dirname(dir) === dir) return join(root, 'version');
  }
}

/**
 * The working directory as bash names it: an inherited $PWD that is this directory (bash keeps
 * the symlinked path the user cd'ed through), else the physical path. pyenv walks that name up.
 */
function shellDirectory(cwd: string, env: NodeJS.ProcessEnv): string | null {
  try {
    const here = statSync(cwd);
    const pwd = env.PWD;
    if (nonEmpty(pwd) && isAbsolute(pwd)) {
      const there = statSync(pwd);
      if (there.dev === here.dev && there.ino === here.ino) {
        const name = pwd.length > 1 ? pwd.replace(/\/+$/, '') : pwd;
        // With `.`, `..` or `//` in it bash canonicalizes the name against the file system: leave that to pyenv.
        return normalize(name) === name ? name : null;
      }
    }
    return realpathSync(cwd);
  } catch {
    return null;
  }
}

/** The version names a version file lists: the first word of each line, comments and blank lines skipped. */
function readVersionFile(file: string | null): string[] | null {
  if (file === null) return null;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const names: string[] = [];
  for (const line of text.split('\n')) {
    // pyenv reads at most 1024 characters at a time; a longer line is not a version name anyway.
    if (line.length > 1000) return null;
    const word = line.trim().split(/[ \t\r]+/)[0] ?? '';
    if (word === '' || word.startsWith('#')) continue;
    names.push(word);
  }
  return names.length === 0 ? null : names;
}

/**
 * Whether every hook pyenv would source for version-name, which and exec is one known not to
 * change what a version command prints: pyenv's own pip-rehash (it runs the same pip, and
 * rehashes only after an install) and pyenv-virtualenv's `which` fallbacks.
 */
function hooksAreInert(root: string, pyenv: string, env: NodeJS.ProcessEnv): boolean {
  let prefix: string;
  try {
    prefix = dirname(dirname(realpathSync(pyenv)));
  } catch {
    return false;
  }
  const own = [join(root, 'pyenv.d'), join(prefix, 'pyenv.d')];
  const virtualenv = join(root, 'plugins', 'pyenv-virtualenv', 'etc', 'pyenv.d');
  const plugins = listDirectory(join(root, 'plugins'));
  if (plugins === null) return false;
  const dirs = [
    ...(env.PYENV_HOOK_PATH ?? '').split(':').filter((d) => d !== ''),
    ...own,
    ...SYSTEM_HOOK_DIRS,
    ...plugins.map((plugin) => join(root, 'plugins', plugin, 'etc', 'pyenv.d')),
  ];
  for (const dir of dirs) {
    for (const command of HOOKED_COMMANDS) {
      const hooks = listDirectory(join(dir, command));
      if (hooks === null) return false;
      for (const hook of hooks.filter((h) => h.endsWith('.bash') && !h.startsWith('.'))) {
        const inert =
          (command === 'exec' && hook === 'pip-rehash.bash' && own.includes(dir)) ||
          (command === 'which' && VIRTUALENV_WHICH_HOOKS.includes(hook) && dir === virtualenv);
        if (!inert) return false;
      }
    }
  }
  return true;
}

/** Entry names; [] when the directory does not exist; null when it cannot be read. */
function listDirectory(dir: string): string[] | null {
  try {
    return readdirSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? [] : null;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

