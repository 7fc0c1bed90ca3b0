/**
 * The artifact half of the results service (`github.actions.results.api.v1.ArtifactService`),
 * what @actions/artifact v2+ calls within a run:
 *
 * - `CreateArtifact` → a record in the world (invisible until finalized) and a signed upload URL.
 * - `FinalizeArtifact` → checks the committed blob against the reported size and `sha256:` hash.
 * - `ListArtifacts` (`name_filter`, `id_filter`), `GetSignedArtifactURL`, `DeleteArtifact`.
 *
 * The caller is the run in the bearer runtime token; requests naming another run are refused
 * (`permission_denied`): other runs' artifacts go through REST with a GitHub token.
 */
import { createHash } from 'node:crypto';
import { signBlobUrl } from './blob-service.js';
import type { EmulatorReply, EmulatorRequest, Service, ServiceContext } from './server.js';
import {
  answerTwirp,
  authenticateRuntimeToken,
  codeForStatus,
  int32Field,
  int64Field,
  jsonReply,
  optionalInt64Field,
  optionalStringField,
  optionalTimestampField,
  parseTwirpCall,
  stringField,
  timestampJson,
  twirpErrorReply,
  TwirpError,
  type JsonObject,
  type TwirpCaller,
} from './twirp.js';
import { artifactBlobKey, artifactsOfRun, findRepo, isExpired, type Artifact, type World } from './world.js';

export const ARTIFACT_SERVICE = 'github.actions.results.api.v1.ArtifactService';

const UPLOAD_URL_LIFETIME_MS = 6 * 3600_000;
const DOWNLOAD_URL_LIFETIME_MS = 3600_000;
/** The oldest artifact protocol version the service takes (the v4 actions). */
const MIN_VERSION = 4;

interface RunRef {
  runBackendId: string;
  jobBackendId: string;
}

/** The run and job the request names, which must be the token's run (and job, for writes). */
function requireOwnRun(body: JsonObject, caller: TwirpCaller, options: { sameJob: boolean }): RunRef {
  const runBackendId = stringField(body, 'workflow_run_backend_id');
  const jobBackendId = stringField(body, 'workflow_job_run_backend_id');
  if (runBackendId === '' || jobBackendId === '') {
    throw new TwirpError('invalid_argument', 'workflow_run_backend_id and workflow_job_run_backend_id are required');
  }
  if (runBackendId !== caller.claims.runBackendId || (options.sameJob && jobBackendId !== caller.claims.jobBackendId)) {
    throw new TwirpError('permission_denied', 'the token does not grant access to this workflow run or job');
  }
  return { runBackendId, jobBackendId };
}

function requireName(body: JsonObject): string {
  const name = stringField(body, 'name');
  if (name === '') throw new TwirpError('invalid_argument', 'name is required');
  return name;
}

/** A finalized, unexpired artifact of the run with this name. */
function liveArtifact(world: World, runBackendId: string, name: string): Artifact {
  const artifact = artifactsOfRun(world, runBackendId).find((a) => a.name === name && !isExpired(world, a));
  if (artifact === undefined) throw new TwirpError('not_found', `artifact ${JSON.stringify(name)} not found`);
  return artifact;
}

function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** A read URL; non-zip (skipArchive) artifacts carry their file name for the client to save under. */
export function artifactDownloadUrl(context: ServiceContext, artifact: Artifact, lifetimeMs: number): string {
  const overrides = artifact.mimeType === 'application/zip' ? {} : { rscd: contentDisposition(artifact.name) };
  return signBlobUrl(context, artifact.blobKey, 'r', lifetimeMs, overrides);
}

function createArtifact(body: JsonObject, caller: TwirpCaller, context: ServiceContext): EmulatorReply {
  const { world } = context;
  const ids = requireOwnRun(body, caller, { sameJob: true });
  const name = requireName(body);
  const version = int32Field(body, 'version');
  if (version < MIN_VERSION) {
    throw new TwirpError('invalid_argument', `artifact version ${version} is not supported; use upload-artifact@v4 or later`);
  }
  const existing = world.artifacts.find((a) => a.runBackendId === ids.runBackendId && a.name === name);
  if (existing?.finalized === true) {
    throw new TwirpError('already_exists', 'an artifact with this name already exists on the workflow run');
  }
  if (existing !== undefined) {
    // An upload that never finalized (a failed attempt) is replaced, not a conflict.
    world.artifacts.splice(world.artifacts.indexOf(existing), 1);
    world.blobs.delete(existing.blobKey);
  }
  // requireOwnRun proved the token's run exists, and every run belongs to a seeded repository.
  const repo = findRepo(world, caller.run.repo);
  const retentionDays = repo?.retentionDays ?? 90;
  const now = world.now();
  const maxExpiry = new Date(now.getTime() + retentionDays * 86_400_000);
  const requested = optionalTimestampField(body, 'expires_at');
  const mimeType = optionalStringField(body, 'mime_type') ?? 'application/zip';
  const artifact: Artifact = {
    id: world.nextIds.artifact++,
    runId: caller.run.id,
    runBackendId: ids.runBackendId,
    jobBackendId: ids.jobBackendId,
    name,
    blobKey: artifactBlobKey(ids.runBackendId, ids.jobBackendId, name, mimeType),
    mimeType,
    size: 0,
    version,
    createdAt: now,
    expiresAt: requested !== undefined && requested < maxExpiry ? requested : maxExpiry,
    finalized: false,
  };
  world.artifacts.push(artifact);
  return jsonReply(200, {
    ok: true,
    signed_upload_url: signBlobUrl(context, artifact.blobKey, 'cw', UPLOAD_URL_LIFETIME_MS),
  });
}

