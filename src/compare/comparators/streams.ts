/**
 * Single compressed streams — gzip, zstd, xz: header fields (gzip MTIME and FNAME, zstd content
 * size and dictionary id, xz check and filters) kept apart from the payload. A difference only in
 * a header is reported as exactly that: fields, no payload child. A differing payload is expanded
 * under the top-level file's budget (shared with every level nested in it) and compared by the
 * whole registry (so `x.tar.gz` nests into tar).
 */
import { createHash } from 'node:crypto';
import {
  ExpansionBudget,
  baseName,
  errorMessage,
  formatEpoch,
  formatSize,
  hexBytes,
} from '../archive/bytes.js';
import { FEXTRA, FCOMMENT, FNAME, type GzipHeader, decodeGzip, isGzip, parseGzipHeader } from '../archive/gzip-reader.js';
import { FieldCollector, canNest, depthCapReason, payloadName, unexpandedNode } from '../archive/nodes.js';
import { LZMA_HEADER_SIZE, type LzmaHeader, decodeLzma, isLzmaAlone, parseLzmaHeader } from '../archive/lzma-decoder.js';
import { decodeXz } from '../archive/xz-decoder.js';
import { CHECK_NAMES, isXz, parseXz, type XzStream } from '../archive/xz-reader.js';
import { type Frame, type ZstdFrame, decodeZstd, isZstd, parseZstdFrames } from '../archive/zstd-reader.js';
import { type Comparator, ComparatorFallback, type ComparatorId, type CompareContext, type Difference } from '../types.js';

type Suffixes = ReadonlyArray<readonly [string, string]>;
const GZIP_SUFFIXES: Suffixes = [['.tgz', '.tar'], ['.taz', '.tar'], ['.svgz', '.svg'], ['.gz', ''], ['.z', '']];
const ZSTD_SUFFIXES: Suffixes = [['.tzst', '.tar'], ['.zstd', ''], ['.zst', '']];
const XZ_SUFFIXES: Suffixes = [['.txz', '.tar'], ['.xz', '']];
const LZMA_SUFFIXES: Suffixes = [['.tlz', '.tar'], ['.lzma', '']];

function payloadPath(path: string, suffixes: Suffixes): string {
  return `${path}!/${payloadName(baseName(path), suffixes)}`;
}

function parseOrFallback<T>(comparator: ComparatorId, label: 'before' | 'after', parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new ComparatorFallback(`cannot read the ${comparator} stream (${label}): ${errorMessage(error)}`);
  }
}

function digest(data: Buffer): string {
  return `sha256 ${createHash('sha256').update(data).digest('hex').slice(0, 16)}…`;
}

interface PayloadJob {
  comparator: ComparatorId;
  path: string;
  target: string;
  /** Whether header differences were found: then a corrupt payload is a note, not a fallback. */
  foundFields: boolean;
  /** The compressed bodies: when equal the payload is too, and nothing is expanded. */
  bodies: [Buffer, Buffer];
  decode: (side: 'before' | 'after', budget: ExpansionBudget) => Buffer;
  ctx: CompareContext;
}

/**
 * The payload's differences, none when the compressed bodies are equal. Limits (depth, size)
 * become an explained leaf; a corrupt payload too, unless no header field differs, in which case
 * the registry falls back to bytes with the reason.
 */
function comparePayload(job: PayloadJob): Difference[] {
  const { comparator, target, bodies, ctx } = job;
  if (bodies[0].equals(bodies[1])) return [];
  const summary = `compressed payload differs (${formatSize(bodies[0].length)} → ${formatSize(bodies[1].length)})`;
  if (!canNest(ctx)) return [unexpandedNode(comparator, target, summary, depthCapReason(ctx))];
  const payloads: Buffer[] = [];
  for (const side of ['before', 'after'] as const) {
    try {
      payloads.push(job.decode(side, ctx.budgets?.[side] ?? new ExpansionBudget(ctx.limits.maxExpandedBytes)));
    } catch (error) {
      const reason = `${side}: ${errorMessage(error)}`;
      const limited = (error as { name?: string }).name === 'ExpansionLimitError';
      if (!limited && !job.foundFields) throw new ComparatorFallback(`${comparator} payload not decoded: ${reason}`);
      return [unexpandedNode(comparator, target, summary, reason)];
    }
  }
  const [before, after] = payloads as [Buffer, Buffer];
  if (before.equals(after)) {
    const same = new FieldCollector(comparator, job.path, '');
    const sizes = bodies[0].length !== bodies[1].length;
    same.add('compressed-data', `same payload (${formatSize(before.length)}), compressed differently`,
      sizes ? `${bodies[0].length} bytes compressed` : digest(bodies[0]), sizes ? `${bodies[1].length} bytes compressed` : digest(bodies[1]));
    return same.differences;
  }
  return [ctx.compareNested(target, before, after)];
}

