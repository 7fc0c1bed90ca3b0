/** What the cause classifier is given besides the tree: file bytes when known, toolchain changes. */

/** All bytes of one side of the file a node describes (by its display path), when known. */
export type ReadBytes = (path: string) => Buffer | undefined;

/** A toolchain whose probe differs between the two snapshots' metadata. */
export interface ToolchainChange {
  name: string;
  before?: string | null;
  after?: string | null;
}

export interface ClassifyContext {
  before?: ReadBytes;
  after?: ReadBytes;
  /** Tool names (`gcc`) or changes with their version texts, from the snapshots' metadata. */
  toolchainChanged?: ReadonlyArray<string | ToolchainChange>;
}

export type Verdict = 'identical' | 'drift-explained' | 'drift-unexplained';
