/**
 * Java `.class`: version (→ Java release), constant-pool strings added and removed, class header
 * fields, and which fields and methods differ and how (bytecode, Code sub-attributes such as
 * LineNumberTable, or other attributes). Class attributes that hold one string (SourceFile,
 * Signature) are shown as that string.
 */
import { attributeUtf8, javaVersion, parseClass, TAG_NAMES, type AttributeInfo, type ClassFile, type MemberInfo } from '../formats/class-file.js';
import { hex } from '../formats/bytes.js';
import {
  bytesNode,
  fieldNode,
  keyed,
  listText,
  multisetDiff,
  node,
  pushField,
  stringsDetail,
  stringsSummary,
  unionKeys,
  forSide,
  type DescribedComparator,
} from '../formats/details.js';
import type { Difference } from '../types.js';

const ID = 'class';
const POOL = 'constant pool';

function parseSide(buf: Buffer, side: 'old' | 'new'): ClassFile {
  return forSide(side, () => parseClass(buf));
}

function versionText(file: ClassFile): string {
  return `${file.major}.${file.minor} (Java ${javaVersion(file.major)})`;
}

function poolEntries(file: ClassFile): string[] {
  return file.pool.flatMap((entry) => (entry === undefined ? [] : [`${TAG_NAMES[entry.tag] ?? entry.tag} ${entry.value}`]));
}

function utf8Strings(file: ClassFile): string[] {
  return file.pool.flatMap((entry) => (entry?.tag === 1 ? [entry.value] : []));
}

function poolChild(path: string, a: ClassFile, b: ClassFile): Difference | undefined {
  const at = `${path}:${POOL}`;
  const { removed, added } = multisetDiff(utf8Strings(a), utf8Strings(b));
  if (removed.length > 0 || added.length > 0) {
    return node(ID, at, 'lines', `${POOL}: ${stringsSummary(removed, added, 'Utf8 string')}`, stringsDetail(removed, added));
  }
  const before = poolEntries(a);
  const after = poolEntries(b);
  if (before.join('\n') === after.join('\n')) return undefined;
  const others = multisetDiff(before, after);
  if (others.removed.length === 0 && others.added.length === 0) {
    return node(ID, at, 'order', `${POOL}: the same ${before.length} entries in another order`, { type: 'order', before: before.slice(0, 200), after: after.slice(0, 200) });
  }
  const tags = [...new Set([...others.removed, ...others.added].map((entry) => entry.split(' ')[0] as string))];
  return node(ID, at, 'lines', `${POOL}: same Utf8 strings; ${listText(tags)} entries differ`, stringsDetail(others.removed, others.added));
}

/**
 * Attribute lists compared by name: added, removed, or changed (shown as its string when it holds
 * one, else as bytes). `prefix` labels Code's own attributes (`Code/LineNumberTable`).
 */
function attributeChildren(path: string, fa: ClassFile, a: readonly AttributeInfo[], fb: ClassFile, b: readonly AttributeInfo[], prefix = ''): Difference[] {
  const before = keyed(a, (x) => x.name);
  const after = keyed(b, (x) => x.name);
  const out: Difference[] = [];
  for (const key of unionKeys(before, after)) {
    const x = before.get(key);
    const y = after.get(key);
    const label = `${prefix}${key}`;
    const at = `${path}:${label}`;
    if (x === undefined && y !== undefined) out.push(node(ID, at, 'added', `attribute ${label} added`));
    else if (y === undefined && x !== undefined) out.push(node(ID, at, 'removed', `attribute ${label} removed`));
    else if (x !== undefined && y !== undefined) {
      // Same bytes can still name another string when the constant pool changed under them.
      const valueA = attributeUtf8(fa, x);
      const valueB = attributeUtf8(fb, y);
      if (valueA !== undefined && valueB !== undefined && valueA !== valueB) out.push(fieldNode(ID, at, label, valueA, valueB));
      else if (!x.data.equals(y.data)) out.push(bytesNode(ID, at, `attribute ${label}`, x.data, y.data));
    }
  }
  return out;
}

function memberLabel(member: MemberInfo, kind: 'field' | 'method'): string {
  return kind === 'field' ? `field ${member.name}:${member.descriptor}` : `method ${member.name}${member.descriptor}`;
}

function memberChildren(path: string, fa: ClassFile, x: MemberInfo, fb: ClassFile, y: MemberInfo, poolChanged: boolean): Difference[] {
  const out: Difference[] = [];
  pushField(out, ID, `${path}:access flags`, 'access flags', hex(x.accessFlags), hex(y.accessFlags));
  const attrsA = x.attributes.filter((attribute) => attribute.name !== 'Code' || x.code === undefined);
  const attrsB = y.attributes.filter((attribute) => attribute.name !== 'Code' || y.code === undefined);
  out.push(...attributeChildren(path, fa, attrsA, fb, attrsB));
  const ca = x.code;
  const cb = y.code;
  if (ca !== undefined && cb !== undefined) {
    if (!ca.bytecode.equals(cb.bytecode)) {
      const bytecode = bytesNode(ID, `${path}:bytecode`, 'bytecode', ca.bytecode, cb.bytecode);
      if (poolChanged) bytecode.summary = `${bytecode.summary} (the constant pool changed too, so indices may have shifted)`;
      out.push(bytecode);
    }
    pushField(out, ID, `${path}:max_stack`, 'max_stack', String(ca.maxStack), String(cb.maxStack));
    pushField(out, ID, `${path}:max_locals`, 'max_locals', String(ca.maxLocals), String(cb.maxLocals));
    if (!ca.exceptionTable.equals(cb.exceptionTable)) out.push(bytesNode(ID, `${path}:exception table`, 'exception table', ca.exceptionTable, cb.exceptionTable));
    out.push(...attributeChildren(path, fa, ca.attributes, fb, cb.attributes, 'Code/'));
  } else if (ca !== undefined || cb !== undefined) {
    out.push(node(ID, `${path}:Code`, ca === undefined ? 'added' : 'removed', `Code attribute ${ca === undefined ? 'added' : 'removed'}`));
  }
  return out;
}

