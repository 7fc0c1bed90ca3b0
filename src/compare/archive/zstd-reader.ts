/**
 * zstd (RFC 8878): frame headers walked block by block without decoding, skippable frames kept as
 * metadata, and the payload expanded frame by frame with Node's zstd under a budget (Node's
 * decoder stops after the first frame, so frames are decoded one at a time).
 */
import { zstdDecompressSync } from 'node:zlib';
import {
  ArchiveFormatError,
  type ExpansionBudget,
  errorMessage,
  formatSize,
  isOutputLimitError,
  outputCap,
  readU64,
  take,
} from './bytes.js';

const ZSTD_MAGIC = 0xfd2fb528;
const MAX_FRAMES = 10_000;

export interface ZstdFrame {
  kind: 'zstd';
  offset: number;
  length: number;
  /** Magic and frame header: the blocks start here, relative to `offset`. */
  headerLength: number;
  /** Where the blocks end (the optional checksum follows), relative to `offset`. */
  blocksEnd: number;
  /** Frame_Content_Size, when the header records it. */
  contentSize: number | undefined;
  windowSize: number | undefined;
  dictionaryId: number;
  checksum: boolean;
  singleSegment: boolean;
  blocks: number;
}

export interface SkippableFrame {
  kind: 'skippable';
  offset: number;
  length: number;
  /** 0–15: the low nibble of the magic. */
  variant: number;
  data: Buffer;
}

export type Frame = ZstdFrame | SkippableFrame;

function isSkippableMagic(magic: number): boolean {
  return (magic & 0xfffffff0) === 0x184d2a50;
}

export function isZstd(head: Buffer): boolean {
  if (head.length < 4) return false;
  const magic = head.readUInt32LE(0);
  return magic === ZSTD_MAGIC || isSkippableMagic(magic);
}

function readFrame(buf: Buffer, offset: number, index: number): ZstdFrame {
  const what = `zstd frame ${index + 1} at offset ${offset}`;
  const descriptor = take(buf, offset + 4, 1, `${what}: header`)[0] ?? 0;
  if (descriptor & 0x08) throw new ArchiveFormatError(`${what}: reserved header bit set`);
  const fcsFlag = descriptor >> 6;
  const singleSegment = (descriptor & 0x20) !== 0;
  const checksum = (descriptor & 0x04) !== 0;
  const didSize = [0, 1, 2, 4][descriptor & 3] ?? 0;
  const fcsSize = fcsFlag === 0 ? (singleSegment ? 1 : 0) : [0, 2, 4, 8][fcsFlag] ?? 0;
  let at = offset + 5;
  let windowSize: number | undefined;
  if (!singleSegment) {
    const byte = take(buf, at, 1, `${what}: window descriptor`)[0] ?? 0;
    const base = 2 ** (10 + (byte >> 3));
    windowSize = base + (base / 8) * (byte & 7);
    at += 1;
  }
  const did = take(buf, at, didSize, `${what}: dictionary id`);
  const dictionaryId = didSize === 0 ? 0 : did.readUIntLE(0, didSize);
  at += didSize;
  let contentSize: number | undefined;
  if (fcsSize === 8) contentSize = readU64(buf, at, `${what}: content size`);
  else if (fcsSize > 0) contentSize = take(buf, at, fcsSize, `${what}: content size`).readUIntLE(0, fcsSize) + (fcsSize === 2 ? 256 : 0);
  at += fcsSize;
  if (singleSegment) windowSize = contentSize;
  const headerLength = at - offset;
  let blocks = 0;
  for (;;) {
    const header = take(buf, at, 3, `${what}: block ${blocks + 1} header`).readUIntLE(0, 3);
    const type = (header >> 1) & 3;
    const size = header >> 3;
    if (type === 3) throw new ArchiveFormatError(`${what}: block ${blocks + 1} has the reserved block type`);
    const bodyLength = type === 1 ? 1 : size;
    take(buf, at + 3, bodyLength, `${what}: block ${blocks + 1}`);
    at += 3 + bodyLength;
    blocks++;
    if (header & 1) break;
  }
  const blocksEnd = at - offset;
  if (checksum) {
    take(buf, at, 4, `${what}: content checksum`);
    at += 4;
  }
  return { kind: 'zstd', offset, length: at - offset, headerLength, blocksEnd, contentSize, windowSize, dictionaryId, checksum, singleSegment, blocks };
}

/** Walks every frame; ArchiveFormatError with the frame and offset when one is cut or corrupt. */
export function parseZstdFrames(buf: Buffer): Frame[] {
  const frames: Frame[] = [];
  let at = 0;
  while (at < buf.length) {
    if (frames.length >= MAX_FRAMES) throw new ArchiveFormatError(`more than ${MAX_FRAMES} zstd frames`);
    const magic = take(buf, at, 4, `zstd frame ${frames.length + 1} magic`).readUInt32LE(0);
    if (isSkippableMagic(magic)) {
      const size = take(buf, at + 4, 4, 'skippable frame size').readUInt32LE(0);
      const data = take(buf, at + 8, size, `skippable frame at offset ${at}`);
      frames.push({ kind: 'skippable', offset: at, length: 8 + size, variant: magic & 0x0f, data });
      at += 8 + size;
    } else if (magic === ZSTD_MAGIC) {
      const frame = readFrame(buf, at, frames.length);
      frames.push(frame);
      at += frame.length;
    } else {
      throw new ArchiveFormatError(`no zstd frame magic at offset ${at} (found 0x${magic.toString(16).padStart(8, '0')})`);
    }
  }
  return frames;
}

/** The decoded content of every zstd frame, in order; skippable frames carry no content. */
export function decodeZstd(buf: Buffer, frames: readonly Frame[], budget: ExpansionBudget): Buffer {
  const parts: Buffer[] = [];
  frames.forEach((frame, index) => {
    if (frame.kind !== 'zstd') return;
    const what = `zstd frame ${index + 1}`;
    if (frame.dictionaryId !== 0) throw new ArchiveFormatError(`${what} needs dictionary ${frame.dictionaryId}, which is not available`);
    if (frame.contentSize !== undefined && frame.contentSize > budget.remaining) {
      throw budget.refuse(what, `declares ${formatSize(frame.contentSize)} of content, more than`);
    }
    const cap = Math.min(budget.remaining, frame.contentSize ?? budget.remaining);
    let data: Buffer;
    try {
      data = zstdDecompressSync(buf.subarray(frame.offset, frame.offset + frame.length), { maxOutputLength: outputCap(cap) });
    } catch (error) {
      if (isOutputLimitError(error)) throw budget.refuse(what, 'expands past');
      throw new ArchiveFormatError(`${what} at offset ${frame.offset}: data corrupt (${errorMessage(error)})`);
    }
    budget.spend(data.length, what);
    parts.push(data);
  });
  return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
}
