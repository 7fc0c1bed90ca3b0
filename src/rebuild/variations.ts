/**
 * The catalogue of environment variations `vitsnap rebuild` can apply: what each sets for the
 * control build and for the varied build, and whether this machine can apply it (with the reason
 * when not). Data only, plus the checks; turning a set of them into a build is build-env.ts.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { availableParallelism, hostname, machine, userInfo } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { binaryKind, findExecutable, tryCommand } from './probe.js';
import { findOtherLocale } from './locale.js';
import { probeDisorderfs } from './disorder.js';

export const VARIATION_NAMES = ['build-path', 'time', 'timezone', 'locale', 'umask', 'home', 'env', 'user', 'hostname', 'file-order', 'num-cpus', 'aslr'] as const;

export type VariationName = (typeof VARIATION_NAMES)[number];

/** One line each, for --help and the docs. */
export const VARIATION_SUMMARIES: Readonly<Record<VariationName, string>> = {
  'build-path': 'build in directories of different names and lengths',
  time: "the clock years ahead (faketime, NO_FAKE_STAT=1); not for static or Go binaries",
  timezone: 'TZ=GMT+12 vs TZ=GMT-14',
  locale: 'LC_ALL/LANG C.UTF-8 vs another installed locale',
  umask: 'umask 0022 vs 0002',
  home: 'HOME moved to an empty directory',
  env: 'an extra environment variable, and an extra PATH entry',
  user: 'another uid and USER/LOGNAME (unshare --user --map-user)',
  hostname: 'another host name (unshare --uts)',
  'file-order': 'directory entries shuffled (disorderfs, needs FUSE)',
  'num-cpus': 'all CPUs vs one (taskset -c 0)',
  aslr: 'address space randomisation off (setarch -R) vs on',
};

/** What one build gets from one variation. Everything is optional: most variations set one thing. */
export interface Setting {
  /** Shown in the report: what this side got. */
  describe: string;
  /** Environment variables to set. */
  env?: Readonly<Record<string, string>>;
  /** Arguments to run the build through (outermost first). */
  wrapper?: readonly string[];
  /** The build directory's name (build-path). */
  dirName?: string;
  /** Build in a disorderfs view of the copied tree (file-order). */
  disorder?: boolean;
}

/** A variation this machine can apply. */
export interface Variation {
  name: VariationName;
  control: Setting;
  varied: Setting;
  /** Something the user should know (a locale generated for the run, a side effect of a namespace). */
  note?: string;
}

export type Availability = { available: true; variation: Variation } | { available: false; reason: string };

/** What the checks need to know about this run. */
export interface ProbeContext {
  /** The environment the builds inherit. */
  env: NodeJS.ProcessEnv;
  /** This run's private directory: generated locales, the moved HOME, probe mounts live here. */
  workDir: string;
  /** The build command's executable (resolved), for the checks that depend on what it is. */
  executable: string;
}

/** The build directory's name when build-path is not varied, and the control's when it is. */
export const CONTROL_DIR = 'build';
export const VARIED_DIR = 'rebuild-varied-path';
export const VARIED_HOSTNAME = 'vitsnap-rebuild-varied-host';
export const VARIED_USER = 'vitsnap-rebuild';
export const EXTRA_ENV = 'VITSNAP_REBUILD_VARIED';

function sh(script: string, ...args: string[]): string[] {
  // "$0" is the first argument after the script; "$@" the command that follows.
  return ['sh', '-c', script, ...args];
}

type Check = (ctx: ProbeContext) => Promise<Availability>;

/** Shells and build drivers: the programs that do the build are others, started by them. */
const LAUNCHERS = /^(?:(?:ba|da|z|k|mk)?sh|make|gmake|ninja|cmake|npm|npx|pnpm|yarn|node|python[0-9.]*|perl|ruby|mvn|gradle|ant|cargo|go|bazel|bazelisk)$/;

const available = (variation: Variation): Availability => ({ available: true, variation });
const missing = (reason: string): Availability => ({ available: false, reason });

