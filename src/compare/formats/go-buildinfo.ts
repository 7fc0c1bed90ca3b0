/**
 * Go build information (`go version -m`): the `.go.buildinfo` blob Go 1.18+ writes with the
 * toolchain version and the module info inline — main package path, module and dependency
 * versions, and the build settings (`-trimpath`, `-ldflags`, `vcs.revision`, `vcs.time`, …).
 * Older binaries point into their data instead; those are not decoded.
 */
import { ByteView } from './bytes.js';

const MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
const FLAG_INLINE = 0x2;
/** The module info is framed by 16 bytes on each side; the last framed byte is a newline. */
const FRAME = 16;

export interface GoBuildInfo {
  goVersion: string;
  /** `path`, `mod`, `dep <module>`, `build <key>` … → value, in the order Go wrote them. */
  settings: Map<string, string>;
}

export function isGoBuildInfo(buf: Buffer): boolean {
  return buf.length >= 32 && buf.subarray(0, MAGIC.length).equals(MAGIC);
}

function uvarint(view: ByteView, at: number): [number, number] {
  let value = 0;
  for (let shift = 0, i = at; shift < 64; shift += 7, i++) {
    const byte = view.u8(i, 'string length');
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [value, i + 1];
  }
  return view.fail('string length longer than 10 bytes');
}

function inlineString(view: ByteView, at: number, what: string): [string, number] {
  const [length, start] = uvarint(view, at);
  return [view.bytes(start, length, what).toString('utf8'), start + length];
}

/** Parses the blob of a `.go.buildinfo` section; throws `ComparatorFallback` on what it cannot read. */
export function parseGoBuildInfo(buf: Buffer): GoBuildInfo {
  const view = new ByteView(buf, 'le', 'Go build info');
  if (!isGoBuildInfo(buf)) view.fail('no "\\xff Go buildinf:" magic');
  const flags = view.u8(15, 'flags');
  if ((flags & FLAG_INLINE) === 0) view.fail('a pre-1.18 layout (version and module info behind pointers), not decoded');
  const [goVersion, next] = inlineString(view, 32, 'Go version');
  let [modinfo] = inlineString(view, next, 'module info');
  if (modinfo.length >= 2 * FRAME + 1 && modinfo[modinfo.length - FRAME - 1] === '\n') modinfo = modinfo.slice(FRAME, modinfo.length - FRAME);
  const settings = new Map<string, string>();
  for (const line of modinfo.split('\n')) {
    const [kind, ...rest] = line.split('\t');
    if (kind === undefined || kind === '') continue;
    if (kind === 'build') {
      const setting = rest.join('\t');
      const eq = setting.indexOf('=');
      settings.set(`build ${eq < 0 ? setting : setting.slice(0, eq)}`, eq < 0 ? '' : setting.slice(eq + 1));
    } else if (kind === 'dep' || kind === '=>') {
      settings.set(`${kind} ${rest[0] ?? ''}`, rest.slice(1).join(' '));
    } else {
      settings.set(kind, rest.join(' '));
    }
  }
  return { goVersion, settings };
}
