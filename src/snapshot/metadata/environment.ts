/**
 * The build environment worth recording: an allowlist of variables that change build outputs, and
 * the umask. Nothing outside the allowlist is read, and nothing that looks like a secret is kept,
 * even when allowlisted, so a snapshot never carries credentials.
 */
import { readFileSync } from 'node:fs';
import { LIMITS } from '../format.js';
import { compareText } from './commands.js';

export const DEFAULT_ENV_ALLOWLIST: readonly string[] = [
  'CC', 'CXX', 'CPP', 'LD', 'AR',
  'CFLAGS', 'CXXFLAGS', 'CPPFLAGS', 'LDFLAGS',
  'RUSTFLAGS', 'CARGO_BUILD_TARGET', 'CARGO_PROFILE_RELEASE_DEBUG',
  'GOFLAGS', 'GOOS', 'GOARCH', 'GOAMD64', 'CGO_ENABLED',
  'SOURCE_DATE_EPOCH', 'TZ',
  'LANG', 'LANGUAGE', 'LC_ALL', 'LC_CTYPE', 'LC_COLLATE', 'LC_TIME',
  'NODE_ENV', 'NODE_OPTIONS',
  'JAVA_TOOL_OPTIONS', 'JAVA_HOME',
  'PYTHONHASHSEED', 'PYTHONDONTWRITEBYTECODE',
  'MAKEFLAGS', 'CMAKE_BUILD_TYPE', 'DEB_BUILD_OPTIONS', 'ZERO_AR_DATE',
];

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SECRET_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|PRIVATE|API_?KEY|ACCESS_?KEY|AUTH/i;
/** Values that carry a credential whatever the variable is called. */
const SECRET_VALUES: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /gh[pousr]_[A-Za-z0-9]{20,}/, what: 'a GitHub token' },
  { pattern: /github_pat_[A-Za-z0-9_]{20,}/, what: 'a GitHub token' },
  { pattern: /[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s/@:]*:[^\s/@]+@/, what: 'a URL with a password' },
];

export interface SelectedEnv {
  /** Allowed, non-secret variables that are set, keys sorted. */
  env: Record<string, string>;
  warnings: string[];
}

/** Picks the allowlisted build variables from `env`; warnings name variables, never values. */
export function selectBuildEnv(env: NodeJS.ProcessEnv, extraAllowlist: readonly string[] = []): SelectedEnv {
  const warnings: string[] = [];
  const names = new Set(DEFAULT_ENV_ALLOWLIST);
  for (const raw of extraAllowlist) {
    const name = raw.trim();
    if (name === '') continue;
    if (!VARIABLE_NAME.test(name)) {
      warnings.push(`env allowlist entry ${JSON.stringify(name)} is not a variable name (letters, digits, "_"; no wildcards); it was skipped`);
      continue;
    }
    names.add(name);
  }

  const selected: Record<string, string> = {};
  let recorded = 0;
  for (const name of [...names].sort(compareText)) {
    if (SECRET_NAME.test(name)) {
      warnings.push(`${name} looks like a secret, so it is never recorded; remove it from the env allowlist`);
      continue;
    }
    const value = env[name];
    if (value === undefined) continue;
    const secret = SECRET_VALUES.find(({ pattern }) => pattern.test(value));
    if (secret !== undefined) {
      warnings.push(`${name} holds what looks like ${secret.what}, so it was not recorded`);
      continue;
    }
    if (Buffer.byteLength(value) > LIMITS.envValueBytes) {
      warnings.push(`${name} is longer than ${LIMITS.envValueBytes} bytes, so it was not recorded`);
      continue;
    }
    if (recorded >= LIMITS.envVariables) {
      warnings.push(`more than ${LIMITS.envVariables} allowlisted variables are set; ${name} and later ones were not recorded`);
      break;
    }
    selected[name] = value;
    recorded++;
  }
  return { env: selected, warnings };
}

/** The process umask as four octal digits, e.g. `0022`. */
export function readUmask(): string {
  try {
    const match = /^Umask:\s*([0-7]+)\s*$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match !== null) return match[1].padStart(4, '0');
  } catch {
    // No procfs (macOS, Windows, some sandboxes).
  }
  // Reading without an argument is only documentation-deprecated, and unlike set-and-restore it
  // never changes the mask under another thread's feet.
  return process.umask().toString(8).padStart(4, '0');
}
