#!/usr/bin/env python3
"""An independent reader for .vitsnap v1 files, written from docs/format.md only.

Usage: read_vitsnap.py [--summary] FILE

Without --summary it checks everything `vitsnap verify` checks, in the order of docs 9.2: header,
trailer, manifest section, index, every block and every chunk, the entries section, every file.
It then prints one JSON object:

    {"createdAt": ..., "tool": {...}, "stats": {...}, "blocks": N, "chunks": M,
     "entries": [[path, "file", mode, size, sha256] | [path, "dir", mode] | [path, "symlink", target], ...]}

With --summary it reads only what `vitsnap info` reads (docs 2.1 and 9.2 steps 1-4: header, trailer,
manifest section) and prints {"createdAt": ..., "tool": {...}, "stats": {...}}.

On any failed check it prints "read_vitsnap: CODE: message" to stderr and exits with status 1.
zstd is decoded by piping to the `zstd` command-line tool.
"""
import hashlib
import json
import os
import re
import stat
import struct
import subprocess
import sys

HEADER_SIZE = 32
TRAILER_SIZE = 200
TRAILER_DIGESTED = 176
BLOCK_RECORD = 56
CHUNK_RECORD = 44
HEADER_MAGIC = b"VITSNAP\x00"
END_MAGIC = b"VSNPEND\x00"
MAX_U64 = 2**53 - 1
MiB = 1024 * 1024

# docs 9.1
LIMIT_MANIFEST_STORED = 16 * MiB
LIMIT_MANIFEST_RAW = 64 * MiB
LIMIT_ENTRIES_STORED = 128 * MiB
LIMIT_ENTRIES_RAW = 512 * MiB
LIMIT_BLOCK_RAW = 16 * MiB
LIMIT_BLOCKS = 4 * 1024 * 1024
LIMIT_CHUNKS = 16 * 1024 * 1024
LIMIT_ENTRIES = 2_000_000
LIMIT_PATH = 4096
LIMIT_SEGMENT = 255
LIMIT_TARGET = 4096
LIMIT_CREATED_AT = 64
LIMIT_STRING = 1024 * 1024

CLASSES = ("text", "binary", "compressed", "tensor")
HEX64 = re.compile(r"[0-9a-f]{64}\Z")
# docs 5.4, createdAt. [0-9] and \Z rather than \d and $: Python's \d matches non-ASCII digits and
# its $ matches before a final newline.
CREATED_AT = re.compile(r"[0-9]{4,6}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z\Z")
CREATED_AT_EXPANDED = re.compile(r"[+-][0-9]{6}-")
BACKSLASH_DOTDOT = re.compile(r"(^|[\\/])\.\.([\\/]|\Z)")
DRIVE_LETTER = re.compile(r"[A-Za-z]:[\\/]")


class SnapshotError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


def fail(code, message):
    raise SnapshotError(code, message)


def sha256(data):
    return hashlib.sha256(data).digest()


def utf8_length(text):
    # surrogatepass: a lone surrogate (possible through a JSON \u escape) counts 3 bytes instead of
    # crashing the encoder.
    return len(text.encode("utf-8", "surrogatepass"))


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
        """docs 9.2 step 1."""
        try:
            self.f = open(path, "rb")
        except FileNotFoundError:
            fail("E_NOT_FOUND", f"{path} does not exist")
        except IsADirectoryError:
            fail("E_INPUT", f"{path} is not a regular file")
        st = os.fstat(self.f.fileno())
        if not stat.S_ISREG(st.st_mode):
            fail("E_INPUT", f"{path} is not a regular file")
        self.size = st.st_size

    def read(self, offset, length):
        if offset < 0 or offset + length > self.size:
            fail("E_TRUNCATED", "read past the end of the file")
        self.f.seek(offset)
        data = self.f.read(length)
        if len(data) != length:
            fail("E_TRUNCATED", "file ended early")
        return data