// ---------------------------------------------------------------------------------------------
// gzip

const GZIP_OS: Record<number, string> = {
  0: 'FAT', 1: 'Amiga', 2: 'VMS', 3: 'Unix', 4: 'VM/CMS', 5: 'Atari TOS', 6: 'HPFS', 7: 'Macintosh', 8: 'Z-System',
  9: 'CP/M', 10: 'TOPS-20', 11: 'NTFS', 12: 'QDOS', 13: 'Acorn RISCOS', 255: 'unknown',
};

const XFL_NAMES: Record<number, string> = { 2: 'maximum compression', 4: 'fastest compression' };

/** FLG bits not already shown by their own fields (FNAME, FCOMMENT, FEXTRA presence). */
function formatFlg(flags: number): string {
  const shown = flags & ~(FNAME | FCOMMENT | FEXTRA);
  const names: string[] = [];
  if (shown & 0x01) names.push('FTEXT');
  if (shown & 0x02) names.push('FHCRC');
  if (shown & 0xe0) names.push(`reserved 0x${(shown & 0xe0).toString(16)}`);
  return names.length > 0 ? names.join(', ') : '(none)';
}

function gzipFields(path: string, prefix: string, a: GzipHeader, b: GzipHeader): Difference[] {
  const fields = new FieldCollector('gzip', path, '');
  const label = prefix === '' ? 'gzip' : `gzip ${prefix}`;
  const key = prefix === '' ? '' : `${prefix}.`;
  const mtime = (h: GzipHeader): string => (h.mtime === 0 ? '0 (not set)' : formatEpoch(h.mtime));
  const text = (value: string | undefined): string => (value === undefined ? '(absent)' : JSON.stringify(value));
  fields.add(`${key}mtime`, `${label} MTIME`, mtime(a), mtime(b));
  fields.add(`${key}fname`, `${label} FNAME (original file name)`, text(a.name), text(b.name));
  fields.add(`${key}fcomment`, `${label} FCOMMENT`, text(a.comment), text(b.comment));
  fields.add(`${key}fextra`, `${label} FEXTRA`, a.extra === undefined ? '(absent)' : hexBytes(a.extra), b.extra === undefined ? '(absent)' : hexBytes(b.extra));
  fields.add(`${key}os`, `${label} OS`, `${a.os} (${GZIP_OS[a.os] ?? 'undefined'})`, `${b.os} (${GZIP_OS[b.os] ?? 'undefined'})`);
  fields.add(`${key}xfl`, `${label} XFL`, `${a.xfl}${XFL_NAMES[a.xfl] ? ` (${XFL_NAMES[a.xfl]})` : ''}`, `${b.xfl}${XFL_NAMES[b.xfl] ? ` (${XFL_NAMES[b.xfl]})` : ''}`);
  fields.add(`${key}flg`, `${label} FLG`, formatFlg(a.flags), formatFlg(b.flags));
  return fields.differences;
}

export const gzipComparator: Comparator = {
  id: 'gzip',
  recognizes: (_path, head) => isGzip(head),
  compare(path, before, after, ctx) {
    const ha = parseOrFallback('gzip', 'before', () => parseGzipHeader(before, 0));
    const hb = parseOrFallback('gzip', 'after', () => parseGzipHeader(after, 0));
    const fields = gzipFields(path, '', ha, hb);
    const target = payloadPath(path, GZIP_SUFFIXES);
    const bodies: [Buffer, Buffer] = [before.subarray(ha.length), after.subarray(hb.length)];
    const streams = new Map<string, ReturnType<typeof decodeGzip>>();
    const decode = (side: 'before' | 'after', budget: ExpansionBudget): Buffer => {
      const stream = decodeGzip(side === 'before' ? before : after, budget);
      streams.set(side, stream);
      return stream.payload;
    };
    const payload = comparePayload({ comparator: 'gzip', path, target, foundFields: fields.length > 0, bodies, decode, ctx });
    const sa = streams.get('before');
    const sb = streams.get('after');
    if (sa === undefined || sb === undefined) return [...fields, ...payload];
    // Later members of a multi-member file, and what follows the last one.
    const extra = new FieldCollector('gzip', path, '');
    extra.add('members', 'gzip members', String(sa.members.length), String(sb.members.length));
    extra.add('trailing', 'bytes after the last gzip member', hexBytes(sa.trailing), hexBytes(sb.trailing));
    const later: Difference[] = [];
    for (let i = 1; i < Math.min(sa.members.length, sb.members.length); i++) {
      later.push(...gzipFields(path, `member${i + 1}`, sa.members[i] as GzipHeader, sb.members[i] as GzipHeader));
    }
    return [...fields, ...extra.differences, ...later, ...payload];
  },
};

