#!/usr/bin/env python3
"""An independent reader for .vitsnap v1 files, written from docs/format.md only.

Usage: read_vitsnap.py FILE

Checks the header, trailer, manifest, index, every block, every chunk and every file digest, then
prints one JSON object:

    {"entries": [[path, type, size_or_null, sha256_or_target_or_null], ...], "blocks": N, "chunks": M}

On any failed check it prints "read_vitsnap: CODE: message" to stderr and exits with status 1.
zstd is decoded by piping to the `zstd` command-line tool.
"""
import hashlib
import json
import os
import re
import struct
import subprocess
import sys

HEADER_SIZE = 32
TRAILER_SIZE = 144
BLOCK_RECORD = 56
CHUNK_RECORD = 44
HEADER_MAGIC = b"VITSNAP\x00"
END_MAGIC = b"VSNPEND\x00"
MAX_U64 = 2**53 - 1
MiB = 1024 * 1024

# docs/format.md 9.1
LIMIT_MANIFEST_STORED = 64 * MiB
LIMIT_MANIFEST_RAW = 256 * MiB
LIMIT_BLOCK_RAW = 16 * MiB
LIMIT_BLOCKS = 4 * 1024 * 1024
LIMIT_CHUNKS = 16 * 1024 * 1024
LIMIT_ENTRIES = 2_000_000
LIMIT_PATH = 4096
LIMIT_SEGMENT = 255
LIMIT_TARGET = 4096

HEX64 = re.compile(r"[0-9a-f]{64}\Z")
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()


class SnapshotError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


def fail(code, message):
    raise SnapshotError(code, message)


def sha256(data):
    return hashlib.sha256(data).digest()


def zstd_decode(stored, raw_length, what):
    """A zstd stream that must decompress to exactly raw_length bytes (docs 4.2)."""
    proc = subprocess.run(["zstd", "-d", "-c", "-q"], input=stored, capture_output=True)
    if proc.returncode != 0:
        fail("E_CORRUPT", f"{what} is not valid zstd data: {proc.stderr.decode(errors='replace').strip()}")
    if len(proc.stdout) != raw_length:
        fail("E_CORRUPT", f"{what} decompressed to {len(proc.stdout)} bytes, expected {raw_length}")
    return proc.stdout


def ungroup(grouped, width):
    """Inverse of byte grouping (docs 4.3): lanes 0..w-1 of `count` bytes each, then the tail."""
    n = len(grouped)
    count = n // width
    raw = bytearray(n)
    for lane in range(width):
        raw[lane : count * width : width] = grouped[lane * count : (lane + 1) * count]
    raw[count * width :] = grouped[count * width :]
    return bytes(raw)


class File:
    def __init__(self, path):
        self.f = open(path, "rb")
        self.size = os.fstat(self.f.fileno()).st_size

    def read(self, offset, length):
        if offset < 0 or offset + length > self.size:
            fail("E_TRUNCATED", "read past the end of the file")
        self.f.seek(offset)
        data = self.f.read(length)
        if len(data) != length:
            fail("E_TRUNCATED", "file ended early")
        return data


def read_header(f):
    """docs 3."""
    if f.size < HEADER_SIZE:
        fail("E_TRUNCATED", "shorter than a header")
    h = f.read(0, HEADER_SIZE)
    if h[0:8] != HEADER_MAGIC:
        fail("E_BAD_MAGIC", "bad header magic")
    major, minor, flags = struct.unpack_from("<HHI", h, 8)
    if major != 1:
        fail("E_VERSION", f"format major {major} is not 1")
    if flags != 0 or any(h[16:32]):
        fail("E_CORRUPT", "header flags or reserved bytes are not zero")
    return major, minor


def read_trailer(f):
    """docs 7 and the checks of 9.2 step 3."""
    if f.size < HEADER_SIZE + TRAILER_SIZE:
        fail("E_TRUNCATED", "shorter than header + trailer")
    t = f.read(f.size - TRAILER_SIZE, TRAILER_SIZE)
    if t[136:144] != END_MAGIC:
        fail("E_TRUNCATED", "no end magic")
    if sha256(t[0:120])[:16] != t[120:136]:
        fail("E_CHECKSUM", "trailer digest mismatch")
    major, minor, flags = struct.unpack_from("<HHI", t, 0)
    if major != 1:
        fail("E_VERSION", f"trailer format major {major} is not 1")
    if flags != 0:
        fail("E_CORRUPT", "trailer flags are not zero")
    m_off, m_stored, m_raw, i_off, i_len = struct.unpack_from("<5Q", t, 8)
    for value in (m_off, m_stored, m_raw, i_off, i_len):
        if value > MAX_U64:
            fail("E_CORRUPT", "a u64 trailer field is over 2^53-1")
    block_count, chunk_count = struct.unpack_from("<II", t, 48)
    trailer_offset = f.size - TRAILER_SIZE
    if m_off < HEADER_SIZE or m_off + m_stored != i_off or i_off + i_len != trailer_offset:
        fail("E_CORRUPT", "section offsets do not fit the file")
    if m_stored > LIMIT_MANIFEST_STORED or m_raw > LIMIT_MANIFEST_RAW:
        fail("E_LIMIT", "manifest over the limit")
    if block_count > LIMIT_BLOCKS or chunk_count > LIMIT_CHUNKS:
        fail("E_LIMIT", "too many blocks or chunks")
    if i_len != BLOCK_RECORD * block_count + CHUNK_RECORD * chunk_count:
        fail("E_CORRUPT", "index length does not match the counts")
    return {
        "major": major,
        "minor": minor,
        "manifest_offset": m_off,
        "manifest_stored": m_stored,
        "manifest_raw": m_raw,
        "index_offset": i_off,
        "index_length": i_len,
        "block_count": block_count,
        "chunk_count": chunk_count,
        "manifest_sha256": t[56:88],
        "index_sha256": t[88:120],
    }


