/**
 * `baseline: oci`: baselines kept in an OCI registry instead of artifacts. A push to the default
 * branch sends its snapshot, tagged `<name>-<sha>` and `latest-<name>` (only chunks the registry
 * lacks go up). A pull request reads the base commit's snapshot, else walks back the branch's
 * trusted runs, else takes `latest-<name>`; it reads the record and only the chunks of files that
 * differ, through a store in RUNNER_TEMP.
 */
import * as core from '@actions/core';
import { join } from 'node:path';
import { isVitsnapError } from '../errors.js';
import { formatBytes } from '../format-bytes.js';
import type { ActionInputs } from '../inputs.js';
import type { RegistryClient } from '../oci/client.js';
import type { OciReference } from '../oci/reference.js';
import { connectRegistry, registryReference } from '../registry/connect.js';
import { pushSnapshot } from '../registry/push.js';
import { addSnapshot } from '../store/add.js';
import { openStore } from '../store/layout.js';
import type { Baseline } from './baseline-step.js';
import type { SkippedRun } from './baseline.js';
import type { RunContext } from './context.js';
import { runsApi, type Octokit } from './rest.js';

const MAX_RUNS = 30;

/** The environment registry commands see: the action's store, and the token for ghcr.io. */
export function registryEnv(inputs: ActionInputs, ctx: RunContext): NodeJS.ProcessEnv {
  return {
    ...process.env,
    VITSNAP_STORE: join(ctx.runnerTemp, 'vitsnap-store'),
    ...(process.env.GITHUB_TOKEN === undefined && inputs.token !== '' ? { GITHUB_TOKEN: inputs.token } : {}),
  };
}

function client(inputs: ActionInputs, ctx: RunContext): { ref: OciReference; client: RegistryClient } {
  const env = registryEnv(inputs, ctx);
  const ref = registryReference(inputs.registry, env, { allowMissingTag: true });
  return { ref, client: connectRegistry(ref, env, (line) => core.info(line)) };
}

export const shaTag = (name: string, sha: string): string => `${name}-${sha}`;
export const latestTag = (name: string): string => `latest-${name}`;

/** Sends the snapshot of a default-branch push; a failure is a warning, as for the other backends. */
export async function pushBaseline(inputs: ActionInputs, ctx: RunContext, snapshotPath: string): Promise<void> {
  const { ref, client: c } = client(inputs, ctx);
  try {
    const store = openStore(registryEnv(inputs, ctx).VITSNAP_STORE as string, true);
    const { id } = await addSnapshot(store, snapshotPath);
    const tag = shaTag(inputs.name, ctx.sha);
    const r = await pushSnapshot(store, id, { ...ref, tag }, c, { baseTags: [latestTag(inputs.name)], extraTags: [latestTag(inputs.name)] });
    const share = r.snapshotBytes > 0 ? ` (${((100 * r.uploadedBytes) / r.snapshotBytes).toFixed(1)} % of the ${formatBytes(r.snapshotBytes)} snapshot)` : '';
    core.info(`pushed the snapshot to ${inputs.registry}:${tag} and :${latestTag(inputs.name)}: ${r.uploaded} of ${r.chunks} chunks sent, ${formatBytes(r.uploadedBytes)}${share}`);
  } catch (error) {
    const hint = isVitsnapError(error) && error.code === 'E_AUTH' ? "; for ghcr.io give the job 'permissions: packages: write'" : '';
    core.warning(`could not push the snapshot to ${inputs.registry} (${(error as Error).message})${hint}; pull requests will report no baseline until a push succeeds`);
  } finally {
    c.close();
  }
}

/** The first tag that exists: the base commit's, then the branch's trusted runs newest first, then latest. */
export async function fromRegistry(inputs: ActionInputs, ctx: RunContext, octokit: Octokit | null, skipped: SkippedRun[]): Promise<Baseline | null> {
  const { client: c } = client(inputs, ctx);
  const branch = inputs.baselineRef || ctx.base?.branch || ctx.defaultBranch;
  try {
    const tried = new Set<string>();
    const found = async (sha: string, how: string): Promise<Baseline | null> => {
      if (tried.has(sha)) return null;
      tried.add(sha);
      const d = await c.resolveManifest(shaTag(inputs.name, sha));
      if (d === null) {
        skipped.push({ runId: 0, sha, reason: `no tag ${shaTag(inputs.name, sha)} in ${inputs.registry}` });
        return null;
      }
      return baselineAt(`${inputs.registry}@${d.digest}`, sha, `${branch} @ ${sha.slice(0, 7)} (${ref(inputs)})`, `${inputs.registry}:${shaTag(inputs.name, sha)}, ${how}`);
    };
    if (ctx.base !== null && ctx.base.sha !== '') {
      const hit = await found(ctx.base.sha, 'the base commit');
      if (hit !== null) return hit;
    }
    const workflow = inputs.workflow || ctx.workflowFile;
    if (octokit !== null && workflow !== '') {
      const api = runsApi(octokit, ctx);
      let looked = 0;
      for (let page = 1; looked < MAX_RUNS && page <= 5; page++) {
        const runs = await api.listSuccessfulRuns({ workflow, branch, page, perPage: 20 });
        for (const run of runs) {
          if (!(inputs.baselineEvents as readonly string[]).includes(run.event) || run.headBranch !== branch || run.id === ctx.runId) continue;
          if (++looked > MAX_RUNS) break;
          const hit = await found(run.headSha, `the newest pushed snapshot on ${branch}`);
          if (hit !== null) return hit;
        }
        if (runs.length < 20) break;
      }
    }
    const latest = await c.resolveManifest(latestTag(inputs.name));
    if (latest === null) {
      skipped.push({ runId: 0, sha: '', reason: `no tag ${latestTag(inputs.name)} in ${inputs.registry}: no push to ${branch} has sent a snapshot yet` });
      return null;
    }
    return baselineAt(`${inputs.registry}@${latest.digest}`, null, `${branch} (${ref(inputs)}:${latestTag(inputs.name)})`, `${inputs.registry}:${latestTag(inputs.name)} (no tag for the base commit or a recent run)`);
  } catch (error) {
    const hint = isVitsnapError(error) && error.code === 'E_AUTH' ? "; the job needs 'permissions: packages: read' (ghcr.io) or registry credentials" : '';
    core.warning(`looking up the baseline in ${inputs.registry} failed (${(error as Error).message})${hint}`);
    skipped.push({ runId: 0, sha: '', reason: `the registry lookup failed${hint}` });
    return null;
  } finally {
    c.close();
  }
}

function ref(inputs: ActionInputs): string {
  return inputs.registry.replace(/^oci:\/\//, '');
}

/** Pinned by digest, so the compare reads what was found even if the tag moves meanwhile. */
function baselineAt(path: string, sha: string | null, label: string, description: string): Baseline {
  return { path, runId: null, sha, label, description, verified: false };
}
