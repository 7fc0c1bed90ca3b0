/**
 * Credentials for a registry host, from (first match wins): VITSNAP_REGISTRY_USER/_PASSWORD; the
 * docker config's `auths` entry for the host ($DOCKER_CONFIG/config.json, else
 * ~/.docker/config.json); for ghcr.io, GITHUB_TOKEN. Env and home come in as parameters so tests
 * never read the real ones. The password never appears in a message, a log line or `inspect()`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { OperationError } from '../errors.js';

export class Credentials {
  readonly username: string;
  /** Where they came from, for messages: "VITSNAP_REGISTRY_USER", "GITHUB_TOKEN", "/home/u/.docker/config.json". */
  readonly source: string;
  readonly #password: string;

  constructor(username: string, password: string, source: string) {
    this.username = username;
    this.#password = password;
    this.source = source;
  }

  get password(): string {
    return this.#password;
  }

  /** `Basic base64(user:password)`. */
  basicAuthorization(): string {
    return `Basic ${Buffer.from(`${this.username}:${this.#password}`, 'utf8').toString('base64')}`;
  }

  /** "user NAME from SOURCE": what a message may say about them. */
  describe(): string {
    return `user ${JSON.stringify(this.username)} from ${this.source}`;
  }

  toJSON(): { username: string; source: string } {
    return { username: this.username, source: this.source };
  }

  [inspect.custom](): string {
    return `Credentials { ${this.describe()} }`;
  }
}

export interface CredentialContext {
  env: Readonly<Record<string, string | undefined>>;
  /** The user's home directory (for ~/.docker/config.json). */
  home: string;
}

const GITHUB_REGISTRY = 'ghcr.io';
/** What ghcr.io accepts as the user name with GITHUB_TOKEN when no actor is known. */
const GITHUB_TOKEN_USER = 'x-access-token';
const DOCKER_HUB = ['docker.io', 'index.docker.io', 'registry-1.docker.io'];

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** `host[:port]` from a docker config key: `host`, `https://host`, `https://host/v1/`, `http://host:5000`. */
function normalizeKey(key: string): string {
  const withoutScheme = key.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const slash = withoutScheme.indexOf('/');
  return (slash < 0 ? withoutScheme : withoutScheme.slice(0, slash)).toLowerCase();
}

interface DockerAuthEntry {
  auth?: unknown;
  username?: unknown;
  password?: unknown;
}

/** The docker config file to read: `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`. */
export function dockerConfigPath(context: CredentialContext): string {
  const dir = nonEmpty(context.env.DOCKER_CONFIG);
  return dir === undefined ? join(context.home, '.docker', 'config.json') : join(dir, 'config.json');
}

function fromDockerConfig(registry: string, context: CredentialContext): Credentials | undefined {
  const path = dockerConfigPath(context);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw new OperationError('E_IO', `cannot read the docker config ${path}: ${(error as Error).message}; fix its permissions or set DOCKER_CONFIG to another directory`);
  }
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch {
    throw new OperationError('E_INPUT', `the docker config ${path} is not valid JSON; fix it (docker login rewrites it) or set DOCKER_CONFIG to another directory`);
  }
  const auths = typeof config === 'object' && config !== null ? (config as { auths?: unknown }).auths : undefined;
  if (typeof auths !== 'object' || auths === null) return undefined;
  const wanted = registry.toLowerCase();
  // docker login stores Docker Hub under its v1 index URL.
  const names = DOCKER_HUB.includes(wanted) ? DOCKER_HUB : [wanted];
  for (const [key, value] of Object.entries(auths as Record<string, unknown>)) {
    if (!names.includes(normalizeKey(key)) || typeof value !== 'object' || value === null) continue;
    const entry = value as DockerAuthEntry;
    if (typeof entry.auth === 'string' && entry.auth !== '') {
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      // The message names the key only: the value is a secret.
      if (colon <= 0) throw new OperationError('E_INPUT', `the "auth" value for ${JSON.stringify(key)} in ${path} is not base64 of user:password; run docker login ${registry} again`);
      return new Credentials(decoded.slice(0, colon), decoded.slice(colon + 1), path);
    }
    if (typeof entry.username === 'string' && entry.username !== '' && typeof entry.password === 'string') {
      return new Credentials(entry.username, entry.password, path);
    }
  }
  return undefined;
}

/**
 * The credentials to offer `registry` (`host[:port]` as in an OciReference), or undefined to go
 * anonymous. Throws E_USAGE when only one of VITSNAP_REGISTRY_USER/_PASSWORD is set, E_INPUT for an
 * unreadable docker config entry.
 */
export function resolveCredentials(registry: string, context: CredentialContext): Credentials | undefined {
  const user = nonEmpty(context.env.VITSNAP_REGISTRY_USER);
  const password = nonEmpty(context.env.VITSNAP_REGISTRY_PASSWORD);
  if (user !== undefined && password !== undefined) return new Credentials(user, password, 'VITSNAP_REGISTRY_USER/VITSNAP_REGISTRY_PASSWORD');
  if (user !== undefined || password !== undefined) {
    const missing = user === undefined ? 'VITSNAP_REGISTRY_USER' : 'VITSNAP_REGISTRY_PASSWORD';
    throw new OperationError('E_USAGE', `${missing} is not set while its partner is; set both (or neither, to use docker login credentials)`);
  }
  const docker = fromDockerConfig(registry, context);
  if (docker !== undefined) return docker;
  const token = nonEmpty(context.env.GITHUB_TOKEN);
  if (registry.toLowerCase() === GITHUB_REGISTRY && token !== undefined) {
    return new Credentials(nonEmpty(context.env.GITHUB_ACTOR) ?? GITHUB_TOKEN_USER, token, 'GITHUB_TOKEN');
  }
  return undefined;
}