function memberSummary(label: string, children: readonly Difference[]): string {
  const name = (d: Difference): string => d.path.slice(d.path.lastIndexOf(':') + 1);
  const added = children.filter((c) => c.kind === 'added').map(name);
  const removed = children.filter((c) => c.kind === 'removed').map(name);
  const changed = children.filter((c) => c.kind !== 'added' && c.kind !== 'removed').map(name);
  const parts: string[] = [];
  if (removed.length > 0) parts.push(`${listText(removed)} removed`);
  if (added.length > 0) parts.push(`${listText(added)} added`);
  if (changed.length > 0) parts.push(`${listText(changed)} differ${changed.length === 1 ? 's' : ''}`);
  if (!changed.includes('bytecode') && children.every((c) => !c.path.endsWith(':Code'))) parts.push('bytecode identical');
  return `${label}: ${parts.join('; ')}`;
}

function membersChildren(path: string, fa: ClassFile, fb: ClassFile, kind: 'field' | 'method', poolChanged: boolean): Difference[] {
  const list = (file: ClassFile): MemberInfo[] => (kind === 'field' ? file.fields : file.methods);
  const before = keyed(list(fa), (m) => memberLabel(m, kind));
  const after = keyed(list(fb), (m) => memberLabel(m, kind));
  const out: Difference[] = [];
  for (const key of unionKeys(before, after)) {
    const x = before.get(key);
    const y = after.get(key);
    const at = `${path}:${key}`;
    if (x === undefined) out.push(node(ID, at, 'added', `${key} added`));
    else if (y === undefined) out.push(node(ID, at, 'removed', `${key} removed`));
    else {
      const children = memberChildren(at, fa, x, fb, y, poolChanged);
      if (children.length > 0) out.push(node(ID, at, 'modified', memberSummary(key, children), undefined, children));
    }
  }
  return out;
}

export const classComparator: DescribedComparator = {
  id: ID,
  recognizes(_path: string, head: Buffer): boolean {
    // Mach-O universal binaries share 0xcafebabe; their next word is a small arch count, ours a version ≥ 45.
    return head.length >= 8 && head.readUInt32BE(0) === 0xcafebabe && head.readUInt16BE(6) >= 45 && head.readUInt32BE(4) >= 45;
  },
  compare(path: string, before: Buffer, after: Buffer): Difference[] {
    const a = parseSide(before, 'old');
    const b = parseSide(after, 'new');
    if (before.equals(after)) return [];
    const children: Difference[] = [];
    pushField(children, ID, `${path}:version`, 'version', versionText(a), versionText(b));
    const pool = poolChild(path, a, b);
    if (pool !== undefined) children.push(pool);
    pushField(children, ID, `${path}:access flags`, 'access flags', hex(a.accessFlags), hex(b.accessFlags));
    pushField(children, ID, `${path}:this class`, 'this class', a.thisClass, b.thisClass);
    pushField(children, ID, `${path}:super class`, 'super class', a.superClass, b.superClass);
    pushField(children, ID, `${path}:interfaces`, 'interfaces', a.interfaces.join(', '), b.interfaces.join(', '));
    const poolChanged = poolEntries(a).join('\n') !== poolEntries(b).join('\n');
    children.push(...membersChildren(path, a, b, 'field', poolChanged));
    children.push(...membersChildren(path, a, b, 'method', poolChanged));
    children.push(...attributeChildren(path, a, a.attributes, b, b.attributes));
    for (const kind of ['field', 'method'] as const) {
      const order = (file: ClassFile): string[] => (kind === 'field' ? file.fields : file.methods).map((m) => memberLabel(m, kind).slice(kind.length + 1));
      const x = order(a);
      const y = order(b);
      if (x.join('\n') !== y.join('\n') && multisetDiff(x, y).added.length === 0 && multisetDiff(x, y).removed.length === 0) {
        children.push(node(ID, `${path}:order of ${kind}s`, 'order', `the same ${kind}s in another order`, { type: 'order', before: x, after: y }));
      }
    }
    // Everything parsed is compared above; this names any difference it could not place.
    if (children.length === 0) children.push(bytesNode(ID, `${path}:bytes`, 'class file bytes', before, after));
    return children;
  },
  describe(path: string, children: readonly Difference[]): string {
    const name = (d: Difference): string => d.path.slice(path.length + 1);
    const parts: string[] = [];
    const pool = children.find((c) => c.path === `${path}:${POOL}`);
    const version = children.find((c) => c.path === `${path}:version`);
    if (version?.detail?.type === 'field') parts.push(`version ${version.detail.before} → ${version.detail.after}`);
    if (pool !== undefined) parts.push(pool.summary);
    const methods = children.filter((c) => name(c).startsWith('method ')).map((c) => name(c).slice('method '.length));
    const fields = children.filter((c) => name(c).startsWith('field ')).map((c) => name(c).slice('field '.length));
    if (methods.length > 0) parts.push(`methods differ: ${listText(methods)}`);
    if (fields.length > 0) parts.push(`fields differ: ${listText(fields)}`);
    const rest = children.filter((c) => c !== pool && c !== version && !name(c).startsWith('method ') && !name(c).startsWith('field ')).map(name);
    if (rest.length > 0) parts.push(`${listText(rest)} differ${rest.length === 1 ? 's' : ''}`);
    if (methods.length === 0 && fields.length === 0) parts.push('methods and fields identical');
    return parts.join('; ');
  },
};
