#!/usr/bin/env node
/** The `vitsnap` executable (bundled to dist/cli/index.js): checks the runtime, then runs the CLI. */
import { EXIT_ERROR, installSignalHandlers, runCli } from './cli.js';
import { limitYoungGeneration } from './heap.js';

const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(`vitsnap: error E_NODE: vitsnap needs Node.js 24 or newer (this is ${process.version}); in this repo, run it through 'npx vitsnap' or an npm script\n`);
  process.exitCode = EXIT_ERROR;
} else {
  limitYoungGeneration();
  installSignalHandlers();
  process.exitCode = await runCli(process.argv.slice(2));
}