// ---------------------------------------------------------------------------------------------
// zstd

function zstdFields(path: string, prefix: string, a: ZstdFrame, b: ZstdFrame): Difference[] {
  const fields = new FieldCollector('zstd', path, '');
  const label = prefix === '' ? 'zstd' : `zstd ${prefix}`;
  const key = prefix === '' ? '' : `${prefix}.`;
  const size = (value: number | undefined): string => (value === undefined ? '(not recorded)' : `${value} bytes`);
  fields.add(`${key}content-size`, `${label} frame content size`, size(a.contentSize), size(b.contentSize));
  fields.add(`${key}dictionary-id`, `${label} dictionary id`, a.dictionaryId === 0 ? '(none)' : String(a.dictionaryId), b.dictionaryId === 0 ? '(none)' : String(b.dictionaryId));
  fields.add(`${key}checksum`, `${label} content checksum`, a.checksum ? 'present' : 'absent', b.checksum ? 'present' : 'absent');
  fields.add(`${key}window-size`, `${label} window size`, size(a.windowSize), size(b.windowSize));
  fields.add(`${key}single-segment`, `${label} single segment`, String(a.singleSegment), String(b.singleSegment));
  return fields.differences;
}

function describeSkippable(frames: readonly Frame[]): string {
  const skippable = frames.filter((f) => f.kind === 'skippable');
  if (skippable.length === 0) return '(none)';
  return skippable.map((f) => `#${f.variant} ${f.data.length} bytes ${hexBytes(f.data, 16)}`).join('; ');
}

/** The blocks of every frame: headers and checksums are fields, so only blocks decide the payload. */
function frameBodies(buf: Buffer, frames: readonly Frame[]): Buffer {
  const bodies = frames.filter((f): f is ZstdFrame => f.kind === 'zstd').map((f) => buf.subarray(f.offset + f.headerLength, f.offset + f.blocksEnd));
  return bodies.length === 1 ? (bodies[0] as Buffer) : Buffer.concat(bodies);
}

export const zstdComparator: Comparator = {
  id: 'zstd',
  recognizes: (_path, head) => isZstd(head),
  compare(path, before, after, ctx) {
    const fa = parseOrFallback('zstd', 'before', () => parseZstdFrames(before));
    const fb = parseOrFallback('zstd', 'after', () => parseZstdFrames(after));
    const za = fa.filter((f): f is ZstdFrame => f.kind === 'zstd');
    const zb = fb.filter((f): f is ZstdFrame => f.kind === 'zstd');
    const counts = new FieldCollector('zstd', path, '');
    counts.add('frames', 'zstd frames', String(za.length), String(zb.length));
    counts.add('skippable', 'zstd skippable frames', describeSkippable(fa), describeSkippable(fb));
    const fields = [...counts.differences];
    for (let i = 0; i < Math.min(za.length, zb.length); i++) {
      fields.push(...zstdFields(path, i === 0 ? '' : `frame${i + 1}`, za[i] as ZstdFrame, zb[i] as ZstdFrame));
    }
    const payload = comparePayload({
      comparator: 'zstd',
      path,
      target: payloadPath(path, ZSTD_SUFFIXES),
      foundFields: fields.length > 0,
      bodies: [frameBodies(before, fa), frameBodies(after, fb)],
      decode: (side, budget) => (side === 'before' ? decodeZstd(before, fa, budget) : decodeZstd(after, fb, budget)),
      ctx,
    });
    return [...fields, ...payload];
  },
};

// ---------------------------------------------------------------------------------------------
// xz

