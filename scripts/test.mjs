#!/usr/bin/env node
// `npm test`: type-check, run jest (ESM), then print the closing line CI reads: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';

const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(`E_NODE: npm scripts must run under Node 24 (found ${process.version}); run 'npm ci' so the node@24 devDependency is on PATH.`);
  process.exit(2);
}

const extra = process.argv.slice(2);
const typecheck = spawnSync('tsc', ['--noEmit', '-p', 'tsconfig.json'], { stdio: 'inherit', shell: false });
if (typecheck.status !== 0) {
  console.error('typecheck failed');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

mkdirSync('test-results', { recursive: true });
const out = 'test-results/jest.json';
const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim() };
const jest = spawnSync('jest', ['--json', `--outputFile=${out}`, ...extra], { stdio: 'inherit', env });

let passed = 0;
let failed = 0;
if (existsSync(out)) {
  const results = JSON.parse(readFileSync(out, 'utf8'));
  passed = results.numPassedTests;
  failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
}
if (jest.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(jest.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
