/**
 * Python `.pyc`: the header fields (magic → Python version, invalidation mode, source mtime and
 * size or source hash) and the marshalled code object. The usual finding is "only the header
 * differs; the code object is identical": a source mtime, not a change in what runs.
 */
import {
  bytesNode,
  fieldNode,
  hexBytes,
  isoFromEpoch,
  listText,
  multisetDiff,
  node,
  stringsDetail,
  stringsSummary,
  forSide,
  type DescribedComparator,
} from '../formats/details.js';
import { looksLikePyc, parsePycHeader, pythonVersion, walkCode, type PycCode, type PycHeader } from '../formats/pyc.js';
import type { Difference } from '../types.js';

const ID = 'pyc';
const CODE = 'code object';
const HEADER_ONLY = 'the code object is identical';


function magicText(header: PycHeader): string {
  return `${header.magic} (${header.version === undefined ? 'unknown Python' : `Python ${header.version}`})`;
}

function modeText(header: PycHeader): string {
  const mode = header.mode === 'timestamp' ? 'timestamp-based' : header.mode === 'checked-hash' ? 'checked hash-based' : 'unchecked hash-based';
  return header.flags === undefined ? mode : `${header.flags} (${mode})`;
}

function mtimeText(mtime: number | undefined): string {
  return mtime === undefined ? '(none)' : `${mtime} (${isoFromEpoch(mtime)})`;
}

function headerFields(path: string, a: PycHeader, b: PycHeader): Difference[] {
  const optional = (value: string | undefined): string => value ?? '(none)';
  const fields: [string, string, string][] = [
    ['magic', magicText(a), magicText(b)],
    ['flags', modeText(a), modeText(b)],
    ['source mtime', mtimeText(a.mtime), mtimeText(b.mtime)],
    ['source size', optional(a.sourceSize?.toString()), optional(b.sourceSize?.toString())],
    ['source hash', optional(a.sourceHash && hexBytes(a.sourceHash)), optional(b.sourceHash && hexBytes(b.sourceHash))],
  ];
  return fields
    .filter(([, before, after]) => before !== after)
    .map(([name, before, after]) => {
      // Both mtimes known: the dates read better than the epochs the detail keeps.
      const summary =
        name === 'source mtime' && a.mtime !== undefined && b.mtime !== undefined
          ? `source mtime differs: ${isoFromEpoch(a.mtime)} → ${isoFromEpoch(b.mtime)}`
          : `${name} differs: ${before} → ${after}`;
      return fieldNode(ID, `${path}:${name}`, name, before, after, summary);
    });
}

function codeChildren(path: string, body: [Buffer, Buffer], codes: [PycCode | undefined, PycCode | undefined], offsets: [number, number]): Difference {
  const at = `${path}:${CODE}`;
  const [x, y] = codes;
  const children: Difference[] = [];
  if (x !== undefined && y !== undefined) {
    const files = multisetDiff(x.filenames, y.filenames);
    if (files.removed.length > 0 || files.added.length > 0) {
      const before = x.filenames.join(', ');
      const after = y.filenames.join(', ');
      children.push(fieldNode(ID, `${at}:co_filename`, 'co_filename', before, after, `co_filename differs: ${before} → ${after}`));
    }
    // Filenames are reported above; the rest are names and string constants.
    const strings = multisetDiff(
      x.strings.filter((s) => !x.filenames.includes(s)),
      y.strings.filter((s) => !y.filenames.includes(s)),
    );
    if (strings.removed.length > 0 || strings.added.length > 0) {
      children.push(node(ID, `${at}:strings`, 'lines', `strings: ${stringsSummary(strings.removed, strings.added)}`, stringsDetail(strings.removed, strings.added)));
    }
  }
  const bytes = bytesNode(ID, at, CODE, body[0], body[1], offsets[0], offsets[1]);
  if (children.length === 0) return bytes;
  const what = children.map((c) => (c.path.endsWith(':co_filename') ? 'co_filename' : c.summary));
  return node(ID, at, 'modified', `${CODE} differs (${bytes.summary.slice(CODE.length + 2)}): ${what.join('; ')}`, bytes.detail, children);
}

export const pycComparator: DescribedComparator = {
  id: ID,
  recognizes(path: string, head: Buffer): boolean {
    if (!looksLikePyc(head)) return false;
    return /\.py[co]$/i.test(path) || pythonVersion(head.readUInt16LE(0)) !== undefined;
  },
  compare(path: string, before: Buffer, after: Buffer): Difference[] {
    const a = forSide('old', () => parsePycHeader(before));
    const b = forSide('new', () => parsePycHeader(after));
    // Walking both validates them: a damaged code object falls back instead of being half-read.
    const codeA = forSide('old', () => walkCode(before, a));
    const codeB = forSide('new', () => walkCode(after, b));
    if (before.equals(after)) return [];
    const children = headerFields(path, a, b);
    const bodyA = before.subarray(a.size);
    const bodyB = after.subarray(b.size);
    if (bodyA.equals(bodyB)) {
      for (const child of children) child.summary = `${child.summary} (header only: ${HEADER_ONLY})`;
      return children;
    }
    children.push(codeChildren(path, [bodyA, bodyB], [codeA, codeB], [a.size, b.size]));
    return children;
  },
  describe(path: string, children: readonly Difference[]): string {
    const header = children.filter((c) => !c.path.startsWith(`${path}:${CODE}`)).map((c) => c.path.slice(path.length + 1));
    const code = children.find((c) => c.path === `${path}:${CODE}`);
    if (code === undefined) return header.length === 0 ? 'no differences' : `only the header differs (${listText(header)}); ${HEADER_ONLY}`;
    return header.length === 0 ? code.summary : `header differs (${listText(header)}); ${code.summary}`;
  },
};
