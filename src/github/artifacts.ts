/**
 * Snapshots and reports as workflow artifacts, through the real @actions/artifact client (it
 * retries the service and blob calls itself). Snapshots are zipped without compression: they are
 * compressed already, and a zip keeps the file's name through the round trip.
 */
import { ArtifactNotFoundError, DefaultArtifactClient } from '@actions/artifact';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { OperationError } from '../errors.js';
import { retryDroppedConnection } from './connection-retry.js';
import type { RunContext } from './context.js';

export interface UploadedArtifact {
  id: number;
  size: number;
  /** `sha256:<hex>` of the uploaded zip, when the service reported it. */
  digest: string;
}

/** The name is taken in this run by another job: a matrix whose legs share `name`. */
export class ArtifactNameTakenError extends OperationError {
  constructor(name: string) {
    super(
      'E_INPUT',
      `an artifact named ${name} already exists in this run: another job uploaded it, most likely a matrix leg with the same 'name'. Give each matrix leg its own name (e.g. 'name: \${{ matrix.os }}'), or each leg would compare against another's baseline`,
    );
  }
}

function isConflict(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /\(409\)|already exists/i.test(message);
}

/**
 * Uploads `files` as the artifact `name`. On a re-run (`attempt` > 1) this run's artifact of that
 * name from the earlier attempt is deleted first and replaced, as upload-artifact's `overwrite`
 * does; otherwise a name already taken in this run is another job's (a matrix leg's): an error.
 */
export async function uploadFiles(name: string, files: string[], rootDirectory: string, retentionDays: number | null, compressionLevel: number, attempt = 1): Promise<UploadedArtifact> {
  const client = new DefaultArtifactClient();
  if (attempt > 1) {
    try {
      await client.deleteArtifact(name);
    } catch (error) {
      // Nothing to replace: the earlier attempt failed before uploading.
      if (!(error instanceof ArtifactNotFoundError) && !isGoneError(error)) throw error;
    }
  }
  const options = { compressionLevel, ...(retentionDays === null ? {} : { retentionDays }) };
  let result;
  try {
    result = await retryDroppedConnection(`uploading artifact ${name}`, () => client.uploadArtifact(name, files, rootDirectory, options));
  } catch (error) {
    if (isConflict(error)) throw new ArtifactNameTakenError(name);
    throw error;
  }
  if (result.id === undefined) throw new OperationError('E_IO', `artifact ${name} was uploaded but the service returned no id`);
  return { id: result.id, size: result.size ?? 0, digest: result.digest === undefined || result.digest === '' ? '' : result.digest.startsWith('sha256:') ? result.digest : `sha256:${result.digest}` };
}

export function uploadSnapshot(name: string, snapshotPath: string, retentionDays: number | null, attempt = 1): Promise<UploadedArtifact> {
  return uploadFiles(name, [snapshotPath], dirname(snapshotPath), retentionDays, 0, attempt);
}

/** Whether an error from a download says the artifact is gone (expired or deleted), so the next run should be tried. */
export function isGoneError(error: unknown): boolean {
  const status = (error as { status?: unknown }).status;
  if (status === 410 || status === 404) return true;
  const message = error instanceof Error ? error.message : String(error);
  return /\b(410|404)\b|expired|gone|not found/i.test(message);
}

/** Downloads a run's artifact into `dir` (unzipped) and returns the directory holding its files. */
export async function downloadFiles(ctx: RunContext, token: string, runId: number, artifactId: number, dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const client = new DefaultArtifactClient();
  const findBy = { token, workflowRunId: runId, repositoryOwner: ctx.owner, repositoryName: ctx.repo };
  const { downloadPath } = await retryDroppedConnection(`downloading artifact ${artifactId}`, () => client.downloadArtifact(artifactId, { path: dir, findBy }));
  const where = downloadPath ?? dir;
  if (!existsSync(where)) throw new OperationError('E_NOT_FOUND', `artifact ${artifactId} of run ${runId} downloaded nothing into ${dir}`);
  return where;
}

/** Downloads another run's snapshot artifact into `dir` and returns the `.vitsnap` file in it. */
export async function downloadSnapshot(ctx: RunContext, token: string, runId: number, artifactId: number, dir: string): Promise<string> {
  const where = await downloadFiles(ctx, token, runId, artifactId, dir);
  const snapshot = readdirSync(where).find((f) => f.endsWith('.vitsnap'));
  if (snapshot === undefined) throw new OperationError('E_NOT_FOUND', `artifact ${artifactId} of run ${runId} holds no .vitsnap file`);
  return join(where, snapshot);
}
