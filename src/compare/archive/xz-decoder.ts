/**
 * xz decoding, synchronous and bounded. The decoder is xz-embedded compiled to WebAssembly, as
 * shipped by the `xz-decompress` package (no native code, so it runs on every runner). The
 * package only offers an async web-stream API and comparators are synchronous, so we instantiate
 * its module ourselves and drive it chunk by chunk: the output so far is checked against the
 * expansion budget before the next chunk is produced, so a bomb stops at the budget, never at memory.
 */
import { readFileSync } from 'node:fs';
import { ArchiveFormatError, type ExpansionBudget, formatSize } from './bytes.js';
import { planSha256, verifySha256 } from './xz-sha256.js';

/** xz-embedded's return codes (xz.h `enum xz_ret`). */
const XZ_RESULTS: Record<number, string> = {
  0: 'ok', 1: 'stream end', 2: 'unsupported check', 3: 'memory limit', 4: 'out of memory',
  5: 'not an xz stream (format error)', 7: 'corrupt data (or a failed integrity check)', 8: 'buffer error',
  // SHA-256 streams never reach it: xz-sha256.ts rewrites them to check None and verifies them itself.
  6: 'unsupported options',
};

/** The slice of the WebAssembly global we use (the project's `lib` has no DOM/WebAssembly types). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

interface XzExports {
  memory: { buffer: ArrayBuffer };
  create_context: () => number;
  destroy_context: (ptr: number) => void;
  supply_input: (ptr: number, length: number) => void;
  get_next_output: (ptr: number) => number;
}

/** Duck-typed: the module's objects may come from another realm (jest's vm), so no `instanceof`. */
function isXzExports(value: unknown): value is XzExports {
  if (typeof value !== 'object' || value === null) return false;
  const names = ['create_context', 'destroy_context', 'supply_input', 'get_next_output'];
  return 'memory' in value && typeof (value.memory as { buffer?: { byteLength?: unknown } } | null)?.buffer?.byteLength === 'number' && names.every((n) => typeof (value as Record<string, unknown>)[n] === 'function');
}

let instance: XzExports | undefined;

/** The package embeds its module as a base64 data URL; read it from the pinned package file. */
function loadDecoder(): XzExports {
  if (instance !== undefined) return instance;
  // A literal `new URL(…, import.meta.url)` so the bundler ships the file as an asset beside the bundle.
  const file = new URL('../../../node_modules/xz-decompress/dist/package/xz-decompress.js', import.meta.url);
  const match = /data:application\/wasm;base64,([A-Za-z0-9+/=]+)/.exec(readFileSync(file, 'latin1'));
  if (match?.[1] === undefined) throw new ArchiveFormatError(`no WebAssembly module found in ${file.pathname}: reinstall xz-decompress at the version package.json pins`);
  const exports: unknown = new wasm.Instance(new wasm.Module(Buffer.from(match[1], 'base64')), {}).exports;
  if (!isXzExports(exports)) throw new ArchiveFormatError(`${file.pathname} does not export the xz-embedded functions this build expects`);
  instance = exports;
  return exports;
}

/**
 * Every stream of an .xz file, concatenated (as `xz -d` does). ExpansionLimitError past the
 * budget; ArchiveFormatError when corrupt, truncated or using an option xz-embedded lacks.
 */
export function decodeXz(input: Buffer, budget: ExpansionBudget, declaredSize: number): Buffer {
  const plan = planSha256(input);
  if (plan === undefined) return drive(input, budget, declaredSize);
  const output = drive(plan.rewritten, budget, declaredSize);
  verifySha256(output, plan);
  return output;
}

function drive(input: Buffer, budget: ExpansionBudget, declaredSize: number): Buffer {
  if (declaredSize > budget.remaining) {
    throw budget.refuse('the xz stream', `declares ${formatSize(declaredSize)} uncompressed (index), more than`);
  }
  const xz = loadDecoder();
  const ptr = xz.create_context();
  // The context layout (xz-decompress's C glue): bufSize, in ptr, in pos, in size, out ptr, out pos.
  const words = (): Uint32Array => new Uint32Array(xz.memory.buffer, ptr, 6);
  const bytes = (): Uint8Array => new Uint8Array(xz.memory.buffer);
  const [bufSize = 0, inPtr = 0, , , outPtr = 0] = words();
  const parts: Buffer[] = [];
  let at = 0;
  let total = 0;
  try {
    for (;;) {
      const state = words();
      const needsInput = state[2] === state[3];
      if (needsInput) {
        const length = Math.min(bufSize, input.length - at);
        bytes().set(input.subarray(at, at + length), inPtr);
        xz.supply_input(ptr, length);
        at += length;
      }
      const result = xz.get_next_output(ptr);
      if (result !== 0 && result !== 1) {
        throw new ArchiveFormatError(`xz decoder: ${XZ_RESULTS[result] ?? `error ${result}`}`);
      }
      const produced = words()[5] ?? 0;
      total += produced;
      if (total > budget.remaining) throw budget.refuse('the xz stream', 'expands past');
      parts.push(Buffer.from(bytes().slice(outPtr, outPtr + produced)));
      words()[5] = 0;
      if (result === 1) break;
      if (needsInput && at >= input.length && produced === 0) {
        throw new ArchiveFormatError(`xz data ends at ${input.length} bytes before the stream does (truncated)`);
      }
    }
  } finally {
    xz.destroy_context(ptr);
  }
  budget.spend(total, 'the xz stream');
  return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
}
