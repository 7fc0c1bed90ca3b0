/**
 * Keeps V8's young generation small. On a machine with many GiB of RAM V8 lets it grow to ~48 MiB
 * of mostly dead objects; capture creates short-lived objects for every file, so that growth was
 * a third of peak memory with no speed benefit (measured in docs/benchmarks.md). Setting the flag
 * at start-up takes effect because the young generation has not grown yet.
 */
import { setFlagsFromString } from 'node:v8';

export function limitYoungGeneration(): void {
  setFlagsFromString('--max-semi-space-size=2');
  setFlagsFromString('--semi-space-growth-factor=1');
}
