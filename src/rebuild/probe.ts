/** Small checks the variations make before a rebuild: is a tool on PATH, does a command work here, what kind of binary is this. */
import { execFile } from 'node:child_process';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { isExecutableFile } from '../snapshot/metadata/executable-file.js';

/** The absolute path `name` runs as: itself when it names a path (relative to `cwd`), else the first executable on PATH. */
export function findExecutable(name: string, env: NodeJS.ProcessEnv, cwd: string): string | null {
  const candidates = name.includes('/') ? [isAbsolute(name) ? name : resolve(cwd, name)] : (env.PATH ?? '').split(delimiter).filter((d) => d !== '').map((d) => join(d, name));
  return candidates.find(isExecutableFile) ?? null;
}

export interface ProbeResult {
  ok: boolean;
  /** The command's output (stderr, else stdout), trimmed to one line, for a skip reason. */
  detail: string;
}

/** Runs a command to see whether it works here (a namespace, a FUSE mount); never throws. */
export function tryCommand(argv: readonly string[], env: NodeJS.ProcessEnv, timeoutMs = 10_000): Promise<ProbeResult> {
  const [file, ...args] = argv;
  if (file === undefined) return Promise.resolve({ ok: false, detail: 'no command' });
  return new Promise((done) => {
    execFile(file, args, { env, timeout: timeoutMs, encoding: 'utf8' }, (error, stdout, stderr) => {
      const text = `${stderr}`.trim() || `${stdout}`.trim() || (error === null ? '' : error.message);
      const line = text.split('\n').filter((l) => l.trim() !== '').pop() ?? '';
      done({ ok: error === null, detail: line.slice(0, 200) });
    });
  });
}

/** What LD_PRELOAD (libfaketime) can do to a program: nothing when it is static or a Go binary. */
export type BinaryKind = 'dynamic' | 'static' | 'go' | 'not-elf';

const GO_BUILDINFO = Buffer.from('\xff Go buildinf:', 'latin1');
const PT_INTERP = 3;

/** Reads an executable's ELF program headers (and looks for Go's build info) to tell how it is linked. */
export function binaryKind(path: string): BinaryKind {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return 'not-elf';
  }
  try {
    const size = statSync(path).size;
    // Headers and Go's build info sit near the start; 4 MiB bounds the read for huge binaries.
    const head = Buffer.alloc(Math.min(size, 4 * 1024 * 1024));
    readSync(fd, head, 0, head.length, 0);
    if (head.length < 64 || head.readUInt32BE(0) !== 0x7f454c46) return 'not-elf';
    if (head.includes(GO_BUILDINFO)) return 'go';
    const is64 = head[4] === 2;
    const little = head[5] === 1;
    const u16 = (at: number): number => (little ? head.readUInt16LE(at) : head.readUInt16BE(at));
    const u32 = (at: number): number => (little ? head.readUInt32LE(at) : head.readUInt32BE(at));
    const phoff = is64 ? Number(little ? head.readBigUInt64LE(32) : head.readBigUInt64BE(32)) : u32(28);
    const phentsize = u16(is64 ? 54 : 42);
    const phnum = u16(is64 ? 56 : 44);
    for (let i = 0; i < phnum; i++) {
      const at = phoff + i * phentsize;
      if (at + 4 > head.length) break;
      if (u32(at) === PT_INTERP) return 'dynamic';
    }
    return 'static';
  } catch {
    return 'not-elf';
  } finally {
    closeSync(fd);
  }
}
