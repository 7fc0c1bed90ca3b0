/**
 * The action: inputs → capture → outputs. Uploading, baselines, comparing and reporting arrive
 * with the later issues; today the action captures a snapshot and says where it is.
 */
import * as core from '@actions/core';
import { join, resolve } from 'node:path';
import { Outputs } from './constants.js';
import { isVitsnapError } from './errors.js';
import { getInputs } from './inputs.js';
import { captureSnapshot } from './snapshot/capture.js';
import { collectMetadata } from './snapshot/metadata/index.js';

export async function run(): Promise<void> {
  try {
    const inputs = getInputs();
    const root = resolve(process.env.GITHUB_WORKSPACE ?? process.cwd());
    const output = join(process.env.RUNNER_TEMP ?? root, `vitsnap-${inputs.name}.vitsnap`);
    const metadata = () =>
      collectMetadata({ root, envAllowlist: inputs.envAllowlist, commands: inputs.metadataCommands }).then((m) => {
        for (const w of m.warnings) core.warning(w);
        return { metadata: m.metadata, source: m.source };
      });
    const result = await core.group('Capture snapshot', () =>
      captureSnapshot({ root, patterns: inputs.patterns, output, metadata, sourceDateEpoch: process.env.SOURCE_DATE_EPOCH }),
    );
    const s = result.manifest.stats;
    core.info(`snapshot ${result.output}: ${s.files} files, ${s.bytes} bytes → ${result.size} bytes`);
    core.setOutput(Outputs.SnapshotPath, result.output);
  } catch (error) {
    core.setFailed(isVitsnapError(error) ? `${error.code}: ${error.message}` : (error as Error).message);
  }
}
