/** Action input and output names: exactly the keys in action.yml. */
export const Inputs = {
  Path: 'path',
  IncludeHiddenFiles: 'include-hidden-files',
  IfNoFilesFound: 'if-no-files-found',
  Name: 'name',
  Mode: 'mode',
  Baseline: 'baseline',
  BaselineRef: 'baseline-ref',
  BaselineEvents: 'baseline-events',
  Workflow: 'workflow',
  MetadataCommands: 'metadata-commands',
  EnvAllowlist: 'env-allowlist',
  Probes: 'probes',
  Ignore: 'ignore',
  Exclude: 'exclude',
  StripHash: 'strip-hash',
  FailOn: 'fail-on',
  FailOnMissingBaseline: 'fail-on-missing-baseline',
  Comment: 'comment',
  MaxAnnotations: 'max-annotations',
  RetentionDays: 'retention-days',
  Upload: 'upload',
  HtmlReport: 'html-report',
  Token: 'token',
  Registry: 'registry',
  BuildCommand: 'build-command',
  Vary: 'vary',
  Bisect: 'bisect',
  MaxBuilds: 'max-builds',
} as const;

export const Outputs = {
  Verdict: 'verdict',
  Drift: 'drift',
  ChangedCount: 'changed-count',
  AddedCount: 'added-count',
  RemovedCount: 'removed-count',
  RenamedCount: 'renamed-count',
  SnapshotPath: 'snapshot-path',
  ArtifactId: 'artifact-id',
  ArtifactUrl: 'artifact-url',
  ArtifactDigest: 'artifact-digest',
  SnapshotKind: 'snapshot-kind',
  SnapshotUploadBytes: 'snapshot-upload-bytes',
  BaselineRunId: 'baseline-run-id',
  BaselineSha: 'baseline-sha',
  ReportPath: 'report-path',
  CommentBodyPath: 'comment-body-path',
  CommentUrl: 'comment-url',
  Reproducible: 'reproducible',
  Culprits: 'culprits',
} as const;

/** Artifact names: the snapshot, and the reports (JSON, HTML, and a comment body for `mode: post`). */
export const snapshotArtifactName = (name: string): string => `vitsnap-${name}`;
export const reportArtifactName = (name: string): string => `vitsnap-${name}-report`;
/** `mode: rebuild`'s two snapshots and build logs: not named like a snapshot artifact, so never taken for a baseline. */
export const rebuildArtifactName = (name: string): string => `vitsnap-${name}-rebuild`;
/** Cache keys: saved per ref and sha on the default branch, restored by prefix. */
export const cacheKeyPrefix = (name: string, ref: string): string => `vitsnap-${name}-${ref}-`;
