/**
 * The comparator registry's order: specific before generic, containers before their contents'
 * formats, bytes last. `ComparatorId` is closed, so adding a format means adding it here.
 */
import type { Comparator } from '../types.js';
import { arComparator } from './ar.js';
import { binaryComparator } from './binary.js';
import { classComparator } from './class.js';
import { elfComparator } from './elf.js';
import { jsonComparator } from './json.js';
import { machoComparator } from './macho.js';
import { peComparator } from './pe.js';
import { pngComparator } from './png.js';
import { pycComparator } from './pyc.js';
import { sourcemapComparator } from './sourcemap.js';
import { gzipComparator, lzmaComparator, xzComparator, zstdComparator } from './streams.js';
import { tarComparator } from './tar.js';
import { textComparator } from './text.js';
import { zipComparator } from './zip.js';

export const DEFAULT_COMPARATORS: readonly Comparator[] = [
  zipComparator,
  tarComparator,
  arComparator,
  gzipComparator,
  xzComparator,
  lzmaComparator,
  zstdComparator,
  elfComparator,
  peComparator,
  machoComparator,
  pycComparator,
  classComparator,
  pngComparator,
  sourcemapComparator,
  jsonComparator,
  textComparator,
  binaryComparator,
];