def path_problem(path):
    """docs 5.3."""
    if path == "" or "\x00" in path:
        return "empty path or NUL"
    if len(path.encode("utf-8")) > LIMIT_PATH:
        return "path too long"
    if path.startswith("/"):
        return "absolute path"
    for segment in path.split("/"):
        if segment == "":
            return "empty segment"
        if segment in (".", ".."):
            return f'"{segment}" segment'
        if len(segment.encode("utf-8")) > LIMIT_SEGMENT:
            return "segment too long"
    if re.search(r"(^|[\\/])\.\.([\\/]|$)", path):
        return '".." segment with a backslash separator'
    if re.match(r"[A-Za-z]:[\\/]", path):
        return "drive letter"
    return None


def is_int(v, maximum=MAX_U64):
    return isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= maximum


def check_manifest(m):
    """The parts of docs 5.2 this reader relies on, plus the path and order rules."""
    if not isinstance(m, dict):
        fail("E_MANIFEST", "manifest is not an object")
    tool = m.get("tool")
    if not isinstance(tool, dict) or tool.get("name") != "vitsnap" or not isinstance(tool.get("version"), str):
        fail("E_MANIFEST", "tool")
    entries = m.get("entries")
    if not isinstance(entries, list):
        fail("E_MANIFEST", "entries is not an array")
    if len(entries) > LIMIT_ENTRIES:
        fail("E_LIMIT", "too many entries")
    if "parent" not in m or not (m["parent"] is None or (isinstance(m["parent"], str) and HEX64.match(m["parent"]))):
        fail("E_MANIFEST", "parent")
    if "createdAt" not in m or not (m["createdAt"] is None or isinstance(m["createdAt"], str)):
        fail("E_MANIFEST", "createdAt")
    for key in ("source", "stats"):
        if not isinstance(m.get(key), dict):
            fail("E_MANIFEST", key)
    previous = None
    for i, e in enumerate(entries):
        where = f"entries[{i}]"
        if not isinstance(e, dict) or not isinstance(e.get("path"), str):
            fail("E_MANIFEST", f"{where}: no path")
        path = e["path"]
        problem = path_problem(path)
        if problem is not None:
            fail("E_MANIFEST", f"{where}: {problem}: {path!r}")
        key = path.encode("utf-8")
        if previous is not None and previous >= key:
            fail("E_MANIFEST", f"{where}: entries not sorted or duplicate path {path!r}")
        previous = key
        kind = e.get("type")
        if kind == "file":
            size = e.get("size")
            if not is_int(size) or not is_int(e.get("mode"), 0o7777):
                fail("E_MANIFEST", f"{where}: size or mode")
            if not isinstance(e.get("sha256"), str) or not HEX64.match(e["sha256"]):
                fail("E_MANIFEST", f"{where}: sha256")
            if e.get("class") not in ("text", "binary", "compressed", "tensor"):
                fail("E_MANIFEST", f"{where}: class")
            if "chunks" in e:
                chunks = e["chunks"]
                if not isinstance(chunks, list) or len(chunks) < 2 or len(chunks) > size:
                    fail("E_MANIFEST", f"{where}: chunks")
                for c in chunks:
                    if not isinstance(c, str) or not HEX64.match(c):
                        fail("E_MANIFEST", f"{where}: chunk digest")
        elif kind == "dir":
            if not is_int(e.get("mode"), 0o7777):
                fail("E_MANIFEST", f"{where}: mode")
        elif kind == "symlink":
            target = e.get("target")
            if not isinstance(target, str) or target == "" or "\x00" in target or len(target.encode("utf-8")) > LIMIT_TARGET:
                fail("E_MANIFEST", f"{where}: target")
        else:
            fail("E_MANIFEST", f"{where}: unknown type {kind!r}")
    return entries


