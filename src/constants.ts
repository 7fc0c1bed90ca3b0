/** Action input and output names: exactly the keys in action.yml. */
export const Inputs = {
  Path: 'path',
  Name: 'name',
  MetadataCommands: 'metadata-commands',
  EnvAllowlist: 'env-allowlist',
} as const;

export const Outputs = {
  SnapshotPath: 'snapshot-path',
} as const;
