/**
 * Child-process probe for memory tests: reads one snapshot the way a command does and prints
 * `{"result": "ok" | error code, "maxRssBytes": n}`. A crash (an untyped error, V8 running out of
 * heap) shows as a non-zero exit without that line. Run it with `--max-old-space-size`.
 *
 *   node --import src/dev/ts-worker-hooks.ts __tests__/helpers/read-probe.ts verify|info|export|diff FILE
 *
 * `diff` compares FILE with itself: both sides loaded at once, every entry paired.
 */
import { readFileSync } from 'node:fs';
import { diffCommand } from '../../src/commands/diff.js';
import { exportCommand } from '../../src/commands/export.js';
import type { Logger } from '../../src/commands/logger.js';
import { isVitsnapError } from '../../src/errors.js';
import { limitYoungGeneration } from '../../src/heap.js';
import { SnapshotReader } from '../../src/snapshot/reader.js';

export type ProbeMode = 'info' | 'verify' | 'export' | 'diff';

/** Reads `file` as `mode` does; returns 'ok' or the typed error's code and rethrows anything else. */
export async function probeSnapshot(mode: ProbeMode, file: string): Promise<string> {
  try {
    if (mode === 'export' || mode === 'diff') {
      let bytes = 0;
      const sink: Logger = { out: (line) => void (bytes += line.length), note: () => undefined, warn: () => undefined, progress: () => undefined, status: () => undefined, done: () => undefined };
      const ctx = { log: sink, cwd: process.cwd(), env: {} };
      const code = mode === 'export' ? await exportCommand.run([file], ctx) : await diffCommand.run(['--json', file, file], ctx);
      return code === 0 ? 'ok' : `exit ${code}`;
    }
    const reader = SnapshotReader.open(file);
    try {
      if (mode === 'verify') reader.verify();
    } finally {
      reader.close();
    }
    return 'ok';
  } catch (error) {
    if (isVitsnapError(error)) return error.code;
    throw error;
  }
}

/**
 * Peak RSS of this process. Not `resourceUsage().maxRSS`: Linux carries the parent's peak into a
 * forked child's maxrss across exec, so a child of a big test process would report the parent's.
 * VmHWM belongs to the address space exec created.
 */
export function peakRssBytes(): number {
  try {
    const match = /^VmHWM:\s*(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match !== null) return Number(match[1]) * 1024;
  } catch {
    // No procfs: fall back to getrusage, an upper bound.
  }
  return process.resourceUsage().maxRSS * 1024;
}

if (process.argv[1]?.endsWith('read-probe.ts') === true) {
  // As the CLI and the action do at start-up: peak memory depends on it.
  limitYoungGeneration();
  const [mode, file] = process.argv.slice(2) as [ProbeMode, string];
  const result = await probeSnapshot(mode, file);
  process.stdout.write(`${JSON.stringify({ result, maxRssBytes: peakRssBytes() })}\n`);
}