function finalizeArtifact(body: JsonObject, caller: TwirpCaller, context: ServiceContext): EmulatorReply {
  const { world } = context;
  const ids = requireOwnRun(body, caller, { sameJob: true });
  const name = requireName(body);
  const artifact = world.artifacts.find(
    (a) => a.runBackendId === ids.runBackendId && a.jobBackendId === ids.jobBackendId && a.name === name,
  );
  if (artifact === undefined) throw new TwirpError('not_found', `no artifact ${JSON.stringify(name)} was created by this job`);
  if (artifact.finalized) throw new TwirpError('failed_precondition', `artifact ${JSON.stringify(name)} is already finalized`);
  const content = world.blobs.get(artifact.blobKey)?.content;
  if (content === undefined) throw new TwirpError('failed_precondition', 'no content was committed to the upload URL');
  const size = int64Field(body, 'size');
  if (size !== BigInt(content.length)) {
    throw new TwirpError('invalid_argument', `size ${size} does not match the ${content.length} bytes uploaded`);
  }
  const digest = `sha256:${createHash('sha256').update(content).digest('hex')}`;
  const hash = optionalStringField(body, 'hash');
  if (hash !== undefined && hash !== digest) {
    throw new TwirpError('invalid_argument', `hash ${hash} does not match the uploaded content (${digest})`);
  }
  artifact.size = content.length;
  artifact.digest = digest;
  artifact.finalized = true;
  return jsonReply(200, { ok: true, artifact_id: String(artifact.id) });
}

function listArtifacts(body: JsonObject, caller: TwirpCaller, world: World): EmulatorReply {
  const { runBackendId } = requireOwnRun(body, caller, { sameJob: false });
  const nameFilter = optionalStringField(body, 'name_filter');
  const idFilter = optionalInt64Field(body, 'id_filter');
  const artifacts = artifactsOfRun(world, runBackendId)
    .filter((a) => !isExpired(world, a))
    .filter((a) => nameFilter === undefined || a.name === nameFilter)
    .filter((a) => idFilter === undefined || BigInt(a.id) === idFilter);
  return jsonReply(200, {
    artifacts: artifacts.map((a) => ({
      workflow_run_backend_id: a.runBackendId,
      workflow_job_run_backend_id: a.jobBackendId,
      database_id: String(a.id),
      name: a.name,
      size: String(a.size),
      created_at: timestampJson(a.createdAt),
      ...(a.digest !== undefined ? { digest: a.digest } : {}),
    })),
  });
}

function getSignedArtifactUrl(body: JsonObject, caller: TwirpCaller, context: ServiceContext): EmulatorReply {
  const { runBackendId } = requireOwnRun(body, caller, { sameJob: false });
  const artifact = liveArtifact(context.world, runBackendId, requireName(body));
  return jsonReply(200, { signed_url: artifactDownloadUrl(context, artifact, DOWNLOAD_URL_LIFETIME_MS) });
}

function deleteArtifact(body: JsonObject, caller: TwirpCaller, world: World): EmulatorReply {
  const { runBackendId } = requireOwnRun(body, caller, { sameJob: false });
  const artifact = liveArtifact(world, runBackendId, requireName(body));
  world.artifacts.splice(world.artifacts.indexOf(artifact), 1);
  world.blobs.delete(artifact.blobKey);
  return jsonReply(200, { ok: true, artifact_id: String(artifact.id) });
}

function handle(request: EmulatorRequest, context: ServiceContext): Promise<EmulatorReply> {
  return answerTwirp(() => {
    const call = parseTwirpCall(request, ARTIFACT_SERVICE);
    const caller = authenticateRuntimeToken(request, context.world);
    switch (call.method) {
      case 'CreateArtifact':
        return createArtifact(call.body, caller, context);
      case 'FinalizeArtifact':
        return finalizeArtifact(call.body, caller, context);
      case 'ListArtifacts':
        return listArtifacts(call.body, caller, context.world);
      case 'GetSignedArtifactURL':
        return getSignedArtifactUrl(call.body, caller, context);
      case 'DeleteArtifact':
        return deleteArtifact(call.body, caller, context.world);
      default:
        throw new TwirpError('bad_route', `no handler for ${ARTIFACT_SERVICE}/${call.method}`);
    }
  });
}

export const artifactService: Service = {
  name: 'artifact',
  owns: (path) => path.startsWith(`/twirp/${ARTIFACT_SERVICE}/`),
  handle,
  errorReply: (status, message) => twirpErrorReply(codeForStatus(status), message),
};