def read_header(f):
    """docs 3 and 9.2 step 2."""
    head = f.read(0, min(HEADER_SIZE, f.size))
    prefix = min(8, f.size)
    if f.size == 0 or head[:prefix] != HEADER_MAGIC[:prefix]:
        fail("E_BAD_MAGIC", "bad header magic")
    if f.size < HEADER_SIZE:
        fail("E_TRUNCATED", "shorter than a header")
    major, minor, flags = struct.unpack_from("<HHI", head, 8)
    if major != 1:
        fail("E_VERSION", f"format major {major} is not 1")
    if flags != 0 or any(head[16:32]):
        fail("E_CORRUPT", "header flags or reserved bytes are not zero")
    return major, minor


def read_trailer(f):
    """docs 7 and 9.2 step 3."""
    if f.size < HEADER_SIZE + TRAILER_SIZE:
        fail("E_TRUNCATED", "shorter than header + trailer")
    t = f.read(f.size - TRAILER_SIZE, TRAILER_SIZE)
    if t[192:200] != END_MAGIC:
        fail("E_TRUNCATED", "no end magic")
    if sha256(t[0:TRAILER_DIGESTED])[:16] != t[176:192]:
        fail("E_CHECKSUM", "trailer digest mismatch")
    major, minor, flags = struct.unpack_from("<HHI", t, 0)
    if major != 1:
        fail("E_VERSION", f"trailer format major {major} is not 1")
    if flags != 0:
        fail("E_CORRUPT", "trailer flags are not zero")
    u64s = struct.unpack_from("<8Q", t, 8)
    if any(value > MAX_U64 for value in u64s):
        fail("E_CORRUPT", "a u64 trailer field is over 2^53-1")
    e_off, e_stored, e_raw, m_off, m_stored, m_raw, i_off, i_len = u64s
    block_count, chunk_count = struct.unpack_from("<II", t, 72)
    trailer_offset = f.size - TRAILER_SIZE
    if (
        e_off < HEADER_SIZE
        or e_off + e_stored != m_off
        or m_off + m_stored != i_off
        or i_off + i_len != trailer_offset
    ):
        fail("E_CORRUPT", "section offsets do not fit the file")
    if m_stored > LIMIT_MANIFEST_STORED:
        fail("E_LIMIT", "stored manifest over the limit")
    if m_raw > LIMIT_MANIFEST_RAW:
        fail("E_LIMIT", "raw manifest over the limit")
    if e_stored > LIMIT_ENTRIES_STORED or e_raw > LIMIT_ENTRIES_RAW:
        fail("E_LIMIT", "entries section over the limit")
    if block_count > LIMIT_BLOCKS or chunk_count > LIMIT_CHUNKS:
        fail("E_LIMIT", "too many blocks or chunks")
    if i_len != BLOCK_RECORD * block_count + CHUNK_RECORD * chunk_count:
        fail("E_CORRUPT", "index length does not match the counts")
    return {
        "major": major,
        "minor": minor,
        "entries_offset": e_off,
        "entries_stored": e_stored,
        "entries_raw": e_raw,
        "manifest_offset": m_off,
        "manifest_stored": m_stored,
        "manifest_raw": m_raw,
        "index_offset": i_off,
        "index_length": i_len,
        "block_count": block_count,
        "chunk_count": chunk_count,
        "entries_sha256": t[80:112],
        "manifest_sha256": t[112:144],
        "index_sha256": t[144:176],
    }


def reject_constant(name):
    raise ValueError(f"{name} is not JSON")


def read_json_section(f, offset, stored_length, raw_length, digest, what):
    """docs 5.1: digest of the stored bytes, zstd to exactly raw_length, strict UTF-8 JSON."""
    stored = f.read(offset, stored_length)
    if sha256(stored) != digest:
        fail("E_CHECKSUM", f"{what} digest mismatch")
    raw = zstd_decode(stored, raw_length, what)
    try:
        # utf-8-sig: strict UTF-8 that skips one leading byte-order mark, as the reference reader does.
        return json.loads(raw.decode("utf-8-sig"), parse_constant=reject_constant)
    except (UnicodeDecodeError, ValueError) as error:
        fail("E_MANIFEST", f"{what} is not UTF-8 JSON: {error}")


# --- schema helpers (docs 5.2 "Schema conventions") ---------------------------------------------


