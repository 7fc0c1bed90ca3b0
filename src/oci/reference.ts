/**
 * `oci://REGISTRY[:PORT]/REPO[/…][:TAG][@sha256:HEX]` references, validated against the grammar of
 * the OCI distribution spec (repository components, tag, digest) so that a typo fails here with an
 * example instead of as a puzzling 404 from the registry.
 */
import { OperationError } from '../errors.js';

export interface OciReference {
  /** `host[:port]` as sent in URLs and matched against credentials: `ghcr.io`, `127.0.0.1:5000`, `[::1]:5000`. */
  registry: string;
  /** The host alone, lower-cased; IPv6 without brackets. */
  host: string;
  port?: number;
  /** `owner/name[/…]`, lower-case components. */
  repository: string;
  tag?: string;
  /** `sha256:<64 hex>`; when both are given the digest is what is fetched and the tag is informative. */
  digest?: string;
  /** `http` only for loopback hosts or when the caller allowed it (`insecure`). */
  scheme: 'http' | 'https';
}

export interface ParseReferenceOptions {
  /** Accept `REGISTRY/REPO:TAG` without `oci://` (default false: the scheme is required). */
  allowBare?: boolean;
  /** Accept a reference with neither tag nor digest, e.g. to list tags (default false). */
  allowMissingTag?: boolean;
  /** Use plain HTTP for a registry that is not on loopback (the caller reads VITSNAP_REGISTRY_INSECURE). */
  insecure?: boolean;
}

const SCHEME = 'oci://';
const EXAMPLE = 'e.g. oci://ghcr.io/owner/snapshots:main or oci://localhost:5000/snapshots@sha256:<64 hex digits>';
const COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const IPV6 = /^[0-9A-Fa-f:.]+$/;
/** What docker and the distribution reference library allow for registry + repository. */
const MAX_NAME_LENGTH = 255;

function invalid(text: string, why: string): OperationError {
  return new OperationError('E_USAGE', `invalid registry reference ${JSON.stringify(text)}: ${why}; ${EXAMPLE}`);
}

/** True for `localhost`, 127.0.0.0/8 and ::1: the hosts where plain HTTP never leaves the machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase();
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = IPV4.exec(h);
  return v4 !== null && v4[1] === '127' && v4.slice(1).every((octet) => Number(octet) <= 255);
}

function parseRegistry(text: string, registry: string): { host: string; port?: number } {
  let host: string;
  let portText: string | undefined;
  if (registry.startsWith('[')) {
    const close = registry.indexOf(']');
    if (close < 0) throw invalid(text, `unclosed "[" in the registry host ${JSON.stringify(registry)}`);
    host = registry.slice(1, close);
    const rest = registry.slice(close + 1);
    if (rest !== '' && !rest.startsWith(':')) throw invalid(text, `unexpected ${JSON.stringify(rest)} after the IPv6 address`);
    portText = rest === '' ? undefined : rest.slice(1);
    if (!IPV6.test(host) || !host.includes(':')) throw invalid(text, `${JSON.stringify(host)} is not an IPv6 address`);
  } else {
    const colon = registry.lastIndexOf(':');
    host = colon < 0 ? registry : registry.slice(0, colon);
    portText = colon < 0 ? undefined : registry.slice(colon + 1);
    const v4 = IPV4.exec(host);
    if (v4 !== null) {
      if (v4.slice(1).some((octet) => Number(octet) > 255)) throw invalid(text, `${JSON.stringify(host)} is not an IPv4 address`);
    } else if (host === '' || !host.split('.').every((label) => DOMAIN_LABEL.test(label))) {
      throw invalid(text, `${JSON.stringify(host)} is not a valid registry host name`);
    }
  }
  if (portText === undefined) return { host: host.toLowerCase() };
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!(port >= 1 && port <= 65535)) throw invalid(text, `port ${JSON.stringify(portText)} is not a number from 1 to 65535`);
  return { host: host.toLowerCase(), port };
}

/**
 * Parses a registry reference. Throws E_USAGE naming the offending part and showing a valid
 * example. A bare reference (no `oci://`) must start with something that looks like a registry
 * host (has a dot or a port, or is `localhost`): there is no implicit docker.io here.
 */
