/**
 * PNG: chunk list, IHDR fields, tIME, text chunks by keyword, other chunks by type, and whether
 * the decoded pixels are identical. "Only metadata differs; pixels are identical" is the finding
 * that matters for a build: an encoder stamped a time or a comment, the image did not change.
 */
import { decodePixels, MAX_TEXT_BYTES, parsePng, PNG_SIGNATURE, type PngFile, type PngText } from '../formats/png.js';
import {
  bytesDetail,
  bytesNode,
  fieldNode,
  keyed,
  listText,
  multisetDiff,
  node,
  pushField,
  quote,
  unionKeys,
  forSide,
  type DescribedComparator,
} from '../formats/details.js';
import type { CompareContext, Difference } from '../types.js';

const ID = 'png';
const PIXELS = 'pixels';
const IDENTICAL = 'pixels are identical';
/** Chunks with their own treatment below; the rest compare as bytes by type. */
const HANDLED = new Set(['IHDR', 'IDAT', 'IEND', 'tIME', 'tEXt', 'zTXt', 'iTXt']);
/** Chunks that change what the pixels look like, not just what is said about them. */
const PIXEL_CHUNKS = new Set(['IHDR', 'PLTE', 'tRNS']);

function parseSide(buf: Buffer, side: 'old' | 'new', maxBytes: number): PngFile {
  return forSide(side, () => parsePng(buf, maxBytes));
}

function chunkListChild(path: string, a: PngFile, b: PngFile): Difference | undefined {
  const before = a.chunks.map((c) => c.type);
  const after = b.chunks.map((c) => c.type);
  if (before.join(',') === after.join(',')) return undefined;
  const { removed, added } = multisetDiff(before, after);
  const parts: string[] = [];
  if (removed.length > 0) parts.push(`${listText([...new Set(removed)])} removed`);
  if (added.length > 0) parts.push(`${listText([...new Set(added)])} added`);
  const summary = parts.length === 0 ? 'chunk order differs' : `chunk list differs: ${parts.join(', ')}`;
  return node(ID, `${path}:chunks`, 'order', summary, { type: 'order', before, after });
}

function textLabel(text: PngText): string {
  return `${text.chunk} ${text.keyword}`;
}

function textValue(text: PngText | undefined): string {
  if (text === undefined) return '(none)';
  return text.language === '' && text.translated === '' ? text.text : `${text.text} [${text.language}${text.translated === '' ? '' : `, ${text.translated}`}]`;
}

function textChildren(path: string, a: PngFile, b: PngFile): Difference[] {
  const before = keyed(a.texts, (t) => t.keyword);
  const after = keyed(b.texts, (t) => t.keyword);
  const out: Difference[] = [];
  for (const key of unionKeys(before, after)) {
    const x = before.get(key);
    const y = after.get(key);
    const oldValue = textValue(x);
    const newValue = textValue(y);
    const label = textLabel((x ?? y) as PngText);
    if (oldValue === newValue && x?.chunk === y?.chunk) continue;
    const summary =
      x === undefined ? `${label} added: ${quote(newValue)}` : y === undefined ? `${label} removed: ${quote(oldValue)}` : `${label} differs: ${quote(oldValue)} → ${quote(newValue)}`;
    out.push(fieldNode(ID, `${path}:${label}`, label, oldValue, newValue, summary));
  }
  return out;
}

function otherChunkChildren(path: string, a: PngFile, b: PngFile): Difference[] {
  const before = keyed(a.chunks.filter((c) => !HANDLED.has(c.type)), (c) => c.type);
  const after = keyed(b.chunks.filter((c) => !HANDLED.has(c.type)), (c) => c.type);
  const out: Difference[] = [];
  for (const key of unionKeys(before, after)) {
    const x = before.get(key);
    const y = after.get(key);
    const at = `${path}:${key}`;
    if (x === undefined && y !== undefined) out.push(node(ID, at, 'added', `${key} chunk added (${y.data.length} bytes)`));
    else if (y === undefined && x !== undefined) out.push(node(ID, at, 'removed', `${key} chunk removed (${x.data.length} bytes)`));
    else if (x !== undefined && y !== undefined && !x.data.equals(y.data)) out.push(bytesNode(ID, at, `${key} chunk`, x.data, y.data, x.offset + 8, y.offset + 8));
  }
  return out;
}

function headerChildren(path: string, a: PngFile, b: PngFile): Difference[] {
  const out: Difference[] = [];
  const x = a.header;
  const y = b.header;
  pushField(out, ID, `${path}:IHDR size`, 'IHDR size', `${x.width}×${x.height}`, `${y.width}×${y.height}`);
  pushField(out, ID, `${path}:IHDR bit depth`, 'IHDR bit depth', String(x.bitDepth), String(y.bitDepth));
  pushField(out, ID, `${path}:IHDR colour type`, 'IHDR colour type', String(x.colorType), String(y.colorType));
  pushField(out, ID, `${path}:IHDR interlace`, 'IHDR interlace', String(x.interlace), String(y.interlace));
  return out;
}

function compressedData(file: PngFile): Buffer {
  return Buffer.concat(file.chunks.filter((c) => c.type === 'IDAT').map((c) => c.data));
}

