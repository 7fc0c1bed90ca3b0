/**
 * The index an `ar` symbol table holds: which member defines each symbol. GNU `/` (32-bit
 * big-endian offsets), `/SYM64/` (64-bit) and BSD `__.SYMDEF` (32-bit little-endian ranlib
 * entries) point at member headers by offset, so the same index reads as other bytes whenever a
 * member before it moves; decoding it tells a moved member from a changed symbol set.
 */
export interface SymbolIndexEntry {
  symbol: string;
  /** Header offset of the member that defines it. */
  offset: number;
}

function gnuIndex(data: Buffer, width: 4 | 8): SymbolIndexEntry[] | null {
  if (data.length < width) return null;
  const read = (at: number): number => (width === 4 ? data.readUInt32BE(at) : Number(data.readBigUInt64BE(at)));
  const count = read(0);
  const namesAt = width + count * width;
  if (!Number.isSafeInteger(namesAt) || namesAt > data.length) return null;
  const entries: SymbolIndexEntry[] = [];
  let at = namesAt;
  for (let i = 0; i < count; i++) {
    const end = data.indexOf(0, at);
    if (end < 0) return null;
    entries.push({ symbol: data.toString('latin1', at, end), offset: read(width + i * width) });
    at = end + 1;
  }
  return entries;
}

function bsdIndex(data: Buffer): SymbolIndexEntry[] | null {
  if (data.length < 4) return null;
  const ranlibBytes = data.readUInt32LE(0);
  const stringsAt = 4 + ranlibBytes + 4;
  if (ranlibBytes % 8 !== 0 || stringsAt > data.length) return null;
  const stringsSize = data.readUInt32LE(4 + ranlibBytes);
  if (stringsAt + stringsSize > data.length) return null;
  const strings = data.subarray(stringsAt, stringsAt + stringsSize);
  const entries: SymbolIndexEntry[] = [];
  for (let at = 4; at < 4 + ranlibBytes; at += 8) {
    const name = data.readUInt32LE(at);
    if (name >= strings.length) return null;
    const end = strings.indexOf(0, name);
    entries.push({ symbol: strings.toString('latin1', name, end < 0 ? strings.length : end), offset: data.readUInt32LE(at + 4) });
  }
  return entries;
}

/** The symbol index of a symbol-table member named `name`, or null when its layout is not one we decode. */
export function decodeSymbolIndex(name: string, data: Buffer): SymbolIndexEntry[] | null {
  if (name === '/') return gnuIndex(data, 4);
  if (name === '/SYM64/') return gnuIndex(data, 8);
  if (name === '__.SYMDEF' || name === '__.SYMDEF SORTED') return bsdIndex(data);
  return null;
}

/**
 * Each symbol with the member that defines it, as `symbol → member`, sorted: equal on both sides
 * exactly when the symbol tables say the same thing apart from where the members sit. Null when
 * the table cannot be decoded or points at an offset where no member starts.
 */
export function symbolOwners(name: string, data: Buffer, memberAt: ReadonlyMap<number, string>): string[] | null {
  const entries = decodeSymbolIndex(name, data);
  if (entries === null) return null;
  const owners: string[] = [];
  for (const { symbol, offset } of entries) {
    const member = memberAt.get(offset);
    if (member === undefined) return null;
    owners.push(`${symbol} → ${member}`);
  }
  return owners.sort();
}