def read_index(f, t):
    """docs 6 and 9.2 step 5."""
    buf = f.read(t["index_offset"], t["index_length"])
    if sha256(buf) != t["index_sha256"]:
        fail("E_CHECKSUM", "index digest mismatch")
    blocks = []
    expected = HEADER_SIZE
    at = 0
    for i in range(t["block_count"]):
        offset, stored, raw = struct.unpack_from("<QII", buf, at)
        codec, width = buf[at + 16], buf[at + 17]
        digest = buf[at + 24 : at + 56]
        if offset > MAX_U64 or offset != expected or offset + stored > t["manifest_offset"]:
            fail("E_CORRUPT", f"block {i} outside the block area")
        if any(buf[at + 18 : at + 24]):
            fail("E_CORRUPT", f"block {i} has non-zero reserved bytes")
        if raw > LIMIT_BLOCK_RAW:
            fail("E_LIMIT", f"block {i} raw length over the limit")
        if codec not in (0, 1, 2):
            fail("E_CORRUPT", f"block {i} has unknown codec {codec}")
        if codec == 0 and stored != raw:
            fail("E_CORRUPT", f"block {i} sizes disagree")
        if (codec == 2 and width not in (2, 4)) or (codec != 2 and width != 0):
            fail("E_CORRUPT", f"block {i} has width {width}")
        blocks.append({"offset": offset, "stored": stored, "raw": raw, "codec": codec, "width": width, "sha256": digest})
        expected = offset + stored
        at += BLOCK_RECORD
    if expected != t["manifest_offset"]:
        fail("E_CORRUPT", "blocks do not fill the block area")
    chunks = {}
    previous = None
    for i in range(t["chunk_count"]):
        digest = buf[at : at + 32]
        block, offset, length = struct.unpack_from("<III", buf, at + 32)
        if previous is not None and previous >= digest:
            fail("E_CORRUPT", "chunk records not sorted or duplicated")
        if block >= len(blocks) or offset + length > blocks[block]["raw"]:
            fail("E_CORRUPT", f"chunk {i} outside its block")
        chunks[digest] = (block, offset, length)
        previous = digest
        at += CHUNK_RECORD
    return blocks, chunks


class BlockReader:
    def __init__(self, f, blocks):
        self.f = f
        self.blocks = blocks
        self.cache = {}

    def raw(self, i):
        if i in self.cache:
            return self.cache[i]
        b = self.blocks[i]
        stored = self.f.read(b["offset"], b["stored"])
        if sha256(stored) != b["sha256"]:
            fail("E_CHECKSUM", f"block {i} digest mismatch")
        if b["codec"] == 0:
            data = stored
        elif b["codec"] == 1:
            data = zstd_decode(stored, b["raw"], f"block {i}")
        else:
            data = ungroup(zstd_decode(stored, b["raw"], f"block {i}"), b["width"])
        self.cache[i] = data
        return data


def read_snapshot(path):
    f = File(path)
    header = read_header(f)
    t = read_trailer(f)
    if header != (t["major"], t["minor"]):
        fail("E_CORRUPT", "header and trailer versions differ")

    stored = f.read(t["manifest_offset"], t["manifest_stored"])
    if sha256(stored) != t["manifest_sha256"]:
        fail("E_CHECKSUM", "manifest digest mismatch")
    raw = zstd_decode(stored, t["manifest_raw"], "manifest")
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        fail("E_MANIFEST", f"manifest is not JSON: {error}")
    entries = check_manifest(manifest)

    blocks, chunks = read_index(f, t)
    reader = BlockReader(f, blocks)

    # Every chunk against its digest (what `verify` does).
    for digest, (block, offset, length) in chunks.items():
        if sha256(reader.raw(block)[offset : offset + length]) != digest:
            fail("E_CHECKSUM", f"chunk {digest.hex()[:12]} does not match its digest")

    out = []
    for e in entries:
        kind = e["type"]
        if kind == "dir":
            out.append([e["path"], "dir", None, None])
            continue
        if kind == "symlink":
            out.append([e["path"], "symlink", None, e["target"]])
            continue
        size = e["size"]
        if size == 0:
            digests = []
            if "chunks" in e:
                fail("E_MANIFEST", f"{e['path']}: empty file with chunks")
        else:
            digests = e.get("chunks", [e["sha256"]])
        pieces = []
        total = 0
        for hex_digest in digests:
            record = chunks.get(bytes.fromhex(hex_digest))
            if record is None:
                fail("E_CORRUPT", f"{e['path']}: chunk {hex_digest[:12]} missing")
            block, offset, length = record
            pieces.append(reader.raw(block)[offset : offset + length])
            total += length
        if total != size:
            fail("E_CORRUPT", f"{e['path']}: chunks add up to {total} bytes, expected {size}")
        content = b"".join(pieces)
        if hashlib.sha256(content).hexdigest() != e["sha256"]:
            fail("E_CHECKSUM", f"{e['path']}: content does not match its sha256")
        out.append([e["path"], "file", size, e["sha256"]])
    return {"entries": out, "blocks": len(blocks), "chunks": len(chunks)}


def main(argv):
    if len(argv) != 2:
        print("usage: read_vitsnap.py FILE", file=sys.stderr)
        return 2
    try:
        result = read_snapshot(argv[1])
    except SnapshotError as error:
        print(f"read_vitsnap: {error.code}: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"read_vitsnap: E_IO: {error}", file=sys.stderr)
        return 1
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