/** The pixel verdict: identical samples, differing samples (with ranges), or why we could not tell. */
function pixelChild(path: string, a: PngFile, b: PngFile, maxBytes: number): Difference | undefined {
  const idatA = compressedData(a);
  const idatB = compressedData(b);
  // The same header and the same compressed stream decode to the same samples: no need to inflate.
  const x = a.header;
  const y = b.header;
  const sameHeader = x.width === y.width && x.height === y.height && x.bitDepth === y.bitDepth && x.colorType === y.colorType && x.interlace === y.interlace;
  if (sameHeader && idatA.equals(idatB)) return undefined;
  const pa = decodePixels(a, maxBytes);
  const pb = decodePixels(b, maxBytes);
  const at = `${path}:${PIXELS}`;
  if (!pa.ok || !pb.ok) {
    if (idatA.equals(idatB)) return undefined;
    const reason = !pa.ok ? `old file: ${pa.reason}` : !pb.ok ? `new file: ${pb.reason}` : '';
    const child = bytesNode(ID, `${path}:IDAT`, 'IDAT', idatA, idatB);
    child.summary = `${child.summary}; pixels not compared: ${reason}`;
    return child;
  }
  if (pa.pixels.equals(pb.pixels)) {
    if (idatA.equals(idatB)) return undefined;
    const child = bytesNode(ID, `${path}:IDAT`, 'IDAT', idatA, idatB);
    child.summary = `IDAT bytes differ but the decoded ${IDENTICAL} (other compression or filtering)`;
    return child;
  }
  const detail = bytesDetail(pa.pixels, pb.pixels);
  const sameShape = pa.rowBytes === pb.rowBytes && detail.type === 'bytes';
  let where = '';
  if (sameShape && detail.ranges.length > 0) {
    const first = Math.floor((detail.ranges[0]?.oldOffset ?? 0) / pa.rowBytes);
    const lastRange = detail.ranges[detail.ranges.length - 1];
    const last = Math.floor(((lastRange?.oldOffset ?? 0) + Math.max(0, (lastRange?.oldLength ?? 1) - 1)) / pa.rowBytes);
    where = first === last ? ` in row ${first}` : ` in rows ${first}–${last}${detail.truncated ? ' and beyond' : ''}`;
  }
  const changed = detail.type === 'bytes' ? detail.changedBytes : 0;
  return node(ID, at, 'bytes', `pixel data differs: ${changed} of ${Math.max(pa.pixels.length, pb.pixels.length)} sample bytes${where}`, detail);
}

export const pngComparator: DescribedComparator = {
  id: ID,
  recognizes(_path: string, head: Buffer): boolean {
    return head.length >= 8 && head.subarray(0, 8).equals(PNG_SIGNATURE);
  },
  compare(path: string, before: Buffer, after: Buffer, ctx: CompareContext): Difference[] {
    const max = ctx.limits.maxExpandedBytes;
    const textMax = Math.min(max, MAX_TEXT_BYTES);
    const a = parseSide(before, 'old', textMax);
    const b = parseSide(after, 'new', textMax);
    if (before.equals(after)) return [];
    const children: Difference[] = [...headerChildren(path, a, b)];
    const list = chunkListChild(path, a, b);
    if (list !== undefined) children.push(list);
    pushField(children, ID, `${path}:tIME`, 'tIME', a.time ?? '(none)', b.time ?? '(none)');
    children.push(...textChildren(path, a, b));
    children.push(...otherChunkChildren(path, a, b));
    const pixels = pixelChild(path, a, b, max);
    if (pixels !== undefined) children.push(pixels);
    if (!a.trailing.equals(b.trailing)) children.push(bytesNode(ID, `${path}:after IEND`, 'bytes after IEND', a.trailing, b.trailing));
    // Same texts, chunks and pixels, other bytes: a text recompressed, or data inside IEND.
    if (children.length === 0) children.push(bytesNode(ID, `${path}:chunk bytes`, 'chunk bytes (same decoded content)', before, after));
    const pixelsIdentical = pixels === undefined || (pixels.path !== `${path}:${PIXELS}` && !pixels.summary.includes('not compared'));
    const touchesPixels = children.some((c) => PIXEL_CHUNKS.has(c.path.slice(path.length + 1).split(' ')[0] as string));
    if (pixelsIdentical && !touchesPixels) {
      for (const child of children) if (child.path !== `${path}:IDAT`) child.summary = `${child.summary} (${IDENTICAL})`;
    }
    return children;
  },
  describe(path: string, children: readonly Difference[]): string {
    const name = (d: Difference): string => d.path.slice(path.length + 1);
    const pixels = children.find((c) => name(c) === PIXELS);
    const idat = children.find((c) => name(c) === 'IDAT');
    const touchesPixels = children.some((c) => PIXEL_CHUNKS.has(name(c).split(' ')[0] as string));
    const metadata = children.filter((c) => c !== pixels && c !== idat && name(c) !== 'chunks').map(name);
    if (pixels !== undefined) return `${pixels.summary}${metadata.length > 0 ? `; also ${listText(metadata)}` : ''}`;
    if (idat !== undefined && idat.summary.includes('not compared')) return idat.summary;
    if (touchesPixels) return `${listText(metadata)} differ${metadata.length === 1 ? 's' : ''}; the decoded samples are identical`;
    if (metadata.length === 0) return idat !== undefined ? `only the IDAT compression differs; ${IDENTICAL}` : `only the chunk order differs; ${IDENTICAL}`;
    return `only metadata differs (${listText(metadata)}${idat !== undefined ? ', and the IDAT compression' : ''}); ${IDENTICAL}`;
  },
};