function xzFields(path: string, prefix: string, a: XzStream, b: XzStream): Difference[] {
  const fields = new FieldCollector('xz', path, '');
  const label = prefix === '' ? 'xz' : `xz ${prefix}`;
  const key = prefix === '' ? '' : `${prefix}.`;
  const check = (s: XzStream): string => CHECK_NAMES[s.checkType] ?? `check type ${s.checkType}`;
  fields.add(`${key}check`, `${label} integrity check`, check(a), check(b));
  fields.add(`${key}filters`, `${label} filters`, a.filters || '(no blocks)', b.filters || '(no blocks)');
  fields.add(`${key}blocks`, `${label} blocks`, String(a.blocks), String(b.blocks));
  fields.add(`${key}uncompressed-size`, `${label} uncompressed size`, `${a.uncompressedSize} bytes`, `${b.uncompressedSize} bytes`);
  fields.add(`${key}padding`, `${label} stream padding`, `${a.padding} bytes`, `${b.padding} bytes`);
  return fields.differences;
}

export const xzComparator: Comparator = {
  id: 'xz',
  recognizes: (_path, head) => isXz(head),
  compare(path, before, after, ctx) {
    if (before.equals(after)) return [];
    const sa = parseOrFallback('xz', 'before', () => parseXz(before));
    const sb = parseOrFallback('xz', 'after', () => parseXz(after));
    const counts = new FieldCollector('xz', path, '');
    counts.add('streams', 'xz streams', String(sa.length), String(sb.length));
    const fields = [...counts.differences];
    for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
      fields.push(...xzFields(path, i === 0 ? '' : `stream${i + 1}`, sa[i] as XzStream, sb[i] as XzStream));
    }
    const declared = (streams: readonly XzStream[]): number => streams.reduce((sum, s) => sum + s.uncompressedSize, 0);
    const payload = comparePayload({
      comparator: 'xz',
      path,
      target: payloadPath(path, XZ_SUFFIXES),
      foundFields: fields.length > 0,
      bodies: [before, after],
      decode: (side, budget) => (side === 'before' ? decodeXz(before, budget, declared(sa)) : decodeXz(after, budget, declared(sb))),
      ctx,
    });
    return [...fields, ...payload];
  },
};

// ---------------------------------------------------------------------------------------------
// lzma (LZMA_alone): no magic, so the name must say so and the header must look like an encoder's.

function lzmaFields(path: string, a: LzmaHeader, b: LzmaHeader): Difference[] {
  const fields = new FieldCollector('lzma', path, '');
  const props = (h: LzmaHeader): string => `lc=${h.lc} lp=${h.lp} pb=${h.pb}`;
  fields.add('properties', 'lzma properties', props(a), props(b));
  fields.add('dictionary-size', 'lzma dictionary size', formatSize(a.dictionarySize), formatSize(b.dictionarySize));
  // Two recorded sizes that differ are the payload's own difference, compared below; only whether
  // the writer recorded one (or relied on the end marker) is a setting of the compressor.
  if ((a.uncompressedSize === undefined) !== (b.uncompressedSize === undefined)) {
    const size = (h: LzmaHeader): string => (h.uncompressedSize === undefined ? '(not recorded; end marker)' : `${h.uncompressedSize} bytes`);
    fields.add('uncompressed-size', 'lzma uncompressed size in the header', size(a), size(b));
  }
  return fields.differences;
}

export const lzmaComparator: Comparator = {
  id: 'lzma',
  recognizes: (path, head) => LZMA_SUFFIXES.some(([suffix]) => baseName(path).toLowerCase().endsWith(suffix)) && isLzmaAlone(head),
  compare(path, before, after, ctx) {
    if (before.equals(after)) return [];
    const ha = parseOrFallback('lzma', 'before', () => parseLzmaHeader(before));
    const hb = parseOrFallback('lzma', 'after', () => parseLzmaHeader(after));
    const fields = lzmaFields(path, ha, hb);
    const payload = comparePayload({
      comparator: 'lzma',
      path,
      target: payloadPath(path, LZMA_SUFFIXES),
      foundFields: fields.length > 0,
      bodies: [before.subarray(LZMA_HEADER_SIZE), after.subarray(LZMA_HEADER_SIZE)],
      decode: (side, budget) => decodeLzma(side === 'before' ? before : after, budget),
      ctx,
    });
    return [...fields, ...payload];
  },
};