def as_int(value, maximum=MAX_U64):
    """An int of the schema: any JSON number whose value is an integer in 0..maximum, else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        if not value.is_integer():
            return None
        value = int(value)
    if isinstance(value, int) and 0 <= value <= maximum:
        return value
    return None


def need_int(value, where, maximum=MAX_U64):
    result = as_int(value, maximum)
    if result is None:
        fail("E_MANIFEST", f"{where}: expected an integer in 0..{maximum}")
    return result


def need_object(value, where):
    if not isinstance(value, dict):
        fail("E_MANIFEST", f"{where}: expected an object")
    return value


def need_array(value, where):
    if not isinstance(value, list):
        fail("E_MANIFEST", f"{where}: expected an array")
    return value


def need_string(value, where, max_bytes=LIMIT_STRING):
    if not isinstance(value, str):
        fail("E_MANIFEST", f"{where}: expected a string")
    if utf8_length(value) > max_bytes:
        fail("E_MANIFEST", f"{where}: longer than {max_bytes} bytes")
    return value


def need_nullable_string(obj, key, where):
    if key not in obj:
        fail("E_MANIFEST", f"{where}.{key}: missing")
    return None if obj[key] is None else need_string(obj[key], f"{where}.{key}")


def optional_string(obj, key, where):
    if key in obj:
        need_string(obj[key], f"{where}.{key}")


def need_hex64(value, where):
    if not isinstance(value, str) or not HEX64.match(value):
        fail("E_MANIFEST", f"{where}: expected a lowercase hex SHA-256")
    return value


def need_bool(value, where):
    if not isinstance(value, bool):
        fail("E_MANIFEST", f"{where}: expected a boolean")
    return value


# --- manifest section (docs 5.4) ------------------------------------------------------------------


def check_metadata(value):
    if value is None:
        return
    m = need_object(value, "metadata")
    for i, c in enumerate(need_array(m.get("commands"), "metadata.commands")):
        where = f"metadata.commands[{i}]"
        c = need_object(c, where)
        need_string(c.get("command"), f"{where}.command")
        need_string(c.get("name"), f"{where}.name")
        need_string(c.get("stdout"), f"{where}.stdout")
        optional_string(c, "error", where)
        if "exitCode" not in c:
            fail("E_MANIFEST", f"{where}.exitCode: missing")
        if c["exitCode"] is not None:
            need_int(c["exitCode"], f"{where}.exitCode", 255)
    env = need_object(m.get("env"), "metadata.env")
    for key, v in env.items():
        need_string(v, f"metadata.env.{key}")
    for i, lock in enumerate(need_array(m.get("lockfiles"), "metadata.lockfiles")):
        lock = need_object(lock, f"metadata.lockfiles[{i}]")
        need_string(lock.get("path"), f"metadata.lockfiles[{i}].path")
        need_hex64(lock.get("sha256"), f"metadata.lockfiles[{i}].sha256")
    runner = need_object(m.get("runner"), "metadata.runner")
    for key in ("arch", "os", "release"):
        need_string(runner.get(key), f"metadata.runner.{key}")
    for key in ("distro", "image", "imageVersion"):
        optional_string(runner, key, "metadata.runner")
    for i, t in enumerate(need_array(m.get("toolchains"), "metadata.toolchains")):
        where = f"metadata.toolchains[{i}]"
        t = need_object(t, where)
        need_string(t.get("command"), f"{where}.command")
        need_string(t.get("name"), f"{where}.name")
        need_bool(t.get("found"), f"{where}.found")
        for key in ("error", "path", "realpath", "version"):
            optional_string(t, key, where)
        if "sha256" in t:
            need_hex64(t["sha256"], f"{where}.sha256")
    need_string(m.get("umask"), "metadata.umask")


def check_manifest(m, t):
    """docs 5.4, then the manifest half of 5.6."""
    m = need_object(m, "manifest")
    tool = need_object(m.get("tool"), "tool")
    if tool.get("name") != "vitsnap":
        fail("E_MANIFEST", 'tool.name: expected "vitsnap"')
    need_string(tool.get("version"), "tool.version")
    if "createdAt" not in m:
        fail("E_MANIFEST", "createdAt: missing")
    if m["createdAt"] is not None:
        created = need_string(m["createdAt"], "createdAt", LIMIT_CREATED_AT)
        if not CREATED_AT.match(created) and not CREATED_AT_EXPANDED.match(created):
            fail("E_MANIFEST", f"createdAt: not an ISO 8601 UTC time: {created!r}")
    source = need_object(m.get("source"), "source")
    if "dirty" not in source or not (source["dirty"] is None or isinstance(source["dirty"], bool)):
        fail("E_MANIFEST", "source.dirty: expected a boolean or null")
    for key in ("ref", "repository", "runId", "sha"):
        need_nullable_string(source, key, "source")
    if "metadata" not in m:
        fail("E_MANIFEST", "metadata: missing")
    check_metadata(m["metadata"])
    if "parent" not in m:
        fail("E_MANIFEST", "parent: missing")
    if m["parent"] is not None:
        need_hex64(m["parent"], "parent")
    s = need_object(m.get("stats"), "stats")
    stats = {key: need_int(s.get(key), f"stats.{key}") for key in ("blocks", "bytes", "chunks", "dirs", "files", "storedBytes", "symlinks")}
    classes = need_object(s.get("classes"), "stats.classes")
    stats["classes"] = {}
    for cls in CLASSES:
        one = need_object(classes.get(cls), f"stats.classes.{cls}")
        stats["classes"][cls] = {key: need_int(one.get(key), f"stats.classes.{cls}.{key}") for key in ("bytes", "files")}
    if stats["blocks"] != t["block_count"] or stats["chunks"] != t["chunk_count"]:
        fail("E_MANIFEST", "stats.blocks or stats.chunks disagree with the trailer")
    return {"createdAt": m["createdAt"], "tool": {"name": "vitsnap", "version": tool["version"]}, "stats": stats}


# --- entries section (docs 5.3, 5.5) --------------------------------------------------------------


def path_problem(path):
    """docs 5.5."""
    if path == "" or "\x00" in path:
        return "empty path or NUL"
    if utf8_length(path) > LIMIT_PATH:
        return "path too long"
    if path.startswith("/"):
        return "absolute path"
    for segment in path.split("/"):
        if segment == "":
            return "empty segment"
        if segment in (".", ".."):
            return f'"{segment}" segment'
        if utf8_length(segment) > LIMIT_SEGMENT:
            return "segment too long"
    if BACKSLASH_DOTDOT.search(path):
        return '".." segment with a backslash separator'
    if DRIVE_LETTER.match(path):
        return "drive letter"
    return None


def check_entries(value, stats):
    """docs 5.3 and 5.5, then the entries half of 5.6. Returns normalised entries."""
    entries = need_array(value, "entries")
    if len(entries) > LIMIT_ENTRIES:
        fail("E_LIMIT", "too many entries")
    out = []
    for i, e in enumerate(entries):
        where = f"entries[{i}]"
        e = need_object(e, where)
        path = e.get("path")
        if not isinstance(path, str):
            fail("E_MANIFEST", f"{where}.path: expected a string")
        problem = path_problem(path)
        if problem is not None:
            fail("E_MANIFEST", f"{where}.path: {problem}: {path!r}")
        kind = e.get("type")
        if kind == "file":
            size = need_int(e.get("size"), f"{where}.size")
            mode = need_int(e.get("mode"), f"{where}.mode", 0o7777)
            digest = need_hex64(e.get("sha256"), f"{where}.sha256")
            if e.get("class") not in CLASSES:
                fail("E_MANIFEST", f"{where}.class: unknown content class")
            entry = {"type": "file", "path": path, "mode": mode, "size": size, "sha256": digest}
            if "chunks" in e:
                chunks = e["chunks"]
                if not isinstance(chunks, list) or len(chunks) < 2 or len(chunks) > size:
                    fail("E_MANIFEST", f"{where}.chunks: chunk count does not fit the file size")
                entry["chunks"] = [need_hex64(c, f"{where}.chunks[{k}]") for k, c in enumerate(chunks)]
        elif kind == "dir":
            entry = {"type": "dir", "path": path, "mode": need_int(e.get("mode"), f"{where}.mode", 0o7777)}
        elif kind == "symlink":
            target = need_string(e.get("target"), f"{where}.target", LIMIT_TARGET)
            if target == "" or "\x00" in target:
                fail("E_MANIFEST", f"{where}.target: empty or NUL")
            entry = {"type": "symlink", "path": path, "target": target}
        else:
            fail("E_MANIFEST", f"{where}.type: unknown type {kind!r}")
        out.append(entry)
    previous = None
    for i, entry in enumerate(out):
        key = entry["path"].encode("utf-8", "surrogatepass")
        if previous is not None and previous >= key:
            fail("E_MANIFEST", f"entries[{i}].path: entries not sorted or duplicate path {entry['path']!r}")
        previous = key
    for kind, stat in (("file", "files"), ("dir", "dirs"), ("symlink", "symlinks")):
        count = sum(1 for entry in out if entry["type"] == kind)
        if count != stats[stat]:
            fail("E_MANIFEST", f"{count} {kind} entries but stats.{stat} is {stats[stat]}")
    return out


# --- index and blocks (docs 6, 4) -----------------------------------------------------------------


def read_index(f, t):
    """docs 6 and 9.2 step 6."""
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
        if offset > MAX_U64 or offset != expected or offset + stored > t["entries_offset"]:
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
    if expected != t["entries_offset"]:
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
        """docs 9.2 step 8: the digest of the stored bytes before decoding."""
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


# --- the whole file -------------------------------------------------------------------------------


def open_snapshot(path):
    """docs 9.2 steps 1-4: everything `info` reads."""
    f = File(path)
    header = read_header(f)
    t = read_trailer(f)
    if header != (t["major"], t["minor"]):
        fail("E_CORRUPT", "header and trailer versions differ")
    manifest = read_json_section(f, t["manifest_offset"], t["manifest_stored"], t["manifest_raw"], t["manifest_sha256"], "manifest section")
    summary = check_manifest(manifest, t)
    return f, t, summary


def read_snapshot(path):
    """What `verify` checks, in its order (docs 9.2, last paragraph)."""
    f, t, summary = open_snapshot(path)

    blocks, chunks = read_index(f, t)
    reader = BlockReader(f, blocks)
    by_block = [[] for _ in blocks]
    for digest, (block, offset, length) in chunks.items():  # dicts keep the chunk-table order
        by_block[block].append((digest, offset, length))
    for i in range(len(blocks)):
        raw = reader.raw(i)
        for digest, offset, length in by_block[i]:
            if sha256(raw[offset : offset + length]) != digest:
                fail("E_CHECKSUM", f"chunk {digest.hex()[:12]} in block {i} does not match its digest")

    value = read_json_section(f, t["entries_offset"], t["entries_stored"], t["entries_raw"], t["entries_sha256"], "entries section")
    entries = check_entries(value, summary["stats"])

    rows = []
    for e in entries:
        if e["type"] == "dir":
            rows.append([e["path"], "dir", e["mode"]])
            continue
        if e["type"] == "symlink":
            rows.append([e["path"], "symlink", e["target"]])
            continue
        size = e["size"]
        digests = [] if size == 0 else e.get("chunks", [e["sha256"]])
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
        if hashlib.sha256(b"".join(pieces)).hexdigest() != e["sha256"]:
            fail("E_CHECKSUM", f"{e['path']}: content does not match its sha256")
        rows.append([e["path"], "file", e["mode"], size, e["sha256"]])
    return {**summary, "blocks": len(blocks), "chunks": len(chunks), "entries": rows}


def main(argv):
    args = argv[1:]
    summary_only = args[:1] == ["--summary"]
    if summary_only:
        args = args[1:]
    if len(args) != 1:
        print("usage: read_vitsnap.py [--summary] FILE", file=sys.stderr)
        return 2
    try:
        if summary_only:
            result = open_snapshot(args[0])[2]
        else:
            result = read_snapshot(args[0])
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