export function parseReference(text: string, options: ParseReferenceOptions = {}): OciReference {
  let rest: string;
  if (text.startsWith(SCHEME)) rest = text.slice(SCHEME.length);
  else if (options.allowBare === true && !text.includes('://')) rest = text;
  else throw invalid(text, options.allowBare === true ? 'only the oci:// scheme is supported' : 'it must start with oci://');

  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw invalid(text, `digest ${JSON.stringify(digest)} is not sha256: followed by 64 lower-case hex digits`);
  }

  const slash = rest.indexOf('/');
  if (slash <= 0) throw invalid(text, 'it needs a registry host and a repository, separated by "/"');
  const registryText = rest.slice(0, slash);
  let path = rest.slice(slash + 1);
  const { host, port } = parseRegistry(text, registryText);
  if (!text.startsWith(SCHEME) && !registryText.includes('.') && !registryText.includes(':') && host !== 'localhost') {
    throw invalid(text, `${JSON.stringify(registryText)} does not look like a registry host (no dot, no port); write the registry explicitly`);
  }

  let tag: string | undefined;
  const lastSlash = path.lastIndexOf('/');
  const colon = path.indexOf(':', lastSlash + 1);
  if (colon >= 0) {
    tag = path.slice(colon + 1);
    path = path.slice(0, colon);
    if (!TAG.test(tag)) throw invalid(text, `tag ${JSON.stringify(tag)} must be 1 to 128 of A-Z a-z 0-9 _ . - and not start with . or -`);
  }
  if (path === '') throw invalid(text, 'the repository name is empty');
  for (const component of path.split('/')) {
    if (!COMPONENT.test(component)) {
      throw invalid(text, `repository component ${JSON.stringify(component)} must be lower-case letters and digits, separated by one ".", "_", "__" or dashes`);
    }
  }
  if (registryText.length + 1 + path.length > MAX_NAME_LENGTH) throw invalid(text, `registry and repository together exceed ${MAX_NAME_LENGTH} characters`);
  if (tag === undefined && digest === undefined && options.allowMissingTag !== true) throw invalid(text, 'it needs a :tag or an @sha256: digest');

  const registry = host.includes(':') ? `[${host}]${port === undefined ? '' : `:${port}`}` : `${host}${port === undefined ? '' : `:${port}`}`;
  const scheme = isLoopbackHost(host) || options.insecure === true ? 'http' : 'https';
  return { registry, host, ...(port === undefined ? {} : { port }), repository: path, ...(tag === undefined ? {} : { tag }), ...(digest === undefined ? {} : { digest }), scheme };
}

/** The reference as text, with `oci://`: the tag and/or digest it carries. */
export function formatReference(ref: Pick<OciReference, 'registry' | 'repository' | 'tag' | 'digest'>): string {
  return `${SCHEME}${ref.registry}/${ref.repository}${ref.tag === undefined ? '' : `:${ref.tag}`}${ref.digest === undefined ? '' : `@${ref.digest}`}`;
}

/** The base URL of the registry's API, without the `/v2/` path. */
export function registryUrl(ref: Pick<OciReference, 'registry' | 'scheme'>): string {
  return `${ref.scheme}://${ref.registry}`;
}

/** True for a well-formed tag (for callers that build tags such as `latest-<name>`). */
export function isValidTag(tag: string): boolean {
  return TAG.test(tag);
}

/** True for `sha256:<64 lower-case hex>`, the only digest algorithm this client verifies. */
export function isValidDigest(digest: string): boolean {
  return DIGEST.test(digest);
}

/** The tag under which a registry without the referrers API keeps the referrers of `digest` (`sha256-<hex>`). */
export function referrersTag(digest: string): string {
  if (!DIGEST.test(digest)) throw new OperationError('E_USAGE', `not a sha256 digest: ${JSON.stringify(digest)}; expected sha256:<64 hex digits>`);
  return digest.replace(':', '-');
}
