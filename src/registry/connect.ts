/**
 * From a reference's text to a client, the same way for the CLI, `oci://` reads and the action:
 * `VITSNAP_REGISTRY_INSECURE=1` allows plain HTTP beyond loopback, credentials come from the
 * environment and docker's config (RegistryClient.forReference), retries are told to `onRetry`.
 */
import { homedir } from 'node:os';
import { RegistryClient, type RetryInfo } from '../oci/client.js';
import { parseReference, type OciReference } from '../oci/reference.js';

/** The reference, optionally without a tag, or with its registry replaced by a mirror for reading. */
export function registryReference(text: string, env: NodeJS.ProcessEnv, options: { mirror?: string; allowMissingTag?: boolean } = {}): OciReference {
  const parse = { insecure: env.VITSNAP_REGISTRY_INSECURE === '1', ...(options.allowMissingTag === true ? { allowMissingTag: true } : {}) };
  const ref = parseReference(text, parse);
  return options.mirror === undefined ? ref : parseReference(text.replace(/^oci:\/\/[^/]+/, `oci://${options.mirror}`), parse);
}

export function connectRegistry(ref: OciReference, env: NodeJS.ProcessEnv, say?: (line: string) => void): RegistryClient {
  const onRetry = (info: RetryInfo): void => say?.(`${ref.registry}: ${info.reason}; retry ${info.attempt} in ${Math.round(info.delayMs)} ms`);
  return RegistryClient.forReference(ref, { env, home: env.HOME ?? homedir() }, { onRetry });
}
