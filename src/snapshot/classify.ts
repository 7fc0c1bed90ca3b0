/** Decides a file's content class from its first bytes (magic first) and its name (second). */
import { zstdCompressSync, constants } from 'node:zlib';
import type { ContentClass } from './types.js';
import { groupBytes } from './codecs.js';

const COMPRESSED_EXTENSIONS = new Set([
  'gz', 'tgz', 'xz', 'txz', 'zst', 'tzst', 'bz2', 'tbz2', 'lz4', 'lz', 'lzma', 'br', '7z', 'rar',
  'zip', 'jar', 'war', 'ear', 'whl', 'apk', 'aar', 'nupkg', 'vsix', 'crx', 'xpi', 'egg', 'docx', 'xlsx', 'pptx', 'odt',
  'jpg', 'jpeg', 'png', 'gif', 'webp', 'avif', 'heic', 'jxl', 'mp3', 'mp4', 'm4a', 'm4v', 'mkv', 'webm', 'ogg', 'opus', 'flac',
  'mov', 'woff', 'woff2', 'gguf', 'squashfs', 'deb', 'rpm', 'pdf',
]);
const TENSOR_EXTENSIONS = new Set(['safetensors', 'npy', 'pt', 'pth', 'bin', 'ckpt', 'f16', 'bf16', 'f32', 'raw', 'tensor']);

const MAGICS: readonly (readonly number[])[] = [
  [0x1f, 0x8b], // gzip
  [0x50, 0x4b, 0x03, 0x04], // zip family
  [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], // xz
  [0x28, 0xb5, 0x2f, 0xfd], // zstd
  [0x42, 0x5a, 0x68], // bzip2
  [0x04, 0x22, 0x4d, 0x18], // lz4 frame
  [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], // 7z
  [0x89, 0x50, 0x4e, 0x47], // png
  [0xff, 0xd8, 0xff], // jpeg
  [0x47, 0x49, 0x46, 0x38], // gif
  [0x47, 0x47, 0x55, 0x46], // gguf
  [0x77, 0x4f, 0x46, 0x32], // woff2
];

function startsWith(head: Uint8Array, magic: readonly number[]): boolean {
  if (head.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (head[i] !== magic[i]) return false;
  return true;
}

export function extensionOf(path: string): string {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  return dot > slash + 1 ? path.slice(dot + 1).toLowerCase() : '';
}

/** True when the first bytes look like text: no NUL in the first 8 KiB and few control bytes in the first 2 KiB. */
function looksLikeText(head: Uint8Array): boolean {
  const sniff = head.subarray(0, 8192);
  if (sniff.indexOf(0) >= 0) return false; // native memchr: most binaries stop here
  let control = 0;
  const n = Math.min(head.length, 2048);
  for (let i = 0; i < n; i++) {
    const b = head[i] as number;
    if (b < 9 || (b > 13 && b < 32) || b === 127) control++;
  }
  return control * 100 <= n;
}

/**
 * Class from the file's first bytes and name. `tensor` is only a candidate: `chooseTensorWidth`
 * decides whether byte grouping actually pays off for it.
 */
export function classifyHead(path: string, head: Uint8Array): ContentClass {
  if (MAGICS.some((magic) => startsWith(head, magic))) return 'compressed';
  if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && head.length >= 12 && String.fromCharCode(...head.subarray(8, 12)) === 'WEBP') {
    return 'compressed';
  }
  const ext = extensionOf(path);
  if (TENSOR_EXTENSIONS.has(ext)) return 'tensor';
  if (COMPRESSED_EXTENSIONS.has(ext)) return 'compressed';
  return looksLikeText(head) ? 'text' : 'binary';
}

function zstdSize(data: Uint8Array): number {
  return zstdCompressSync(data, { params: { [constants.ZSTD_c_compressionLevel]: 1 } }).length;
}

/**
 * Picks the element width (2 or 4) whose byte grouping compresses a sample best, or 0 when grouping
 * does not beat plain zstd by at least 3 % (then the file is stored as a plain binary).
 * The sample must start at an element-aligned file offset.
 */
export function chooseTensorWidth(sample: Uint8Array): number {
  if (sample.length < 4096) return 0;
  const plain = zstdSize(sample);
  let best = 0;
  let bestSize = plain * 0.97;
  for (const width of [2, 4]) {
    const size = zstdSize(groupBytes(sample, width));
    if (size < bestSize) {
      best = width;
      bestSize = size;
    }
  }
  return best;
}
