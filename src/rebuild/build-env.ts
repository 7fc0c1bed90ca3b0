/** One build's environment from the variations: each switched-on one gives its varied setting, the rest their control setting. */
import { CONTROL_DIR, type Setting, type Variation, type VariationName } from './variations.js';

export interface BuildPlan {
  /** The build directory's name inside the run's work directory. */
  dirName: string;
  env: NodeJS.ProcessEnv;
  /** The full argv: wrappers, then the build command. */
  argv: string[];
  /** Build through a disorderfs view. */
  disorder: boolean;
}

/**
 * Wrappers nest in this order, outermost first: personality and CPU affinity are inherited by
 * everything below; the namespaces come next; faketime last, so the build itself is preloaded.
 */
const WRAP_ORDER: readonly VariationName[] = ['aslr', 'num-cpus', 'hostname', 'user', 'umask', 'time'];

/** The plan for a build with `on` varied (the control build: nothing on). Inherited variables stay unless a setting replaces them. */
export function planBuild(variations: readonly Variation[], on: ReadonlySet<VariationName>, baseEnv: NodeJS.ProcessEnv, command: readonly string[]): BuildPlan {
  const settings = new Map<VariationName, Setting>(variations.map((v) => [v.name, on.has(v.name) ? v.varied : v.control]));
  const env: NodeJS.ProcessEnv = { ...baseEnv };
  let dirName = CONTROL_DIR;
  let disorder = false;
  for (const setting of settings.values()) {
    Object.assign(env, setting.env ?? {});
    if (setting.dirName !== undefined) dirName = setting.dirName;
    if (setting.disorder === true) disorder = true;
  }
  const argv: string[] = [];
  for (const name of WRAP_ORDER) argv.push(...(settings.get(name)?.wrapper ?? []));
  argv.push(...command);
  return { dirName, env, argv, disorder };
}