const CHECKS: Readonly<Record<VariationName, Check>> = {
  'build-path': async (ctx) =>
    available({ name: 'build-path', control: { describe: join(ctx.workDir, CONTROL_DIR), dirName: CONTROL_DIR }, varied: { describe: join(ctx.workDir, VARIED_DIR), dirName: VARIED_DIR } }),

  time: async (ctx) => {
    if (findExecutable('faketime', ctx.env, '/') === null) return missing("faketime is not on PATH (Debian package 'faketime')");
    const kind = binaryKind(ctx.executable);
    if (kind === 'static' || kind === 'go') {
      const what = kind === 'go' ? 'a Go binary (it reads the clock without libc)' : 'statically linked (no ELF interpreter)';
      return missing(`${ctx.executable} is ${what}: faketime's LD_PRELOAD cannot change its clock`);
    }
    const epoch = ctx.env.SOURCE_DATE_EPOCH;
    const notes = [
      ...(epoch === undefined ? [] : [`SOURCE_DATE_EPOCH=${epoch} is set for both builds: tools that honour it do not see the clock`]),
      // A script, shell or build driver starts other programs: those it cannot check.
      ...(kind === 'not-elf' || LAUNCHERS.test(basename(ctx.executable)) ? ["faketime reaches dynamically linked programs only: a static or Go program the build starts keeps the real clock"] : []),
    ];
    const note = notes.length === 0 ? undefined : notes.join('; ');
    return available({
      name: 'time',
      control: { describe: 'the real clock' },
      varied: { describe: 'faketime +3 years (NO_FAKE_STAT=1: file times stay real)', wrapper: ['faketime', '-f', '+3y'], env: { NO_FAKE_STAT: '1' } },
      ...(note === undefined ? {} : { note }),
    });
  },

  timezone: async () => available({ name: 'timezone', control: { describe: 'TZ=GMT+12', env: { TZ: 'GMT+12' } }, varied: { describe: 'TZ=GMT-14', env: { TZ: 'GMT-14' } } }),

  locale: async (ctx) => {
    const other = await findOtherLocale(ctx.workDir, ctx.env);
    if ('reason' in other) return missing(other.reason);
    const env: Record<string, string> = { LC_ALL: other.name, LANG: other.name, ...(other.locpath === null ? {} : { LOCPATH: other.locpath }) };
    return available({
      name: 'locale',
      control: { describe: 'LC_ALL=C.UTF-8 LANG=C.UTF-8', env: { LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' } },
      varied: { describe: `LC_ALL=${other.name} LANG=${other.name}`, env },
      ...(other.locpath === null ? {} : { note: `${other.name} is not installed: generated with localedef into ${other.locpath} (LOCPATH)` }),
    });
  },

  umask: async () =>
    available({
      name: 'umask',
      control: { describe: 'umask 0022', wrapper: sh('umask "$0" && exec "$@"', '0022') },
      varied: { describe: 'umask 0002', wrapper: sh('umask "$0" && exec "$@"', '0002') },
    }),

  home: async (ctx) => {
    const moved = join(ctx.workDir, 'home-varied');
    mkdirSync(moved, { recursive: true });
    return available({ name: 'home', control: { describe: `HOME=${ctx.env.HOME ?? '(unset)'}` }, varied: { describe: `HOME=${moved} (empty)`, env: { HOME: moved } } });
  },

  env: async (ctx) => {
    const extra = join(ctx.workDir, 'extra-path');
    mkdirSync(extra, { recursive: true });
    const path = ctx.env.PATH === undefined || ctx.env.PATH === '' ? extra : `${ctx.env.PATH}${delimiter}${extra}`;
    return available({
      name: 'env',
      control: { describe: 'the inherited environment' },
      varied: { describe: `${EXTRA_ENV}=1, PATH=…${delimiter}${extra}`, env: { [EXTRA_ENV]: '1', PATH: path } },
    });
  },

  user: async (ctx) => {
    const me = userInfo();
    const uid = me.uid === 1999 ? 1998 : 1999;
    const wrapper = ['unshare', '--user', `--map-user=${uid}`, `--map-group=${uid}`, '--'];
    const probe = await tryCommand([...wrapper, 'true'], ctx.env);
    if (!probe.ok) return missing(`unshare --user failed here: ${probe.detail || 'no reason given'}`);
    return available({
      name: 'user',
      control: { describe: `uid ${me.uid} (${me.username})` },
      varied: { describe: `uid ${uid}, USER=LOGNAME=${VARIED_USER}`, wrapper, env: { USER: VARIED_USER, LOGNAME: VARIED_USER } },
    });
  },

  hostname: async (ctx) => {
    const root = userInfo().uid === 0;
    // Setting a host name needs CAP_SYS_ADMIN in the UTS namespace: root has it; others get it from a user namespace.
    const wrapper = ['unshare', '--uts', ...(root ? [] : ['--map-root-user']), '--', ...sh('hostname "$0" && exec "$@"', VARIED_HOSTNAME)];
    if (findExecutable('hostname', ctx.env, '/') === null) return missing("hostname is not on PATH (Debian package 'hostname')");
    const probe = await tryCommand([...wrapper, 'true'], ctx.env);
    if (!probe.ok) return missing(`unshare --uts${root ? '' : ' --map-root-user'} failed here: ${probe.detail || 'no reason given'}`);
    return available({
      name: 'hostname',
      control: { describe: hostname() },
      varied: { describe: VARIED_HOSTNAME, wrapper },
      ...(root ? {} : { note: 'not root: the varied build runs as uid 0 of a user namespace (--map-root-user)' }),
    });
  },

  'file-order': async (ctx) => {
    const probe = await probeDisorderfs(ctx.workDir, ctx.env);
    if (probe !== null) return missing(probe);
    return available({ name: 'file-order', control: { describe: 'directory order of the file system' }, varied: { describe: 'disorderfs --shuffle-dirents=yes', disorder: true } });
  },

  'num-cpus': async (ctx) => {
    const cpus = availableParallelism();
    if (cpus < 2) return missing('this machine offers one CPU: nothing to vary');
    const wrapper = ['taskset', '-c', '0'];
    const probe = await tryCommand([...wrapper, 'true'], ctx.env);
    if (!probe.ok) return missing(`taskset -c 0 failed here: ${probe.detail || 'no reason given'}`);
    return available({ name: 'num-cpus', control: { describe: `${cpus} CPUs` }, varied: { describe: '1 CPU (taskset -c 0)', wrapper } });
  },

  aslr: async (ctx) => {
    if (readRandomizeSetting() === '0') return missing('address space randomisation is off system-wide (kernel.randomize_va_space=0)');
    const wrapper = ['setarch', machine(), '-R'];
    const probe = await tryCommand([...wrapper, 'true'], ctx.env);
    if (!probe.ok) return missing(`setarch -R failed here: ${probe.detail || 'no reason given'}`);
    return available({ name: 'aslr', control: { describe: 'ASLR off (setarch -R)', wrapper }, varied: { describe: 'ASLR on' } });
  },
};

function readRandomizeSetting(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/randomize_va_space', 'utf8').trim();
  } catch {
    return null;
  }
}

/** Checks the named variations, in parallel; each answer says what it would set or why it cannot. */
export async function checkVariations(names: readonly VariationName[], ctx: ProbeContext): Promise<Map<VariationName, Availability>> {
  const answers = await Promise.all(names.map(async (name) => [name, await CHECKS[name](ctx)] as const));
  return new Map(answers);
}
