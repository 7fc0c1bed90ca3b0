/**
 * Child-process probe for memory tests: reads one snapshot the way a command does and prints
 * `{"result": "ok" | error code, "maxRssBytes": n}`. A crash (an untyped error, V8 running out of
 * heap) shows as a non-zero exit without that line. Run it with `--max-old-space-size`.
 *
 *   node --import src/dev/ts-worker-hooks.ts __tests__/helpers/read-probe.ts verify|info|export FILE
 */
import { readFileSync } from 'node:fs';
import { exportCommand } from '../../src/commands/export.js';
import type { Logger } from '../../src/commands/logger.js';
import { isVitsnapError } from '../../src/errors.js';
import { SnapshotReader } from '../../src/snapshot/reader.js';

export type ProbeMode = 'info' | 'verify' | 'export';

/** Reads `file` as `mode` does; returns 'ok' or the typed error's code and rethrows anything else. */
export async function probeSnapshot(mode: ProbeMode, file: string): Promise<string> {
  try {
    if (mode === 'export') {
      let bytes = 0;
      const sink = { out: (line: string) => void (bytes += line.length), note: () => undefined, warn: () => undefined, progress: () => undefined };
      await exportCommand.run([file], { log: sink as unknown as Logger, cwd: process.cwd(), env: {} });
      return 'ok';
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
  const [mode, file] = process.argv.slice(2) as [ProbeMode, string];
  const result = await probeSnapshot(mode, file);
  process.stdout.write(`${JSON.stringify({ result, maxRssBytes: peakRssBytes() })}\n`);
}
